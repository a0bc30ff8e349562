using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The news pages (with the sample news) and their admin screens: axe-core finds no WCAG 2.x A/AA violation, in French and English; screenshots under screenshots/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NewsBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "actualites-region", "/hauts-de-france/actualites", false },
        { "actualites-article", "/hauts-de-france/actualites/journee-regionale-culture-numerique", false },
        { "actualites-hub", "/actualites", false },
        { "actualites-region-mot-cle", "/hauts-de-france/actualites?mot-cle=numerisation", false },
        { "admin-actualites", "/hauts-de-france/admin/actualites", true },
        { "admin-actualites-nouveau", "/hauts-de-france/admin/actualites/nouveau", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task News_page_passes_axe_in_french_and_english(string name, string path, bool asAdministrator)
    {
        await using var context = asAdministrator ? await browser.NewAdministratorContextAsync() : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, name);
    }

    [Fact]
    public async Task The_editor_of_a_sample_article_and_its_error_summary_pass_axe()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/admin/actualites");
        await page.ClickAsync("table tbody tr:first-child a[href*='/admin/actualites/']");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-actualites-modifier");

        // A fresh context: the first one now speaks English.
        await using var french = await browser.NewAdministratorContextAsync();
        page = await french.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/admin/actualites/nouveau");
        await page.FillAsync("#common-title", "Essai sans chapô");
        await page.ClickAsync("#news-editor-form button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Rien n'a été enregistré", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "admin-actualites-erreurs");
    }
}
