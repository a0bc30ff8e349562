using System.Net;
using Network.Core.Security;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Settings;

/// <summary>/admin/parametres: the tenant's identity, edited by those who hold ManageSettings in that tenant only.</summary>
public sealed class SiteSettingsAdminTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Page = "/hauts-de-france/admin/parametres";

    private static Dictionary<string, string> ValidFields() => new()
    {
        ["Input.SiteName"] = "Numérique culturel en Hauts-de-France",
        ["Input.Baseline"] = "Projets, pratiques et appels de la DRAC",
        ["Input.BlocMarque1"] = "Préfet",
        ["Input.BlocMarque2"] = "de la région",
        ["Input.BlocMarque3"] = "Hauts-de-France",
        ["Input.BlocMarque4"] = "",
        ["Input.OperatorName"] = "Direction régionale des affaires culturelles Hauts-de-France",
        ["Input.ContactEmail"] = "numerique@hdf.exemple.fr",
    };

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in()
    {
        var response = await factory.CreateBrowserClient().GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/hauts-de-france/compte/connexion", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_coordinator_of_another_region_gets_403_and_changes_nothing()
    {
        var email = AccountTestKit.NewEmail("coordination-na");
        var user = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(user.Id, "nouvelle-aquitaine", NetworkRoles.Coordinator);
        var client = await TestSignIn.ClientAsync(factory, email, administrator: false);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nouvelle-aquitaine/admin/parametres")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Page)).StatusCode);

        var before = factory.Tenant("hauts-de-france").SiteName;
        var own = await client.GetDocumentAsync("/nouvelle-aquitaine/admin/parametres");
        var token = own.QuerySelector("main form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ValidFields();
        fields["__RequestVerificationToken"] = token;
        fields["Input.Version"] = factory.Tenant("hauts-de-france").Version.ToString();
        var forged = await client.PostAsync(Page, new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.Equal(before, factory.Tenant("hauts-de-france").SiteName);
    }

    [Fact]
    public async Task Administrator_changes_the_identity_and_every_page_shows_it()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-parametres@exemple.test", administrator: true);
        var response = await client.SubmitFormAsync(Page, "main form", ValidFields());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Page + "?enregistre=site", response.Headers.Location!.OriginalString);

        var tenant = factory.Tenant("hauts-de-france");
        Assert.Equal("Numérique culturel en Hauts-de-France", tenant.SiteName);
        Assert.Equal(["Préfet", "de la région", "Hauts-de-France"], tenant.BlocMarqueLines);
        Assert.Equal("numerique@hdf.exemple.fr", tenant.ContactEmail);

        var home = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/");
        Assert.Equal("Numérique culturel en Hauts-de-France", home.QuerySelector(".fr-header__service-title")!.TextContent.Trim());
        Assert.Equal("Projets, pratiques et appels de la DRAC", home.QuerySelector(".fr-header__service-tagline")!.TextContent.Trim());
        // The generated legal texts follow the settings.
        var notice = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/mentions-legales");
        Assert.Contains("numerique@hdf.exemple.fr", notice.QuerySelector("main")!.TextContent);
        var saved = await client.GetDocumentAsync(Page + "?enregistre=site");
        Assert.NotNull(saved.QuerySelector(".fr-alert--success"));
        // Signed in, the header offers the administration, the account and a sign-out form with its token.
        Assert.NotNull(saved.QuerySelector("header a[href='/hauts-de-france/admin']"));
        Assert.NotNull(saved.QuerySelector("header a[href='/hauts-de-france/compte']"));
        Assert.NotNull(saved.QuerySelector("header form[method=post][action='/hauts-de-france/compte/deconnexion'] input[name=__RequestVerificationToken]"));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.ContactEmail", "pas-une-adresse", "#site-contact-messages" },
        { "Input.ContactEmail", "", "#site-contact-messages" },
        { "Input.SiteName", "   ", "#site-nom-messages" },
        { "Input.SiteName", new string('x', 121), "#site-nom-messages" },
        { "Input.OperatorName", "", "#site-editeur-messages" },
        { "Input.Baseline", new string('x', 181), "#site-devise-messages" },
        { "Input.BlocMarque1", new string('x', 61), "#bloc-marque-messages" },
        { "Input.Version", "pas-un-guid", ".fr-alert--error" },
        { "Input.Version", "00000000-0000-0000-0000-000000000001", ".fr-alert--error" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_reported_on_its_field_and_nothing_changes(string field, string value, string messageSelector)
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-parametres@exemple.test", administrator: true);
        var before = factory.Tenant("nouvelle-aquitaine");
        var fields = ValidFields();
        fields[field] = value;
        var response = await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres", "main form", fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector(messageSelector)?.TextContent), $"No message in {messageSelector}");
        Assert.NotNull(document.QuerySelector(".fr-alert--error"));

        var after = factory.Tenant("nouvelle-aquitaine");
        Assert.Equal(before.Version, after.Version);
        Assert.Equal(before.SiteName, after.SiteName);
        Assert.Equal(before.ContactEmail, after.ContactEmail);
    }

    [Fact]
    public async Task All_bloc_marque_lines_empty_is_refused()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-parametres@exemple.test", administrator: true);
        var fields = ValidFields();
        foreach (var i in Enumerable.Range(1, 4)) fields[$"Input.BlocMarque{i}"] = " ";
        var response = await client.SubmitFormAsync("/nouvelle-aquitaine/admin/parametres", "main form", fields);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("1 à 4 lignes", document.QuerySelector("#bloc-marque-messages")!.TextContent);
        Assert.Equal(3, factory.Tenant("nouvelle-aquitaine").BlocMarqueLines.Count);
    }

    [Fact]
    public async Task A_second_submit_of_the_same_form_is_refused_as_stale()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-parametres@exemple.test", administrator: true);
        var form = await client.GetDocumentAsync("/nouvelle-aquitaine/admin/parametres");
        var values = form.QuerySelectorAll("main form input[type=hidden]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        foreach (var (key, value) in ValidFields()) values[key] = value;
        values["Input.SiteName"] = "Premier envoi";
        var first = await client.PostAsync("/nouvelle-aquitaine/admin/parametres", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        values["Input.SiteName"] = "Second envoi";
        var second = await client.PostAsync("/nouvelle-aquitaine/admin/parametres", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("modifiés entre-temps", await second.Content.ReadAsStringAsync());
        Assert.Equal("Premier envoi", factory.Tenant("nouvelle-aquitaine").SiteName);
    }
}
