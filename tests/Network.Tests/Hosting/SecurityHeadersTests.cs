using System.Net;
using Network.Tests.Infrastructure;

namespace Network.Tests.Hosting;

public sealed class SecurityHeadersTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Theory]
    [InlineData("/")]
    [InlineData("/hauts-de-france/")]
    [InlineData("/page-qui-n-existe-pas")]
    [InlineData("/health")]
    public async Task Every_response_carries_a_strict_policy(string path)
    {
        var response = await factory.CreateBrowserClient().GetAsync(path);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Html_is_compressed_when_the_client_accepts_it()
    {
        var client = factory.CreateBrowserClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hauts-de-france/");
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
    }

    [Fact]
    public async Task The_language_choice_is_remembered_for_every_tenant_and_redirects_only_locally()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync("/hauts-de-france/langue/en?retour=/hauts-de-france/accessibilite");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/accessibilite", response.Headers.Location!.OriginalString);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Network.Culture", StringComparison.Ordinal));
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("lang=\"en\"", await client.GetStringAsync("/nouvelle-aquitaine/"));

        foreach (var hostile in new[] { "https://evil.example/", "//evil.example/", "/\\evil.example", "/nouvelle-aquitaine/" })
        {
            var redirect = await client.GetAsync("/hauts-de-france/langue/fr?retour=" + Uri.EscapeDataString(hostile));
            Assert.Equal("/hauts-de-france/", redirect.Headers.Location!.OriginalString);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/langue/de")).StatusCode);
    }
}
