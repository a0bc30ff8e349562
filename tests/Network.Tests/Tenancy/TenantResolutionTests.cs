using System.Net;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

public sealed class TenantResolutionTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Theory]
    [InlineData("/", "Réseau Culture et Numérique")]
    [InlineData("/hauts-de-france/", "Culture et numérique en Hauts-de-France")]
    [InlineData("/nouvelle-aquitaine/", "Culture et numérique en Nouvelle-Aquitaine")]
    public async Task Each_tenant_answers_on_its_prefix(string path, string siteName)
    {
        var client = factory.CreateBrowserClient();
        var html = await client.GetStringAsync(path);
        Assert.Contains(siteName, html);
    }

    [Fact]
    public async Task Unknown_prefix_gets_the_hub_404_page()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync("/bretagne/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Réseau Culture et Numérique", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Host_name_wins_over_prefix()
    {
        await factory.Service<TenantManager>().UpdateSettingsAsync("nouvelle-aquitaine",
            t => t.Hosts = [new TenantHostName { HostName = "na.culture.test" }]);
        var client = factory.CreateBrowserClient("na.culture.test");
        // On its own host the region answers at the root, even for a path that names another region.
        Assert.Contains("Nouvelle-Aquitaine", await client.GetStringAsync("/"));
        var other = await client.GetAsync("/hauts-de-france/");
        Assert.DoesNotContain("Hauts-de-France</h1>", await other.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_reports_every_tenant()
    {
        var client = factory.CreateBrowserClient();
        var json = await client.GetStringAsync("/health");
        Assert.Contains("\"hauts-de-france\"", json);
        Assert.Contains("\"Running\"", json);
    }
}
