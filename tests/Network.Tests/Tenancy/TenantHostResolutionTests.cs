using System.Net;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Resolution by host name (case and port ignored, host wins over prefix) and by prefix.</summary>
public sealed class TenantHostResolutionTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private async Task EnsureCorseAsync()
    {
        if (factory.Service<TenantCatalog>().Find("corse") is null)
            await factory.Service<TenantManager>().CreateAsync(new TenantCreation("corse", "Corse", "region", Hosts: ["culture.corse.test"]));
    }

    [Fact]
    public async Task A_region_answers_on_its_host_whatever_the_case_and_port_and_on_its_prefix()
    {
        await EnsureCorseAsync();
        Assert.Contains("Culture et numérique en Corse", await factory.CreateBrowserClient("CULTURE.Corse.test:8443").GetStringAsync("/"));
        Assert.Contains("Culture et numérique en Corse", await factory.CreateBrowserClient().GetStringAsync("/corse/"));
    }

    [Fact]
    public async Task On_its_host_the_region_answers_at_the_root_even_for_another_region_s_prefix()
    {
        await EnsureCorseAsync();
        var client = factory.CreateBrowserClient("culture.corse.test");
        var response = await client.GetAsync("/hauts-de-france/");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Culture et numérique en Corse", html);
        Assert.DoesNotContain("Culture et numérique en Hauts-de-France", html);
    }

    [Fact]
    public async Task An_unknown_host_gets_the_hub_and_its_prefixes()
    {
        var client = factory.CreateBrowserClient("inconnu.example.test");
        Assert.Contains("Réseau Culture et Numérique", await client.GetStringAsync("/"));
        Assert.Contains("Culture et numérique en Hauts-de-France", await client.GetStringAsync("/hauts-de-france/"));
    }

    [Fact]
    public async Task A_host_removed_from_a_region_stops_answering_for_it_at_once()
    {
        await factory.Service<TenantManager>().CreateAsync(new TenantCreation("bourgogne", "Bourgogne", "region", Hosts: ["culture.bourgogne.test"]));
        var client = factory.CreateBrowserClient("culture.bourgogne.test");
        Assert.Contains("Culture et numérique en Bourgogne", await client.GetStringAsync("/"));
        await factory.Service<TenantManager>().UpdateSettingsAsync("bourgogne", t => t.Hosts.Clear());
        Assert.Contains("Réseau Culture et Numérique", await client.GetStringAsync("/"));
    }
}
