using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Tenancy;

namespace Network.Tests.Mail;

/// <summary>Absolute links to a tenant's pages, inside a request and in background jobs.</summary>
public sealed class TenantUrlsTests
{
    private const string PublicBase = "https://reseau.culture.test";

    [Fact]
    public void Without_a_request_links_use_the_public_base_url_or_the_tenants_own_host()
    {
        var urls = Create(null);
        Assert.Equal(PublicBase + "/compte/connexion", urls.Absolute(TestTenants.Hub, "/compte/connexion"));
        Assert.Equal(PublicBase + "/hauts-de-france/compte/connexion", urls.Absolute(TestTenants.Region, "compte/connexion"));
        Assert.Equal("https://culture.bretagne.test/projets?page=2", urls.Absolute(TestTenants.WithHost, "/projets?page=2"));
    }

    [Fact]
    public void In_a_request_reached_by_prefix_links_reuse_the_visitors_scheme_and_host()
    {
        var urls = Create(Request(TestTenants.Region, "http", "localhost:8080", "/hauts-de-france", byHost: false));
        Assert.Equal("http://localhost:8080/hauts-de-france/compte", urls.Absolute(TestTenants.Region, "/compte"));
        Assert.Equal("http://localhost:8080/compte", urls.Absolute(TestTenants.Hub, "/compte"));
        Assert.Equal("http://culture.bretagne.test/compte", urls.Absolute(TestTenants.WithHost, "/compte"));
    }

    [Fact]
    public void In_a_request_reached_by_host_name_other_tenants_are_linked_through_the_public_base_url()
    {
        var urls = Create(Request(TestTenants.WithHost, "https", "culture.bretagne.test", "", byHost: true));
        Assert.Equal("https://culture.bretagne.test/compte", urls.Absolute(TestTenants.WithHost, "/compte"));
        // On bretagne's own host, "/" and "/hauts-de-france/" would both answer as Bretagne.
        Assert.Equal(PublicBase + "/compte", urls.Absolute(TestTenants.Hub, "/compte"));
        Assert.Equal(PublicBase + "/hauts-de-france/compte", urls.Absolute(TestTenants.Region, "/compte"));
    }

    private static TenantUrls Create(HttpContext? context)
        => new(new HttpContextAccessor { HttpContext = context }, Options.Create(new NetworkOptions { PublicBaseUrl = PublicBase }));

    private static HttpContext Request(TenantInfo tenant, string scheme, string host, string pathBase, bool byHost)
    {
        var services = new ServiceCollection().AddSingleton(new TenantContext { Tenant = tenant, ResolvedByHost = byHost }).BuildServiceProvider();
        var context = new DefaultHttpContext { RequestServices = services };
        context.Request.Scheme = scheme;
        context.Request.Host = new HostString(host);
        context.Request.PathBase = pathBase;
        return context;
    }
}
