using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Network.Modules.Showcases.Data;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Api;

/// <summary>Reading the public API in tests: JSON answers, problem details, showcases made for one test.</summary>
public static class ApiTestKit
{
    public static ShowcaseFields Showcase(string programme, int year = 2024, string[]? domains = null, string[]? technologies = null,
        ShowcaseMaturity maturity = ShowcaseMaturity.Prototype) => new()
    {
        Description = "Une **description** du projet.",
        LeadOrganisation = "Musée de test",
        ContactName = "Camille Contact",
        ContactEmail = "camille.contact@exemple.fr",
        ShowContact = true,
        Programme = programme,
        Year = year,
        Domains = [.. domains ?? []],
        Technologies = [.. technologies ?? []],
        Maturity = maturity,
    };

    /// <summary>A programme name no other test uses, so a filter on it isolates this test's items.</summary>
    public static string Programme() => "Programme " + Guid.NewGuid().ToString("N")[..8];

    public static async Task<JsonElement> GetJsonAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>Asserts an RFC 7807 answer with this status and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpClient client, string url, HttpStatusCode status)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == status, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    public static List<string> Titles(this JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("title").GetString()!).ToList();

    public static Task<Network.Modules.Content.Data.ContentItem> PublishShowcaseAsync(this NetworkWebFactory factory, string tenant, string title, ShowcaseFields fields, bool publish = true)
        => factory.PublishAsync(tenant, title, fields, publish: publish);

    public static HttpRequestMessage Get(string url, string? ifNoneMatch = null, string? origin = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (ifNoneMatch is not null) request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(ifNoneMatch));
        if (origin is not null) request.Headers.Add("Origin", origin);
        return request;
    }
}
