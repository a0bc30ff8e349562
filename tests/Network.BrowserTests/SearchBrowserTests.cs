using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>Searching the sample content from the header on a phone, with and without JavaScript; axe-core on the results and on a page that found nothing.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SearchBrowserTests(BrowserFixture browser)
{
    private const int PhoneWidth = 375;
    private const int PhoneHeight = 740;

    /// <summary>Types the words in the header's search box (behind its button when the DSFR script runs) and submits.</summary>
    private static async Task SearchFromHeaderAsync(IPage page, string words, bool javaScript)
    {
        var field = page.Locator("#recherche-q");
        if (javaScript)
        {
            Assert.False(await field.IsVisibleAsync());
            await page.ClickAsync("#bouton-recherche");
        }
        Assert.True(await field.IsVisibleAsync(), "The header's search field cannot be reached on a phone.");
        await field.FillAsync(words);
        await field.PressAsync("Enter");
        await page.WaitForLoadStateAsync(LoadState.Load);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_visitor_searches_from_the_header_on_a_phone_and_filters_by_a_facet(bool javaScript)
    {
        await using var context = await browser.NewContextAsync(javaScript: javaScript, width: PhoneWidth, height: PhoneHeight);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await SearchFromHeaderAsync(page, "musee numerique", javaScript);

        Assert.EndsWith("/recherche?q=musee+numerique", page.Url);
        var status = await page.InnerTextAsync("#resultats");
        Assert.Contains("résultat", status);
        Assert.DoesNotContain("Aucun", status);
        Assert.True(await page.Locator(".reseau-search-results mark").CountAsync() > 0, "No matched word is highlighted.");
        Assert.True(await page.Locator(".reseau-search-results .fr-badge").CountAsync() > 0);

        // A region tag filters the hub's results without any script.
        var tag = page.Locator("#filtre-region + ul a.fr-tag").First;
        var region = (await tag.InnerTextAsync()).Split('(')[0].Trim();
        await tag.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("region=", page.Url);
        Assert.Equal("true", await page.Locator("#filtre-region + ul a.fr-tag[aria-current='true']").GetAttributeAsync("aria-current"));
        var regions = await page.Locator(".reseau-search-results li p.fr-text--sm:first-of-type").AllInnerTextsAsync();
        Assert.All(regions, r => Assert.Contains(region, r));

        // axe-core needs the page's timers, which do not run without JavaScript: the markup is the same, checked with it.
        if (!javaScript)
        {
            await browser.ScreenshotAsync(page, "recherche-resultats-mobile-sans-javascript");
        }
        else
        {
            await browser.AssertAccessibleAsync(page, "recherche-resultats-mobile");
            // The fixture switches language with the header's desktop menu (on a phone it sits behind the menu button).
            await page.SetViewportSizeAsync(1280, 900);
            await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "recherche-resultats");
        }
    }

    [Fact]
    public async Task A_search_that_finds_nothing_helps_and_passes_axe_in_french_and_english()
    {
        await using var context = await browser.NewContextAsync(width: PhoneWidth, height: PhoneHeight);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/recherche?q=xqzwvk");
        Assert.Contains("Aucun résultat", await page.InnerTextAsync("#resultats"));
        Assert.True(await page.Locator("a[href='/hauts-de-france/projets']").CountAsync() > 0, "No list to browse is offered.");
        await browser.AssertAccessibleAsync(page, "recherche-aucun-resultat-mobile");
        await page.SetViewportSizeAsync(1280, 900);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "recherche-aucun-resultat");
    }

    [Fact]
    public async Task The_search_page_of_a_region_passes_axe_at_desktop_width()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/recherche?q=numerique&tri=date");
        Assert.True(await page.Locator(".reseau-search-results mark").CountAsync() > 0);
        await browser.AssertAccessibleAsync(page, "recherche-region-date");
        await page.GotoAsync("/hauts-de-france/recherche");
        await browser.AssertAccessibleAsync(page, "recherche-vide");
    }
}
