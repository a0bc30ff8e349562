using System.Text.Json;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace Network.BrowserTests.Infrastructure;

/// <summary>One running site and one Debian Chromium for the whole browser test collection.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium; Playwright never downloads a browser here.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public SiteProcess Site { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>axe-core from the repository's node_modules (npm devDependency).</summary>
    public string AxeSource { get; private set; } = "";

    public string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        var axe = Path.Combine(SiteProcess.RepositoryRoot(), "node_modules", "axe-core", "axe.min.js");
        if (!File.Exists(axe)) throw new InvalidOperationException($"{axe} is missing: run 'npm ci' in the repository root.");
        AxeSource = await File.ReadAllTextAsync(axe);
        Directory.CreateDirectory(ScreenshotFolder);

        Site = await SiteProcess.StartAsync();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        try
        {
            // Bounded: a browser that does not close must not keep the site running after the tests.
            if (Browser is not null) await Browser.CloseAsync().WaitAsync(TimeSpan.FromSeconds(30));
            _playwright?.Dispose();
        }
        finally
        {
            if (Site is not null) await Site.DisposeAsync();
        }
    }

    /// <summary>A fresh browser profile (no cookies) on the site (the shared one unless told), French-speaking, at desktop width.</summary>
    public Task<IBrowserContext> NewContextAsync(bool javaScript = true, int width = 1280, int height = 900, SiteProcess? site = null)
        => ContextAsync(javaScript, width, height, site ?? Site, storageState: null);

    private async Task<IBrowserContext> ContextAsync(bool javaScript, int width, int height, SiteProcess site, string? storageState)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = site.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            Locale = "fr-FR",
            ViewportSize = new() { Width = width, Height = height },
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    private readonly SemaphoreSlim _administratorLock = new(1, 1);
    private string? _administratorState;

    /// <summary>
    /// A fresh profile on the shared site, already signed in as the administrator: the real sign-in form is used once
    /// per run and its cookies are handed to every such profile (signing in for each page would dominate the run).
    /// </summary>
    public async Task<IBrowserContext> NewAdministratorContextAsync(bool javaScript = true)
    {
        await _administratorLock.WaitAsync();
        try
        {
            if (_administratorState is null)
            {
                await using var signIn = await NewContextAsync();
                await SignInAsync(await signIn.NewPageAsync());
                _administratorState = await signIn.StorageStateAsync();
            }
        }
        finally
        {
            _administratorLock.Release();
        }
        return await ContextAsync(javaScript, 1280, 900, Site, _administratorState);
    }

    /// <summary>Runs axe-core (WCAG 2.x A and AA rules) on the page and returns its violations, readable.</summary>
    public async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        // Evaluated through the DevTools protocol: the page's strict CSP (no inline script) does not apply.
        await page.EvaluateAsync(AxeSource);
        // axe.run settles through timers, which a page without JavaScript never runs: fail then instead of hanging.
        var run = page.EvaluateAsync<JsonElement>("""
            async () => {
              const results = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
              return results.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(' ') + ' → ' + (n.failureSummary || '').replace(/\s+/g, ' '))
              }));
            }
            """);
        if (await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1))) != run)
            throw new TimeoutException($"axe-core did not finish on {page.Url}: does the page's browser context run JavaScript?");
        var result = await run;
        return result.EnumerateArray().Select(v =>
            $"[{v.GetProperty("impact")}] {v.GetProperty("id")}: {v.GetProperty("help")}\n    " +
            string.Join("\n    ", v.GetProperty("nodes").EnumerateArray().Select(n => n.GetString()))).ToList();
    }

    /// <summary>
    /// A full-page screenshot under screenshots/. Lazy images below the fold are loaded first (a full-page capture
    /// does not scroll, so they would show as blanks); the markup the tests check was read before.
    /// </summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        // Synchronous evaluations only, polled from here: a page without JavaScript runs no timers or load handlers,
        // so a promise waiting on them in the page would never settle.
        await page.EvaluateAsync("() => document.querySelectorAll('img[loading=lazy]').forEach(img => img.loading = 'eager')");
        var deadline = DateTime.UtcNow.AddSeconds(3);
        while (DateTime.UtcNow < deadline && !await page.EvaluateAsync<bool>("() => [...document.images].every(img => img.complete)"))
            await Task.Delay(100);
        await page.ScreenshotAsync(new() { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    /// <summary>Takes the page's screenshot (<paramref name="name"/>.png), then fails with axe-core's violations, if any.</summary>
    public async Task AssertAccessibleAsync(IPage page, string name)
    {
        await ScreenshotAsync(page, name);
        var violations = await AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {page.Url} ({name}):\n" + string.Join("\n", violations));
    }

    /// <summary>
    /// Loads <paramref name="path"/> in a fresh context (empty cache) and fails unless the first load stays under the
    /// sobriety budget: fewer than 20 requests and under 350 KB transferred, fonts and images included. The list
    /// of what was fetched goes to <paramref name="output"/> either way.
    /// </summary>
    public async Task AssertFirstLoadWithinBudgetAsync(string path, ITestOutputHelper output)
    {
        await using var context = await NewContextAsync();
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

    /// <summary>
    /// <see cref="AssertAccessibleAsync"/> in French (name-fr), then in English (name-en) after switching with the
    /// header's language menu, which must bring the same address back. The page is left in English.
    /// </summary>
    public async Task AssertAccessibleInFrenchAndEnglishAsync(IPage page, string name)
    {
        var address = new Uri(page.Url).PathAndQuery;
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await AssertAccessibleAsync(page, $"{name}-fr");
        await SwitchLanguageAsync(page, "en");
        Assert.Equal(address, new Uri(page.Url).PathAndQuery);
        await AssertAccessibleAsync(page, $"{name}-en");
    }

    /// <summary>Signs in through the real sign-in form.</summary>
    public async Task SignInAsync(IPage page, string email = SiteProcess.AdminEmail, string password = SiteProcess.AdminPassword)
    {
        var response = await page.GotoAsync("/compte/connexion");
        Assert.True(response?.Ok, $"The sign-in page answered {response?.Status}.");
        await SubmitSignInFormAsync(page, email, password);
    }

    /// <summary>Fills and sends the sign-in form the page shows (where a protected page sent the visitor, for example).</summary>
    public static async Task SubmitSignInFormAsync(IPage page, string email, string password)
    {
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", password);
        await page.ClickAsync("form#sign-in-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.DoesNotContain("/compte/connexion", page.Url);
    }

    /// <summary>Switches the language with the header's language menu, as a visitor would.</summary>
    public static async Task SwitchLanguageAsync(IPage page, string language)
    {
        // The DSFR script copies the header tools into the mobile menu: use the original ones.
        var link = page.Locator($"header .fr-header__tools-links .fr-translate a[hreflang='{language}']");
        if (!await link.IsVisibleAsync())
        {
            // With JavaScript the DSFR collapses the language list behind its button.
            await page.ClickAsync("header .fr-header__tools-links .fr-translate__btn");
        }
        await link.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
