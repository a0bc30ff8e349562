using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// The open data page and one dataset's page of a region with its sample content pass axe-core (WCAG 2.x A/AA) with
/// zero violations, on a wide screen and on a phone (the columns table scrolls inside its DSFR wrapper).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class OpenDataBrowserTests(BrowserFixture browser)
{
    [Theory]
    [InlineData(1280, 900)]
    [InlineData(375, 740)]
    public async Task The_open_data_page_and_a_dataset_page_pass_axe(int width, int height)
    {
        await using var context = await browser.NewContextAsync(width: width, height: height);
        var page = await context.NewPageAsync();
        var index = await page.GotoAsync("/hauts-de-france/donnees");
        Assert.Equal(200, index!.Status);
        Assert.Equal(5, await page.Locator("main section h2 a").CountAsync());
        await browser.AssertAccessibleAsync(page, $"donnees-{width}");

        await page.ClickAsync("#donnees-projets h2 a");
        await page.WaitForURLAsync("**/hauts-de-france/donnees/projets");
        Assert.Equal("Projets innovants", (await page.InnerTextAsync("h1")).Trim());
        Assert.True(await page.Locator("#table-colonnes tbody tr").CountAsync() > 10);
        await browser.AssertAccessibleAsync(page, $"donnees-projets-{width}");
    }
}
