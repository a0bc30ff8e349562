using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Network.BrowserTests;

/// <summary>
/// The composed homes of the sample site (hub and both regions, French and English), the composer, a block's settings
/// form and the preview: axe-core finds no WCAG 2.x A/AA violation; full-page screenshots named home-&lt;tenant&gt;.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class HomeBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData("network", "/")]
    [InlineData("hauts-de-france", "/hauts-de-france/")]
    [InlineData("nouvelle-aquitaine", "/nouvelle-aquitaine/")]
    public async Task Composed_home_passes_axe_in_french_and_english(string tenant, string path)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        // The recipes' composed layout: a hero with its generated image fetched first.
        Assert.Equal("high", await page.GetAttributeAsync(".reseau-hero img", "fetchpriority"));
        Assert.Null(await page.GetAttributeAsync(".reseau-hero img", "loading"));
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await browser.AssertAccessibleAsync(page, $"home-{tenant}");
        await BrowserFixture.SwitchLanguageAsync(page, "en");
        await browser.AssertAccessibleAsync(page, $"home-{tenant}-en");
    }

    [Theory]
    [InlineData("admin-accueil", "/hauts-de-france/admin/accueil")]
    [InlineData("admin-accueil-bloc", "/hauts-de-france/admin/accueil/blocs/hero")]
    [InlineData("admin-accueil-apercu", "/hauts-de-france/admin/accueil/apercu")]
    public async Task Composer_pages_pass_axe(string name, string path)
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, name);
    }

    [Theory]
    [InlineData("/hauts-de-france/")]
    [InlineData("/")]
    public Task Composed_home_first_load_stays_within_budget(string path) => browser.AssertFirstLoadWithinBudgetAsync(path, output);
}
