using System.Xml.Linq;
using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// Pages that announce feeds (with the sample content): axe-core finds no violation, the head's alternate links lead to
/// feeds that parse, and the sitemap and robots.txt the site serves are well formed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SyndicationBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, string> Pages => new()
    {
        { "flux-projets-region", "/hauts-de-france/projets" },
        { "flux-evenements-region", "/hauts-de-france/evenements" },
        { "flux-pratiques-hub", "/pratiques" },
        { "flux-appels-hub", "/appels" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task A_page_with_feed_links_passes_axe_and_its_feeds_parse(string name, string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, name);

        var feeds = await page.Locator("head link[rel='alternate'][type$='+xml']").EvaluateAllAsync<string[]>("links => links.map(l => l.href)");
        Assert.Equal(2, feeds.Length);
        foreach (var feed in feeds)
        {
            var answer = await context.APIRequest.GetAsync(feed);
            Assert.Equal(200, answer.Status);
            var document = XDocument.Parse(await answer.TextAsync());
            Assert.Contains(document.Root!.Name.LocalName, new[] { "rss", "feed" });
        }
    }

    [Fact]
    public async Task The_served_sitemap_index_and_robots_txt_are_well_formed()
    {
        await using var context = await browser.NewContextAsync();
        var index = XDocument.Parse(await (await context.APIRequest.GetAsync("/sitemap.xml")).TextAsync());
        XNamespace ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var files = index.Root!.Elements(ns + "sitemap").Select(s => s.Element(ns + "loc")!.Value).ToList();
        Assert.Contains(files, f => f.EndsWith("/hauts-de-france/sitemap.xml", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var set = XDocument.Parse(await (await context.APIRequest.GetAsync(file)).TextAsync());
            Assert.Equal(ns + "urlset", set.Root!.Name);
            Assert.NotEmpty(set.Root.Elements(ns + "url"));
        }
        var robots = await (await context.APIRequest.GetAsync("/robots.txt")).TextAsync();
        Assert.Contains("Disallow: /admin", robots);
        Assert.Contains("Sitemap: ", robots);
    }
}
