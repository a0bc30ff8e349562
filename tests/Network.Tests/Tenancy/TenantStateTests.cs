using System.Net;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Disabling and re-enabling a tenant takes effect at once, without a restart.</summary>
public sealed class TenantStateTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private TenantManager Manager => factory.Service<TenantManager>();

    [Fact]
    public async Task A_disabled_region_answers_the_hub_404_page_and_comes_back_when_re_enabled()
    {
        var client = factory.CreateBrowserClient();
        Assert.Contains("Culture et numérique en Hauts-de-France", await client.GetStringAsync("/hauts-de-france/"));

        await Manager.SetStateAsync("hauts-de-france", TenantState.Disabled);
        try
        {
            foreach (var path in new[] { "/hauts-de-france/", "/hauts-de-france/health", "/hauts-de-france/compte/connexion" })
            {
                var response = await client.GetAsync(path);
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
                var html = await response.Content.ReadAsStringAsync();
                Assert.Contains("Réseau Culture et Numérique", html);
                Assert.DoesNotContain("Hauts-de-France", html);
            }
            var post = await client.PostAsync("/hauts-de-france/compte/connexion", new FormUrlEncodedContent([]));
            Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
            Assert.Contains("\"Disabled\"", await client.GetStringAsync("/health"));
            // The other regions and the hub are untouched.
            Assert.Contains("Nouvelle-Aquitaine", await client.GetStringAsync("/nouvelle-aquitaine/"));
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        }
        finally
        {
            await Manager.SetStateAsync("hauts-de-france", TenantState.Running);
        }
        Assert.Contains("Culture et numérique en Hauts-de-France", await client.GetStringAsync("/hauts-de-france/"));
    }

    [Fact]
    public async Task A_disabled_region_reached_by_its_host_name_answers_404_even_at_the_root()
    {
        await Manager.CreateAsync(new TenantCreation("normandie", "Normandie", "region", Hosts: ["culture.normandie.test"]));
        var client = factory.CreateBrowserClient("culture.normandie.test");
        Assert.Contains("Culture et numérique en Normandie", await client.GetStringAsync("/"));

        await Manager.SetStateAsync("normandie", TenantState.Disabled);
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("Normandie", await response.Content.ReadAsStringAsync());

        await Manager.SetStateAsync("normandie", TenantState.Running);
        Assert.Contains("Culture et numérique en Normandie", await client.GetStringAsync("/"));
    }

    [Fact]
    public async Task The_hub_cannot_be_disabled()
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.SetStateAsync(TenantRecord.HubName, TenantState.Disabled));
        Assert.Contains("hub", Assert.Single(error.Errors).Message);
        Assert.Equal(TenantState.Running, factory.Tenant(TenantRecord.HubName).State);
    }

    [Fact]
    public async Task An_unknown_tenant_is_reported_as_such()
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.SetStateAsync("atlantide", TenantState.Disabled));
        Assert.Contains("introuvable", Assert.Single(error.Errors).Message);
    }

    [Fact]
    public async Task A_settings_change_based_on_a_stale_version_is_refused_and_changes_nothing()
    {
        var seen = (await Manager.FindRecordAsync("nouvelle-aquitaine"))!.Version;
        await Manager.UpdateSettingsAsync("nouvelle-aquitaine", t => t.Baseline = "Première modification", expectedVersion: seen);

        var error = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Manager.UpdateSettingsAsync("nouvelle-aquitaine", t => t.Baseline = "Modification fondée sur une version périmée", expectedVersion: seen));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("version", field);
        Assert.Contains("modifié entre-temps", message);
        Assert.Equal("Première modification", factory.Tenant("nouvelle-aquitaine").Baseline);
    }
}
