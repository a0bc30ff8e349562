using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests.Showcases;

/// <summary>
/// The hub's showcase list with JavaScript off (sample content of both regions): pagination links, facet links
/// with their counts, the "remove filter" tags and "remove all filters", the sort link. All plain links.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class ShowcaseFacetTests(BrowserFixture browser)
{
    private const string Cards = "main ul[aria-label] > li .fr-card";

    [Fact]
    public async Task Facets_pagination_and_sort_work_as_plain_links_without_JavaScript()
    {
        await using var context = await browser.NewContextAsync(javaScript: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/projets");
        Assert.Null(await page.GetAttributeAsync("html", "data-fr-js"));
        var total = await TotalAsync(page);
        Assert.True(total > 12, $"The hub should list more than one page of sample showcases, it lists {total}.");
        Assert.Equal(12, await page.Locator(Cards).CountAsync());

        // Page 2 holds the rest.
        await page.ClickAsync("nav.fr-pagination a.fr-pagination__link--next");
        Assert.Contains("page=2", page.Url);
        Assert.Equal("2", (await page.TextContentAsync("nav.fr-pagination a[aria-current=page]"))!.Trim());
        Assert.Equal(Math.Min(12, total - 12), await page.Locator(Cards).CountAsync());
        await browser.ScreenshotAsync(page, "projets-hub-sans-js-page-2");

        // A region, then a domain: each link's count is what the list then shows, and the page goes back to 1.
        var regionCount = await FollowFacetAsync(page, "region", "Hauts-de-France");
        Assert.DoesNotContain("page=", page.Url);
        Assert.All(await page.Locator($"{Cards} .fr-card__detail").AllTextContentsAsync(), d => Assert.StartsWith("Hauts-de-France", d.Trim()));
        var domainCount = await FollowFacetAsync(page, "domaine", "Monuments historiques");
        Assert.True(domainCount < regionCount, $"{domainCount} showcases of historic monuments out of {regionCount}.");
        Assert.Contains("region=hauts-de-france", page.Url);
        Assert.Contains("domaine=", page.Url);
        Assert.Equal(2, await page.Locator("nav.reseau-facets a.fr-tag--dismiss").CountAsync());
        await browser.ScreenshotAsync(page, "projets-hub-sans-js-filtres");

        // Removing the region keeps the domain.
        await page.ClickAsync("nav.reseau-facets a.fr-tag--dismiss:has-text('Hauts-de-France')");
        Assert.DoesNotContain("region=", page.Url);
        Assert.Contains("domaine=", page.Url);
        Assert.True(await TotalAsync(page) >= domainCount);

        // The sort by title is a link too, and keeps the filter.
        await page.ClickAsync("main a:text-is('par titre')");
        Assert.Contains("tri=titre", page.Url);
        var titles = (await page.Locator($"{Cards} .fr-card__title").AllTextContentsAsync()).Select(t => t.Trim()).ToList();
        Assert.Equal(titles.Order(StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), CompareOptions.IgnoreCase)).ToList(), titles);

        // "Remove all filters" brings every showcase back.
        await page.ClickAsync("nav.reseau-facets a:text-is('Retirer tous les filtres')");
        Assert.DoesNotContain("domaine=", page.Url);
        Assert.Equal(total, await TotalAsync(page));
    }

    /// <summary>Clicks a facet link, checks that the list then shows the count the link announced, and returns it.</summary>
    private static async Task<int> FollowFacetAsync(IPage page, string parameter, string label)
    {
        var link = page.Locator($"nav.reseau-facets ul[aria-labelledby='filtre-{parameter}'] a", new() { HasText = label }).First;
        var announced = int.Parse(Number().Match((await link.Locator("span[aria-hidden=true]").TextContentAsync())!).Value, CultureInfo.InvariantCulture);
        await link.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains($"{parameter}=", page.Url);
        Assert.Equal(announced, await TotalAsync(page));
        Assert.Equal(Math.Min(12, announced), await page.Locator(Cards).CountAsync());
        Assert.Equal("true", await page.Locator($"nav.reseau-facets ul[aria-labelledby='filtre-{parameter}'] a[aria-current=true]", new() { HasText = label }).GetAttributeAsync("aria-current"));
        return announced;
    }

    /// <summary>The count of the list's status line ("17 projets · page 1 sur 2", "1 projet").</summary>
    private static async Task<int> TotalAsync(IPage page)
    {
        var status = (await page.TextContentAsync("main p[role=status]"))!;
        var match = Number().Match(status.Replace("\u202f", "", StringComparison.Ordinal).Replace("\u00a0", "", StringComparison.Ordinal));
        return match.Success ? int.Parse(match.Value, CultureInfo.InvariantCulture) : 0;
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Number();
}
