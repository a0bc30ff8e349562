using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The page for developers of the public API, in a region and on the hub: axe-core finds no violation; its links lead to the API.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_api_page_passes_axe_and_links_to_the_openapi_document()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/api");
        Assert.Equal("API publique", (await page.InnerTextAsync("h1")).Trim());
        await browser.AssertAccessibleAsync(page, "api-region");

        var openApi = await context.APIRequest.GetAsync(await page.GetAttributeAsync("a[href$='/api/v1/openapi.json']", "href") ?? "");
        Assert.Equal(200, openApi.Status);
        Assert.Contains("/api/v1/showcases", await openApi.TextAsync());

        await page.GotoAsync("/api");
        await browser.AssertAccessibleAsync(page, "api-hub");
        var list = await context.APIRequest.GetAsync("/api/v1/showcases?pageSize=1");
        Assert.Equal(200, list.Status);
        Assert.Contains("\"total\"", await list.TextAsync());
    }
}
