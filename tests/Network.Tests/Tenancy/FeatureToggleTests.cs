using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Enabling and disabling modules per tenant: dependency rules, and the effect on routes and menus without a restart.</summary>
public sealed class FeatureToggleTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private TenantManager Manager => factory.Service<TenantManager>();

    private async Task<List<string>> AdminMenuPathsAsync(string tenant)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(tenant));
        var menu = await scope.ServiceProvider.GetRequiredService<IAdminMenu>().BuildAsync(TenancyAssertions.NetworkAdministrator(), factory.Tenant(tenant));
        return menu.Select(i => i.Path).ToList();
    }

    [Fact]
    public async Task Disabling_a_module_that_others_need_is_refused_with_a_clear_message()
    {
        var before = (await factory.RegistryRowAsync("hauts-de-france"))!;
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.DisableFeatureAsync("hauts-de-france", "Mail"));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("feature", field);
        // Every enabled module that needs Mail, directly (Accounts, Content) or not, is named.
        Assert.StartsWith("« Courriel » ne peut pas être désactivé : « Comptes et rôles », « Contenus »", message);
        Assert.EndsWith(" en dépend ; désactivez-les d'abord", message);
        var after = (await factory.RegistryRowAsync("hauts-de-france"))!;
        Assert.Equal(before.Version, after.Version);
        Assert.Contains("Mail", after.Features);
    }

    [Fact]
    public async Task Core_and_unknown_modules_cannot_be_switched()
    {
        var core = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.DisableFeatureAsync("hauts-de-france", "Settings"));
        Assert.Contains("socle", Assert.Single(core.Errors).Message);
        var unknown = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.EnableFeatureAsync("hauts-de-france", "Blog"));
        Assert.Contains("module inconnu « Blog »", Assert.Single(unknown.Errors).Message);
    }

    [Fact]
    public async Task Enabling_a_module_enables_what_it_needs()
    {
        await Manager.CreateAsync(new TenantCreation("occitanie", "Occitanie", "region"));
        await Manager.DisableContentModulesAsync("occitanie");
        await Manager.DisableFeatureAsync("occitanie", "Accounts");
        await Manager.DisableFeatureAsync("occitanie", "Mail");
        Assert.False(factory.Tenant("occitanie").IsEnabled("Mail"));

        await Manager.EnableFeatureAsync("occitanie", "Accounts");

        var tenant = factory.Tenant("occitanie");
        Assert.True(tenant.IsEnabled("Accounts"));
        Assert.True(tenant.IsEnabled("Mail"));
    }

    [Fact]
    public async Task A_disabled_module_loses_its_admin_menu_entry_at_once_and_gets_it_back()
    {
        Assert.Contains("/admin/roles", await AdminMenuPathsAsync("nouvelle-aquitaine"));
        await Manager.DisableContentModulesAsync("nouvelle-aquitaine");
        await Manager.DisableFeatureAsync("nouvelle-aquitaine", "Accounts");
        try
        {
            Assert.DoesNotContain("/admin/roles", await AdminMenuPathsAsync("nouvelle-aquitaine"));
            // Other tenants keep theirs.
            Assert.Contains("/admin/roles", await AdminMenuPathsAsync("hauts-de-france"));
        }
        finally
        {
            await Manager.EnableFeatureAsync("nouvelle-aquitaine", "Accounts");
            await Manager.EnableContentModulesAsync("nouvelle-aquitaine");
        }
        Assert.Contains("/admin/roles", await AdminMenuPathsAsync("nouvelle-aquitaine"));
    }

    [Fact]
    public async Task A_disabled_module_routes_answer_404_at_once_and_come_back()
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/compte/connexion")).StatusCode);
        await Manager.DisableContentModulesAsync("hauts-de-france");
        await Manager.DisableFeatureAsync("hauts-de-france", "Accounts");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/compte/connexion")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/compte/inscription")).StatusCode);
            Assert.DoesNotContain("/admin/roles", await AdminMenuPathsAsync("hauts-de-france"));
            // Only that tenant is affected.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nouvelle-aquitaine/compte/connexion")).StatusCode);
        }
        finally
        {
            await Manager.EnableFeatureAsync("hauts-de-france", "Accounts");
            await Manager.EnableContentModulesAsync("hauts-de-france");
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/compte/connexion")).StatusCode);
        Assert.Contains("/admin/roles", await AdminMenuPathsAsync("hauts-de-france"));
    }

    [Fact]
    public async Task The_sites_admin_is_in_the_hub_menu_only()
    {
        Assert.Contains("/admin/sites", await AdminMenuPathsAsync(TenantRecord.HubName));
        Assert.DoesNotContain("/admin/sites", await AdminMenuPathsAsync("hauts-de-france"));
    }

    [Fact]
    public async Task Hub_only_pages_answer_404_in_a_region_before_any_sign_in()
    {
        var client = factory.CreateBrowserClient();
        // In the hub an anonymous visitor is sent to sign in; in a region the page does not exist.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/sites")).StatusCode);
        foreach (var path in new[] { "/admin/sites", "/admin/sites/nouveau", "/admin/sites/network", "/admin/sites/network/fonctionnalites", "/admin/sites/hauts-de-france/etat" })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france" + path)).StatusCode);
        var post = await client.PostAsync("/hauts-de-france/admin/sites/nouveau", new FormUrlEncodedContent([new("Input.Name", "piratage")]));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Null(await factory.RegistryRowAsync("piratage"));
    }

    [Fact]
    public async Task Disabling_the_tenants_module_of_the_hub_removes_its_pages_without_restart()
    {
        var client = factory.CreateBrowserClient();
        await Manager.DisableFeatureAsync(TenantRecord.HubName, "Tenants");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/sites")).StatusCode);
            Assert.DoesNotContain("/admin/sites", await AdminMenuPathsAsync(TenantRecord.HubName));
        }
        finally
        {
            await Manager.EnableFeatureAsync(TenantRecord.HubName, "Tenants");
        }
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/admin/sites")).StatusCode);
    }
}
