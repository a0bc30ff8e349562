using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The practice pages and the hub home's content blocks: axe-core finds no WCAG 2.x A/AA violation; screenshots under screenshots/.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PracticeAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "pratiques-hub", "/pratiques", false },
        { "pratiques-region", "/hauts-de-france/pratiques", false },
        { "admin-pratiques", "/hauts-de-france/admin/pratiques", true },
        { "admin-pratiques-nouveau", "/hauts-de-france/admin/pratiques/nouveau", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Practice_page_passes_axe(string name, string path, bool asAdministrator)
    {
        await using var context = asAdministrator ? await browser.NewAdministratorContextAsync() : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, name);
    }

    [Fact]
    public async Task The_editor_refuses_a_javascript_link_with_an_accessible_error_summary()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/admin/pratiques/nouveau");
        await page.FillAsync("#common-title", "Essai d'un lien piégé");
        await page.FillAsync("#form-resources-0--label", "Piège");
        await page.FillAsync("#form-resources-0--url", "javascript:alert(1)");
        await page.ClickAsync("#practice-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Rien n'a été enregistré", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "admin-pratiques-erreurs");
    }
}
