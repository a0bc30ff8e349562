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
            var violations = await browser.AxeViolationsAsync(page);
            await browser.ScreenshotAsync(page, name);
            Assert.True(violations.Count == 0, $"{path}:\n{string.Join("\n", violations)}");
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
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var finished = new List<IRequest>();
        var requested = 0;
        page.Request += (_, _) => Interlocked.Increment(ref requested);
        page.RequestFinished += (_, request) => { lock (finished) finished.Add(request); };
        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        long transferred = 0;
        var lines = new List<string>();
        foreach (var request in finished.ToList())
        {
            var sizes = await request.SizesAsync();
            var bytes = sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            transferred += bytes;
            lines.Add($"{bytes,8} {request.Url}");
        }
        var report = $"{path}: {requested} requests, {transferred / 1024.0:F1} KB transferred:\n" + string.Join("\n", lines);
        output.WriteLine(report);
        Assert.True(requested < 20, report);
        Assert.True(transferred < 350 * 1024, report);
    }
}
