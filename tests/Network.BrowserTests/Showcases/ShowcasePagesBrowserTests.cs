using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Xunit.Abstractions;

namespace Network.BrowserTests.Showcases;

/// <summary>
/// Showcase pages in Debian's Chromium: axe-core finds no violation on the list, a detail page and the editor; the
/// first load of the list and of a detail page stays under 350 KB and 20 requests. (The editor without JavaScript is
/// covered through HTTP in Network.Tests.)
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShowcasePagesBrowserTests(BrowserFixture browser, ITestOutputHelper output)
{
    private static readonly SemaphoreSlim SeedLock = new(1, 1);
    private static bool _seeded;

    /// <summary>30 published showcases in Nouvelle-Aquitaine, created once by the site's command line.</summary>
    private async Task SeedAsync()
    {
        await SeedLock.WaitAsync();
        try
        {
            if (_seeded) return;
            await browser.Site.RunCommandAsync("showcases-bench", "seed", "--tenant", "nouvelle-aquitaine", "--count", "30");
            _seeded = true;
        }
        finally
        {
            SeedLock.Release();
        }
    }

    private async Task<string> FirstDetailPathAsync(IPage page)
    {
        await page.GotoAsync("/nouvelle-aquitaine/projets");
        return (await page.GetAttributeAsync(".fr-card__title a", "href"))!;
    }

    [Fact]
    public async Task List_detail_and_editor_pass_axe()
    {
        await SeedAsync();
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var detail = await FirstDetailPathAsync(page);
        foreach (var (name, path, admin) in new[]
        {
            ("projets-liste", "/nouvelle-aquitaine/projets", false),
            ("projets-liste-filtree", "/nouvelle-aquitaine/projets?domaine=musees&tri=titre", false),
            ("projet-detail", detail, false),
            ("admin-projets", "/nouvelle-aquitaine/admin/projets", true),
            ("admin-projet-nouveau", "/nouvelle-aquitaine/admin/projets/nouveau", true),
        })
        {
            if (admin && !page.Url.Contains("/admin")) await browser.SignInAsync(page);
            var response = await page.GotoAsync(path);
            Assert.True(response?.Ok, $"{path} answered {response?.Status}");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await browser.AssertAccessibleAsync(page, name);
        }
    }

    [Fact]
    public Task First_load_of_the_list_stays_under_350_KB_and_20_requests() => AssertFirstLoadAsync("/nouvelle-aquitaine/projets");

    [Fact]
    public async Task First_load_of_a_detail_page_stays_under_350_KB_and_20_requests()
    {
        await SeedAsync();
        await using var probe = await browser.NewContextAsync();
        await AssertFirstLoadAsync(await FirstDetailPathAsync(await probe.NewPageAsync()));
    }

    private async Task AssertFirstLoadAsync(string path)
    {
        await SeedAsync();
        await browser.AssertFirstLoadWithinBudgetAsync(path, output);
    }
}
