using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>Free pages (public, with sub-pages) and their admin list and editor: axe-core finds no WCAG 2.x A/AA violation.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PagesBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task A_public_page_with_sub_pages_passes_axe_in_french_and_english()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/hauts-de-france/a-propos");
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        Assert.Equal(1, await page.Locator("nav[aria-labelledby=sous-pages-titre] a").CountAsync());
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "page-a-propos");

        var child = await page.GotoAsync("/hauts-de-france/a-propos/equipe");
        Assert.Equal(200, child!.Status);
        await browser.AssertAccessibleAsync(page, "page-a-propos-equipe");
    }

    [Fact]
    public async Task The_admin_page_list_and_editor_pass_axe()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        Assert.Equal(200, (await page.GotoAsync("/hauts-de-france/admin/pages"))!.Status);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-pages");

        Assert.Equal(200, (await page.GotoAsync("/hauts-de-france/admin/pages/nouveau"))!.Status);
        await browser.AssertAccessibleAsync(page, "admin-pages-nouveau");

        await page.GotoAsync("/hauts-de-france/admin/pages");
        await page.Locator("tbody tr").Nth(1).Locator("a").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await page.QuerySelectorAsync("#form-parentid"));
        await browser.AssertAccessibleAsync(page, "admin-pages-modifier");

        // A refused save shows the error summary, still accessible.
        await page.FillAsync("#form-body", "");
        await page.ClickAsync("#page-save");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, "admin-pages-erreurs");
    }
}
