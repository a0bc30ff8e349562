using System.Net;
using Network.Core.Security;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Settings;

/// <summary>The legal pages Settings answers at fixed addresses: default texts per tenant, the footer status, the way to the pages admin (editing is in Pages/LegalPagesTests).</summary>
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
    public async Task Footer_declares_non_conforme_until_an_accessibility_page_is_written()
    {
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/plan-du-site");
        Assert.Contains(home.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité : non conforme");
    }

    [Fact]
    public async Task The_settings_page_lists_the_legal_pages_and_leads_to_the_pages_admin()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-legal@exemple.test", administrator: true);
        var settings = await client.GetDocumentAsync("/hauts-de-france/admin/parametres");
        foreach (var slug in new[] { "accessibilite", "mentions-legales", "donnees-personnelles" })
            Assert.NotNull(settings.QuerySelector($"main table a[href='/hauts-de-france/admin/pages/legales/{slug}']"));
        // Settings no longer has an editor of its own.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/admin/parametres/pages/accessibilite")).StatusCode);
    }

    [Fact]
    public async Task A_member_without_ManageSettings_cannot_open_the_settings()
    {
        var email = AccountTestKit.NewEmail("contribution");
        var user = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(user.Id, "hauts-de-france", NetworkRoles.Contributor);
        var client = await TestSignIn.ClientAsync(factory, email, administrator: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hauts-de-france/admin/parametres")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hauts-de-france/admin/pages/legales/accessibilite")).StatusCode);
        // The dashboard is open to contributors (AccessAdmin) but the settings entry is not shown to them.
        var dashboard = await client.GetDocumentAsync("/hauts-de-france/admin");
        Assert.DoesNotContain(dashboard.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hauts-de-france/admin/parametres");
    }
}
