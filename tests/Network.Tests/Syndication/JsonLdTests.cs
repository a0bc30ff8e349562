using System.Globalization;
using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Pages;
using static Network.Tests.Syndication.SyndicationTestKit;

namespace Network.Tests.Syndication;

/// <summary>
/// Every JSON-LD block of every kind of detail and list page (regions and hub) parses, and each carries the properties
/// its schema.org type requires for search engines; every page with a DSFR breadcrumb has the same trail as a
/// BreadcrumbList with absolute addresses.
/// </summary>
public sealed class JsonLdTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly HtmlParser Parser = new();

    private async Task<IReadOnlyList<string>> PagesAsync()
    {
        var pages = new List<string>();
        foreach (var kind in FeedKinds)
        {
            var item = await factory.ItemAsync(Region, kind, Unique("Balisé"));
            pages.Add($"/{Region}{kind}");
            pages.Add($"/{Region}{kind}/{item.Slug}");
            pages.Add(kind);
        }
        var parent = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("À propos")));
        var child = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("L'équipe"), parentId: parent.Id));
        pages.Add($"/{Region}/{parent.Slug}");
        pages.Add($"/{Region}/{child.Slug}");
        pages.AddRange([$"/{Region}/donnees", $"/{Region}/plan-du-site", $"/{Region}/mentions-legales", $"/{Region}/accessibilite", "/plan-du-site", "/donnees"]);
        return pages;
    }

    [Fact]
    public async Task Every_json_ld_block_parses_and_carries_the_required_properties_of_its_type()
    {
        var client = factory.CreateClient();
        var seen = new HashSet<string>();
        foreach (var path in await PagesAsync())
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            var document = Parser.ParseDocument(await response.Content.ReadAsStringAsync());
            var blocks = document.Scripts();
            Assert.NotEmpty(blocks);
            var breadcrumbs = 0;
            foreach (var block in blocks)
            {
                using var json = JsonDocument.Parse(block.TextContent);
                var root = json.RootElement;
                Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
                var type = root.GetProperty("@type").GetString()!;
                seen.Add(type);
                Check(path, type, root);
                AbsoluteUrls(path, root);
                if (type == "BreadcrumbList") breadcrumbs++;
            }
            // The visible breadcrumb and its JSON-LD come from one model: same labels, in the same order.
            var visible = document.QuerySelectorAll(".fr-breadcrumb__link").Select(a => a.TextContent.Trim()).ToList();
            Assert.Equal(visible.Count > 0 ? 1 : 0, breadcrumbs);
            if (visible.Count > 0)
            {
                using var trail = JsonDocument.Parse(blocks.First(b => b.TextContent.Contains("BreadcrumbList")).TextContent);
                Assert.Equal(visible, trail.RootElement.GetProperty("itemListElement").EnumerateArray().Select(i => i.GetProperty("name").GetString()!).ToList());
            }
        }
        foreach (var type in new[] { "BreadcrumbList", "CreativeWork", "Article", "NewsArticle", "Event", "GovernmentService" }) Assert.Contains(type, seen);
    }

    [Fact]
    public async Task The_breadcrumb_of_a_nested_page_lists_its_parents_with_absolute_addresses_and_escapes_its_labels()
    {
        var parent = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("Parent </script><b>")));
        var child = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("Enfant & cie"), parentId: parent.Id));
        var html = await factory.CreateClient().GetStringAsync($"/{Region}/{child.Slug}");
        Assert.DoesNotContain("Parent </script>", html);
        var document = Parser.ParseDocument(html);
        using var json = JsonDocument.Parse(document.Scripts().Single(s => s.TextContent.Contains("BreadcrumbList")).TextContent);
        var items = json.RootElement.GetProperty("itemListElement").EnumerateArray().ToList();
        Assert.Equal(3, items.Count);
        Assert.Equal("http://localhost/hauts-de-france/", items[0].GetProperty("item").GetString());
        Assert.Equal(parent.Title, items[1].GetProperty("name").GetString());
        Assert.Equal($"http://localhost/hauts-de-france/{parent.Slug}", items[1].GetProperty("item").GetString());
        Assert.Equal(child.Title, items[2].GetProperty("name").GetString());
        Assert.Equal($"http://localhost/hauts-de-france/{child.Slug}", items[2].GetProperty("item").GetString());
    }

    [Fact]
    public async Task The_home_page_has_no_breadcrumb_and_no_breadcrumb_list()
    {
        var document = Parser.ParseDocument(await factory.CreateClient().GetStringAsync($"/{Region}/"));
        Assert.Null(document.QuerySelector(".fr-breadcrumb"));
        Assert.DoesNotContain(document.Scripts(), s => s.TextContent.Contains("BreadcrumbList"));
    }

    private static void Check(string path, string type, JsonElement root)
    {
        switch (type)
        {
            case "BreadcrumbList":
                var items = root.GetProperty("itemListElement").EnumerateArray().ToList();
                Assert.True(items.Count >= 2, path);
                for (var i = 0; i < items.Count; i++)
                {
                    Assert.Equal("ListItem", items[i].GetProperty("@type").GetString());
                    Assert.Equal(i + 1, items[i].GetProperty("position").GetInt32());
                    Assert.False(string.IsNullOrWhiteSpace(items[i].GetProperty("name").GetString()), path);
                    AssertAbsolute(path, items[i].GetProperty("item").GetString());
                }
                break;
            case "NewsArticle" or "Article":
                Required(path, root, "headline", "datePublished", "author", "publisher", "url");
                AssertDate(path, root.GetProperty("datePublished").GetString());
                Assert.True(root.GetProperty("headline").GetString()!.Length <= 110, path);
                Required(path, root.GetProperty("author"), "@type", "name");
                break;
            case "CreativeWork":
                Required(path, root, "name", "headline", "datePublished", "url");
                AssertDate(path, root.GetProperty("datePublished").GetString());
                break;
            case "Event":
                Required(path, root, "name", "startDate", "endDate", "eventStatus", "eventAttendanceMode", "location", "organizer");
                AssertDate(path, root.GetProperty("startDate").GetString());
                AssertDate(path, root.GetProperty("endDate").GetString());
                var location = root.GetProperty("location");
                if (location.GetProperty("@type").GetString() == "Place") Required(path, location, "name", "address");
                else Required(path, location, "url");
                if (root.TryGetProperty("offers", out var offers)) Required(path, offers, "url", "price", "priceCurrency", "availability");
                break;
            case "GovernmentService":
                Required(path, root, "name", "provider", "url", "serviceType");
                Required(path, root.GetProperty("provider"), "@type", "name");
                break;
            default:
                Assert.Fail($"{path}: a JSON-LD type this test does not know yet: {type}");
                break;
        }
    }

    private static void Required(string path, JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            Assert.True(element.TryGetProperty(name, out var value), $"{path}: {name} missing");
            Assert.False(value.ValueKind is JsonValueKind.Null || (value.ValueKind == JsonValueKind.String && string.IsNullOrWhiteSpace(value.GetString())), $"{path}: {name} empty");
        }
    }

    private static void AssertDate(string path, string? value)
        => Assert.True(DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _) && value!.Length >= 10 && value[4] == '-', $"{path}: not an ISO 8601 date: {value}");

    private static void AssertAbsolute(string path, string? url)
        => Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"{path}: not absolute: {url}");

    /// <summary>Every address a block gives (url, @id, item, image, mainEntityOfPage) is absolute.</summary>
    private static void AbsoluteUrls(string path, JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Array) { foreach (var child in element.EnumerateArray()) AbsoluteUrls(path, child); return; }
        if (element.ValueKind != JsonValueKind.Object) return;
        foreach (var property in element.EnumerateObject())
        {
            if (property.Name is "url" or "@id" or "item" or "image" or "mainEntityOfPage" && property.Value.ValueKind == JsonValueKind.String)
                AssertAbsolute(path, property.Value.GetString());
            else AbsoluteUrls(path, property.Value);
        }
    }
}
