using System.Net;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Tenancy;

namespace Network.Tests.Theme;

/// <summary>The admin shell: /admin dashboard, side menu from the enabled modules and the user's permissions, breadcrumb.</summary>
public sealed class AdminShellTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Dashboard_needs_AccessAdmin_in_the_current_tenant()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync("/hauts-de-france/admin")).StatusCode);

        var email = AccountTestKit.NewEmail("membre");
        var user = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(user.Id, "hauts-de-france", NetworkRoles.Member);
        await factory.GrantAsync(user.Id, "nouvelle-aquitaine", NetworkRoles.Coordinator);
        var client = await TestSignIn.ClientAsync(factory, email, administrator: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/hauts-de-france/admin")).StatusCode);

        var dashboard = await client.GetDocumentAsync("/nouvelle-aquitaine/admin");
        var menu = dashboard.QuerySelectorAll(".fr-sidemenu a").Select(a => a.GetAttribute("href")).ToList();
        // The dashboard first, then the entries of the enabled modules in their order (content modules add theirs).
        Assert.Equal("/nouvelle-aquitaine/admin", menu[0]);
        Assert.Equal(menu.Count, menu.Distinct().Count());
        Assert.True(menu.IndexOf("/nouvelle-aquitaine/admin/roles") is > 0 and var roles && roles < menu.IndexOf("/nouvelle-aquitaine/admin/parametres"));
        Assert.Contains("/nouvelle-aquitaine/admin/contenus", menu);
        Assert.Contains("/nouvelle-aquitaine/admin/medias", menu);
        Assert.Contains("/nouvelle-aquitaine/admin/projets", menu);
        Assert.Contains("/nouvelle-aquitaine/admin/pratiques", menu);
        Assert.Equal("page", dashboard.QuerySelector(".fr-sidemenu a[href='/nouvelle-aquitaine/admin']")!.GetAttribute("aria-current"));
        // Hub-only entries never show in a region.
        Assert.DoesNotContain(menu, m => m!.Contains("/admin/sites", StringComparison.Ordinal));
        var modules = dashboard.QuerySelectorAll("main table tbody th").Select(th => th.TextContent.Trim()).ToList();
        Assert.Contains("Paramètres du site", modules);
        Assert.Contains("Comptes et rôles", modules);
    }

    [Fact]
    public async Task Side_menu_marks_the_current_entry_and_the_breadcrumb_leads_back()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-shell@exemple.test", administrator: true);
        var page = await client.GetDocumentAsync("/hauts-de-france/admin/pages/legales/mentions-legales");
        Assert.Equal("page", page.QuerySelector(".fr-sidemenu a[href='/hauts-de-france/admin/pages/legales']")!.GetAttribute("aria-current"));
        var trail = page.QuerySelectorAll(".fr-breadcrumb a").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Equal(("Accueil", "/hauts-de-france/"), trail[0]);
        Assert.Equal(("Administration", "/hauts-de-france/admin"), trail[1]);
        Assert.Equal(("Pages légales et contact", "/hauts-de-france/admin/pages/legales"), trail[2]);
        Assert.Equal("page", page.QuerySelectorAll(".fr-breadcrumb a").Last().GetAttribute("aria-current"));
        Assert.Single(page.QuerySelectorAll("main#contenu"));
    }

    [Fact]
    public async Task Entries_of_a_disabled_module_vanish_and_come_back()
    {
        var client = await TestSignIn.ClientAsync(factory, "admin-shell@exemple.test", administrator: true);
        var tenants = factory.Service<TenantManager>();
        await tenants.DisableContentModulesAsync("nouvelle-aquitaine");
        await tenants.DisableFeatureAsync("nouvelle-aquitaine", "Accounts");
        try
        {
            var menu = (await client.GetDocumentAsync("/nouvelle-aquitaine/admin")).QuerySelectorAll(".fr-sidemenu a").Select(a => a.GetAttribute("href")).ToList();
            Assert.DoesNotContain("/nouvelle-aquitaine/admin/roles", menu);
            Assert.Contains("/nouvelle-aquitaine/admin/parametres", menu);
            // Without the Accounts module, the public header no longer offers to sign in.
            var home = await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/");
            Assert.Null(home.QuerySelector("header a[href='/nouvelle-aquitaine/compte/connexion']"));
        }
        finally
        {
            await tenants.EnableFeatureAsync("nouvelle-aquitaine", "Accounts");
            await tenants.EnableContentModulesAsync("nouvelle-aquitaine");
        }
        var restored = (await client.GetDocumentAsync("/nouvelle-aquitaine/admin")).QuerySelectorAll(".fr-sidemenu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/nouvelle-aquitaine/admin/roles", restored);
    }
}
