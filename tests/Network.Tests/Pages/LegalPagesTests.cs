using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Tenancy;

namespace Network.Tests.Pages;

/// <summary>
/// Legal pages as pages of the Pages module: written from the pages admin (starting from the generated default), shown
/// at their fixed addresses by the Settings module, never archived nor deleted, defaults wherever Pages is off.
/// Each test works on its own tenant and role, so the order of the tests does not matter.
/// </summary>
public sealed class LegalPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Without_a_written_page_the_fixed_address_shows_the_default_text_and_the_editor_starts_from_it()
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/donnees-personnelles");
        Assert.Equal("Données personnelles et cookies", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(".Network.Antiforgery", page.QuerySelector("main")!.TextContent);

        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var list = await admin.GetDocumentAsync("/nouvelle-aquitaine/admin/pages/legales");
        var rows = list.QuerySelectorAll("main tbody tr").ToList();
        Assert.Equal(4, rows.Count);
        Assert.Contains(rows, r => r.TextContent.Contains("/donnees-personnelles") && r.TextContent.Contains("Texte par défaut"));
        Assert.Contains(rows, r => r.TextContent.Contains("/contact"));

        var editor = await admin.GetDocumentAsync("/nouvelle-aquitaine/admin/pages/legales/donnees-personnelles");
        Assert.Equal("Données personnelles et cookies", editor.QuerySelector("#input-title")!.GetAttribute("value"));
        Assert.Contains(".Network.Antiforgery", editor.QuerySelector("#input-body")!.TextContent);
        Assert.Null(editor.QuerySelector("#input-accessibilitystatus"));
        var accessibility = await admin.GetDocumentAsync("/nouvelle-aquitaine/admin/pages/legales/accessibilite");
        Assert.Equal("NonConforme", accessibility.QuerySelector("#input-accessibilitystatus option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_page_written_in_the_admin_shows_at_its_fixed_address_and_its_status_in_the_footers_of_its_tenant()
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var response = await admin.SubmitFormAsync("/hauts-de-france/admin/pages/legales/accessibilite", "main form",
            Fields("Déclaration d'accessibilité des Hauts-de-France", "## Audit\n\nUn audit a été mené en 2026 par la coordination.", status: "PartiellementConforme"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/admin/pages/legales?enregistre=accessibilite", response.Headers.Location!.OriginalString);

        var visitor = factory.CreateBrowserClient();
        var page = await visitor.GetDocumentAsync("/hauts-de-france/accessibilite");
        Assert.Equal("Déclaration d'accessibilité des Hauts-de-France", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Un audit a été mené en 2026", page.QuerySelector("main")!.TextContent);
        Assert.Equal("partiellement conforme", page.QuerySelector("main strong")!.TextContent.Trim());
        var home = await visitor.GetDocumentAsync("/hauts-de-france/plan-du-site");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité : partiellement conforme");
        var other = await visitor.GetDocumentAsync("/nouvelle-aquitaine/plan-du-site");
        Assert.Contains(other.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité : non conforme");

        // The page is a content item like any other: its address is its role, it is published, its history has both steps.
        var item = await RolePageAsync("hauts-de-france", PageRoles.Accessibility);
        Assert.Equal("accessibilite", item.Slug);
        Assert.Equal(ContentStatus.Published, item.Status);
        var history = await factory.InTenantAsync("hauts-de-france", sp => sp.GetRequiredService<ContentStore>().HistoryAsync(item.Id));
        Assert.Equal(["publish", "create"], history.Select(r => r.Action));

        // Once written, the legal pages' entry hands over to the standard page editor.
        var again = await admin.GetAsync("/hauts-de-france/admin/pages/legales/accessibilite");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal($"/hauts-de-france/admin/pages/{item.Id}", again.Headers.Location!.OriginalString);
        var list = await admin.GetDocumentAsync("/hauts-de-france/admin/pages/legales");
        Assert.Contains(list.QuerySelectorAll("main tbody tr"), r => r.TextContent.Contains("/accessibilite") && r.TextContent.Contains("Publié"));
    }

    [Fact]
    public async Task Markdown_of_a_legal_page_is_rendered_without_raw_html_or_unsafe_links()
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var body = "## Éditeur\n\nTexte <script>alert('x')</script> et <img src=x onerror=alert(1)>.\n\n[piège](javascript:alert(1)) [plan](/plan-du-site)";
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync("/hauts-de-france/admin/pages/legales/mentions-legales", "main form", Fields("Mentions légales", body))).StatusCode);

        var html = await (await factory.CreateBrowserClient().GetAsync("/hauts-de-france/mentions-legales")).Content.ReadAsStringAsync();
        var main = html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
        // The breadcrumb's JSON-LD is data (and escapes '<'): leave it out of what must hold no script.
        main = System.Text.RegularExpressions.Regex.Replace(main, "<script type=\"application/ld\\+json\">[^<]*</script>", "");
        Assert.DoesNotContain("<script", main);
        Assert.DoesNotContain("<img", main);
        Assert.DoesNotContain("javascript:", main);
        Assert.Contains("&lt;script&gt;", main);
        Assert.Contains("href=\"/hauts-de-france/plan-du-site\"", main);
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.AccessibilityStatus", "Bidon", "#input-accessibilitystatus-messages" },
        { "Input.AccessibilityStatus", "1", "#input-accessibilitystatus-messages" },
        { "Input.AccessibilityStatus", "", "#input-accessibilitystatus-messages" },
        { "Input.Title", "", "#input-title-messages" },
        { "Input.Title", new string('t', 201), "#input-title-messages" },
        { "Input.Body", "   ", "#input-body-messages" },
        { "Input.Body", new string('m', 50_001), "#input-body-messages" },
        { "Input.TitleEn", "Only a title", "#input-bodyen-messages" },
        { "Input.BodyEn", "Only a text", "#input-titleen-messages" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_reported_on_its_field_and_nothing_is_created(string field, string value, string messageSelector)
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var fields = Fields("Accessibilité", "Texte qui ne doit pas être enregistré.", status: "TotalementConforme");
        fields[field] = value;
        var response = await admin.SubmitFormAsync("/nouvelle-aquitaine/admin/pages/legales/accessibilite", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector(messageSelector)?.TextContent), $"No message in {messageSelector}");
        Assert.NotNull(document.QuerySelector("#erreurs a[href^='#input-']"));

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/accessibilite");
        Assert.DoesNotContain("ne doit pas être enregistré", page.QuerySelector("main")!.TextContent);
        Assert.Equal("non conforme", page.QuerySelector("main strong")!.TextContent.Trim());
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/nouvelle-aquitaine/admin/pages/legales/accessibilite")).StatusCode);
    }

    [Theory]
    [InlineData("inconnue")]
    [InlineData("a-propos")]
    [InlineData("..%2Fmentions-legales")]
    public async Task Unknown_role_is_404(string role)
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/hauts-de-france/admin/pages/legales/" + role)).StatusCode);
    }

    [Fact]
    public async Task Legal_pages_cannot_be_archived_deleted_or_withdrawn()
    {
        var item = await WrittenAsync("hauts-de-france", PageRoles.PersonalData);
        foreach (var action in new[] { ContentAction.Archive, ContentAction.Delete, ContentAction.Withdraw })
        {
            var result = await factory.InTenantAsync("hauts-de-france", sp => sp.GetRequiredService<ContentStore>()
                .PerformAsync(item.Id, item.Version, action, ContentTestKit.Coordinator));
            Assert.False(result.Succeeded, $"{action} succeeded");
        }
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var panel = await admin.GetDocumentAsync($"/hauts-de-france/admin/contenus/{item.Id}");
        Assert.Null(panel.QuerySelector("#action-archive"));
        Assert.Null(panel.QuerySelector("#action-delete"));
        Assert.Equal(ContentStatus.Published, (await RolePageAsync("hauts-de-france", PageRoles.PersonalData)).Status);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync("/hauts-de-france/donnees-personnelles")).StatusCode);

        // A free page is not concerned.
        var type = factory.Service<PageType>();
        Assert.True(type.Allows(new ContentItem { FieldsJson = "{}", Status = ContentStatus.Published }, ContentAction.Archive));
    }

    [Fact]
    public async Task A_coordinator_of_another_tenant_cannot_reach_them()
    {
        var item = await WrittenAsync("hauts-de-france", PageRoles.Contact);
        var email = AccountTestKit.NewEmail("coordination-hub");
        var user = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(user.Id, TenantRecord.HubName, NetworkRoles.Coordinator);
        var client = await TestSignIn.ClientAsync(factory, email, administrator: false);

        // The hub has no item of that id: a forged id is 404 and changes nothing.
        Assert.Equal(0, await factory.InTenantAsync(TenantRecord.HubName, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.Id == item.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/contenus/{item.Id}")).StatusCode);
        var token = (await client.GetDocumentAsync("/admin/pages/legales")).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await client.GetDocumentAsync("/admin/pages/legales/contact")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var forged = await client.PostAsync($"/admin/contenus/{item.Id}?handler=Action", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["version"] = item.Version.ToString(), ["action"] = "Archive",
        }));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        // In the region, the hub's coordinator has no permission at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hauts-de-france/admin/pages/legales/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/hauts-de-france/admin/contenus/{item.Id}")).StatusCode);
        var after = await RolePageAsync("hauts-de-france", PageRoles.Contact);
        Assert.Equal((item.Version, ContentStatus.Published), (after.Version, after.Status));
    }

    [Fact]
    public async Task Where_Pages_is_disabled_the_default_texts_come_back_and_the_settings_no_longer_link_to_the_pages_admin()
    {
        await WrittenAsync("nouvelle-aquitaine", PageRoles.LegalNotice);
        var visitor = factory.CreateBrowserClient();
        Assert.Contains("Texte rédigé par la coordination.", (await visitor.GetDocumentAsync("/nouvelle-aquitaine/mentions-legales")).QuerySelector("main")!.TextContent);
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        Assert.NotNull((await admin.GetDocumentAsync("/nouvelle-aquitaine/admin/parametres")).QuerySelector("main a[href='/nouvelle-aquitaine/admin/pages/legales/mentions-legales']"));
        Assert.NotNull((await visitor.GetDocumentAsync("/nouvelle-aquitaine/plan-du-site")).QuerySelector("main a[href='/nouvelle-aquitaine/contact']"));

        var tenants = factory.Service<TenantManager>();
        await tenants.DisableFeatureAsync("nouvelle-aquitaine", "Menus");
        await tenants.DisableFeatureAsync("nouvelle-aquitaine", "Pages");
        try
        {
            var page = await visitor.GetDocumentAsync("/nouvelle-aquitaine/mentions-legales");
            Assert.Equal("Mentions légales", page.QuerySelector("main h1")!.TextContent.Trim());
            Assert.DoesNotContain("Texte rédigé par la coordination.", page.QuerySelector("main")!.TextContent);
            var settings = await admin.GetDocumentAsync("/nouvelle-aquitaine/admin/parametres");
            Assert.Null(settings.QuerySelector("main a[href^='/nouvelle-aquitaine/admin/pages']"));
            Assert.Null((await visitor.GetDocumentAsync("/nouvelle-aquitaine/plan-du-site")).QuerySelector("main a[href='/nouvelle-aquitaine/contact']"));
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/nouvelle-aquitaine/contact")).StatusCode);
        }
        finally
        {
            await tenants.EnableFeatureAsync("nouvelle-aquitaine", "Pages");
            await tenants.EnableFeatureAsync("nouvelle-aquitaine", "Menus");
        }
        Assert.Contains("Texte rédigé par la coordination.", (await visitor.GetDocumentAsync("/nouvelle-aquitaine/mentions-legales")).QuerySelector("main")!.TextContent);
    }

    /// <summary>The role page of <paramref name="tenant"/>, written through the admin by the administrator if it is not yet.</summary>
    private async Task<ContentItem> WrittenAsync(string tenant, string role)
    {
        var admin = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var open = await admin.GetAsync($"/{tenant}/admin/pages/legales/{role}");
        if (open.StatusCode == HttpStatusCode.OK)
        {
            var response = await admin.SubmitFormAsync($"/{tenant}/admin/pages/legales/{role}", "main form",
                Fields("Page rédigée", "Texte rédigé par la coordination.", status: role == PageRoles.Accessibility ? "NonConforme" : ""));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        return await RolePageAsync(tenant, role);
    }

    private Task<ContentItem> RolePageAsync(string tenant, string role)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var type = sp.GetRequiredService<PageType>();
            var items = await sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().Where(i => i.ContentType == PageType.TypeName).ToListAsync();
            return items.Single(i => type.Read(i).Role == role);
        });

    private static Dictionary<string, string> Fields(string title, string body, string status = "")
        => new()
        {
            ["Input.Title"] = title,
            ["Input.Body"] = body,
            ["Input.TitleEn"] = "",
            ["Input.BodyEn"] = "",
            ["Input.AccessibilityStatus"] = status,
        };
}
