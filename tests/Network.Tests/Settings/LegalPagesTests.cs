using System.Net;
using Network.Core.Security;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Settings;

/// <summary>The legal pages: default texts per tenant, editing by coordinators, safe Markdown, RGAA status in every footer.</summary>
public sealed class LegalPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Theory]
    [InlineData("/hauts-de-france/mentions-legales", "Mentions légales", "13001797100016")]
    [InlineData("/hauts-de-france/donnees-personnelles", "Données personnelles et cookies", ".Network.Display")]
    [InlineData("/hauts-de-france/accessibilite", "Déclaration d'accessibilité", "Défenseur des droits")]
    [InlineData("/accessibilite", "Déclaration d'accessibilité", "Ministère de la Culture")]
    public async Task Default_texts_name_the_tenant_operator_and_contact(string url, string title, string expected)
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync(url);
        var main = document.QuerySelector("main")!;
        Assert.Equal(title, main.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains(expected, main.TextContent);
        if (url.StartsWith("/hauts-de-france", StringComparison.Ordinal))
        {
            Assert.Contains("Direction régionale des affaires culturelles Hauts-de-France", main.TextContent);
            Assert.NotNull(main.QuerySelector("a[href='mailto:numerique.hdf@reseau.localhost']"));
        }
        Assert.Single(document.QuerySelectorAll("h1"));
    }

    [Fact]
    public async Task Personal_data_page_lists_every_cookie_the_site_sets()
    {
        var text = (await factory.CreateBrowserClient().GetDocumentAsync("/donnees-personnelles")).QuerySelector("main")!.TextContent;
        foreach (var cookie in new[] { ".Network.Account", ".Network.Antiforgery", ".Network.Culture", ".Network.Display" })
            Assert.Contains(cookie, text);
    }

    [Fact]
    public async Task Accessibility_status_shows_on_the_page_and_in_every_footer_of_that_tenant_only()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var response = await client.SubmitFormAsync("/hauts-de-france/admin/parametres/pages/accessibilite", "main form", Fields(status: "PartiellementConforme"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/admin/parametres?enregistre=accessibilite", response.Headers.Location!.OriginalString);

        var visitor = factory.CreateBrowserClient();
        var page = await visitor.GetDocumentAsync("/hauts-de-france/accessibilite");
        Assert.Equal("partiellement conforme", page.QuerySelector("main strong")!.TextContent.Trim());
        var home = await visitor.GetDocumentAsync("/hauts-de-france/");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité : partiellement conforme");
        var other = await visitor.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.Contains(other.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité : non conforme");

        var list = await client.GetDocumentAsync("/hauts-de-france/admin/parametres");
        Assert.Contains(NetworkWebFactory.AdminEmail, list.QuerySelector("table")!.TextContent);
    }

    [Fact]
    public async Task Markdown_is_rendered_without_raw_html_or_unsafe_links()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var body = "## Éditeur\n\nTexte <script>alert('x')</script> et <img src=x onerror=alert(1)>.\n\n[piège](javascript:alert(1)) [contact](/plan-du-site)";
        var response = await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres/pages/mentions-legales", "main form", Fields(body: body));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var html = await (await factory.CreateBrowserClient().GetAsync("/nouvelle-aquitaine/mentions-legales")).Content.ReadAsStringAsync();
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        Assert.DoesNotContain("<script", main);
        Assert.DoesNotContain("<img", main);
        Assert.DoesNotContain("javascript:", main);
        Assert.Contains("&lt;script&gt;", main);
        Assert.Contains("href=\"/nouvelle-aquitaine/plan-du-site\"", main);
        Assert.Contains("piège", main);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.AccessibilityStatus", "Bidon", "#etat-messages" },
        { "Input.AccessibilityStatus", "1", "#etat-messages" },
        { "Input.AccessibilityStatus", "", "#etat-messages" },
        { "Input.Title", "", "#page-titre-messages" },
        { "Input.Title", new string('t', 121), "#page-titre-messages" },
        { "Input.BodyMarkdown", "  ", "#page-texte-messages" },
        { "Input.BodyMarkdown", new string('m', 50_001), "#page-texte-messages" },
        { "Input.TitleEn", "Only a title", "#page-texte-en-messages" },
        { "Input.BodyMarkdownEn", "Only a text", "#page-titre-en-messages" },
        { "Input.Version", "pas-un-guid", ".fr-alert--error" },
        { "Input.Version", "4d0f7e4e-56a8-4c8b-9c65-0e3f3e9a1b2c", ".fr-alert--error" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_reported_on_its_field_and_the_page_is_not_saved(string field, string value, string messageSelector)
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var fields = Fields(status: "TotalementConforme", body: "Texte qui ne doit pas être enregistré.");
        fields[field] = value;
        var response = await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres/pages/accessibilite", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector(messageSelector)?.TextContent), $"No message in {messageSelector}");

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/accessibilite");
        Assert.DoesNotContain("ne doit pas être enregistré", page.QuerySelector("main")!.TextContent);
        Assert.Equal("non conforme", page.QuerySelector("main strong")!.TextContent.Trim());
    }

    [Fact]
    public async Task Editing_from_a_stale_form_is_refused()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        const string edit = "/hauts-de-france/admin/parametres/pages/donnees-personnelles";
        var form = await client.GetDocumentAsync(edit);
        var values = form.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in Fields(body: "Première version.")) values[key] = value;
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(edit, new FormUrlEncodedContent(values))).StatusCode);
        values["Input.BodyMarkdown"] = "Seconde version depuis le même formulaire.";
        var stale = await client.PostAsync(edit, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("modifiée entre-temps", await stale.Content.ReadAsStringAsync());
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/donnees-personnelles");
        Assert.Contains("Première version.", page.QuerySelector("main")!.TextContent);
    }

    [Fact]
    public async Task English_version_is_shown_to_English_visitors_and_French_is_marked_when_missing()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var fields = Fields(body: "Texte en français.");
        fields["Input.TitleEn"] = "Legal notice of the region";
        fields["Input.BodyMarkdownEn"] = "Text in English.";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres/pages/mentions-legales", "main form", fields)).StatusCode);

        var english = factory.CreateBrowserClient();
        english.DefaultRequestHeaders.Add("Cookie", ".Network.Culture=c%3Den%7Cuic%3Den");
        var translated = await english.GetDocumentAsync("/nouvelle-aquitaine/mentions-legales");
        Assert.Equal("Legal notice of the region", translated.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Text in English.", translated.QuerySelector("main")!.TextContent);

        var frenchOnly = fields;
        frenchOnly["Input.TitleEn"] = "";
        frenchOnly["Input.BodyMarkdownEn"] = "";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres/pages/mentions-legales", "main form", frenchOnly)).StatusCode);
        var fallback = await english.GetDocumentAsync("/nouvelle-aquitaine/mentions-legales");
        Assert.NotNull(fallback.QuerySelector("main div[lang=fr]"));
        Assert.Contains("only available in French", fallback.QuerySelector("main")!.TextContent);
    }

    [Theory]
    [InlineData("inconnue")]
    [InlineData("..%2Fmentions-legales")]
    public async Task Unknown_legal_page_is_404(string slug)
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/admin/parametres/pages/" + slug)).StatusCode);
    }

    [Fact]
    public async Task A_member_without_ManageSettings_cannot_edit_legal_pages()
    {
        var email = AccountTestKit.NewEmail("contribution");
        var user = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(user.Id, "hauts-de-france", NetworkRoles.Contributor);
        var client = await TestSignIn.ClientAsync(factory, email, administrator: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hauts-de-france/admin/parametres/pages/accessibilite")).StatusCode);
        // The dashboard is open to contributors (AccessAdmin) but the settings entry is not shown to them.
        var dashboard = await client.GetDocumentAsync("/hauts-de-france/admin");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hauts-de-france/admin/parametres");
    }

    private static Dictionary<string, string> Fields(string status = "NonConforme", string body = "## Section\n\nTexte de la page.")
        => new()
        {
            ["Input.Title"] = "Titre de la page",
            ["Input.BodyMarkdown"] = body,
            ["Input.TitleEn"] = "",
            ["Input.BodyMarkdownEn"] = "",
            ["Input.AccessibilityStatus"] = status,
        };
}
