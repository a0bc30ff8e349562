using Microsoft.Playwright;
using Xunit.Abstractions;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>What the theme promises beyond accessibility: strict CSP honoured, no JavaScript needed, sobriety, display settings.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ThemeBehaviourTests(BrowserFixture browser, ITestOutputHelper output)
{
    [Theory]
    [InlineData("/", false)]
    [InlineData("/hauts-de-france/", false)]
    [InlineData("/hauts-de-france/accessibilite", false)]
    [InlineData("/compte/connexion", false)]
    [InlineData("/affichage", false)]
    [InlineData("/nouvelle-aquitaine/introuvable", false)]
    [InlineData("/projets", false)]
    [InlineData("/hauts-de-france/projets?domaine=monuments-historiques", false)]
    [InlineData("/hauts-de-france/projets/e-cathedrale-releve-3d-amiens", false)]
    [InlineData("/pratiques", false)]
    [InlineData("/hauts-de-france/pratiques/relever-un-monument-en-activite", false)]
    [InlineData("/hauts-de-france/admin/projets/nouveau", true)]
    [InlineData("/hauts-de-france/admin/medias", true)]
    [InlineData("/hauts-de-france/admin/medias/deposer", true)]
    public async Task Pages_have_no_inline_script_or_style_and_raise_no_console_error(string path, bool asAdministrator)
    {
        await using var context = asAdministrator ? await browser.NewAdministratorContextAsync() : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
        page.PageError += (_, error) => errors.Add(error);

        var response = await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.NotNull(response);

        var csp = await response.HeaderValueAsync("content-security-policy");
        Assert.NotNull(csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);

        CspMarkup.AssertNoInlineScriptOrStyle(await response.TextAsync(), path);

        // The DSFR script ran (it marks <html>) without being blocked, and nothing was refused by the CSP.
        Assert.Equal("true", await page.GetAttributeAsync("html", "data-fr-js"));
        // A 404 page logs its own status as a console error in Chromium; that is not a script problem.
        errors.RemoveAll(e => e.Contains("404", StringComparison.Ordinal) && e.Contains("Failed to load resource", StringComparison.Ordinal));
        Assert.True(errors.Count == 0, "Console errors:\n" + string.Join("\n", errors));
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task Navigation_language_switch_and_search_work_without_JavaScript(int width)
    {
        await using var context = await browser.NewContextAsync(javaScript: false, width: width);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/");
        Assert.Null(await page.GetAttributeAsync("html", "data-fr-js"));

        var home = page.Locator("#navigation-principale a.fr-nav__link").First;
        Assert.True(await home.IsVisibleAsync(), "The main navigation is hidden without JavaScript.");
        Assert.Equal("/hauts-de-france/", await home.GetAttributeAsync("href"));
        Assert.True(await page.Locator("#recherche-q").IsVisibleAsync(), "The search field is hidden without JavaScript.");
        await browser.ScreenshotAsync(page, $"sans-javascript-{width}");

        var english = page.Locator("header .fr-header__tools-links a[hreflang='en']");
        Assert.True(await english.IsVisibleAsync(), "The language switch is hidden without JavaScript.");
        await english.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        Assert.EndsWith("/hauts-de-france/", page.Url);

        // The footer's display settings work as a plain form too.
        await page.ClickAsync("footer a[href*='/affichage']");
        await page.ClickAsync("label[for=schema-dark]");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("dark", await page.GetAttributeAsync("html", "data-fr-theme"));
        Assert.EndsWith("/hauts-de-france/", page.Url);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/hauts-de-france/")]
    [InlineData("/hauts-de-france/mentions-legales")]
    public Task First_load_of_a_public_page_stays_under_350_KB_and_20_requests(string path) => browser.AssertFirstLoadWithinBudgetAsync(path, output);

    [Fact]
    public async Task French_pages_fetch_the_Latin_font_files_and_other_characters_still_render_in_Marianne()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var fonts = new List<string>();
        page.Response += (_, response) => { if (response.Ok && response.Url.EndsWith(".woff2")) lock (fonts) fonts.Add(response.Url[(response.Url.LastIndexOf('/') + 1)..]); };

        await page.GotoAsync("/hauts-de-france/");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        lock (fonts)
        {
            Assert.Contains("Marianne-Regular.latin.woff2", fonts);
            Assert.DoesNotContain(fonts, name => name.EndsWith(".ext.woff2"));
        }

        // The search page shows the query back: a Polish and a Romanian name bring the second file of the face in use.
        await page.GotoAsync("/recherche?q=" + Uri.EscapeDataString("Łódź Timișoara"));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(await page.EvaluateAsync<bool>("() => document.fonts.check('16px Marianne', 'Łș')"), "Marianne's faces for Ł and ș are not loaded");
        lock (fonts) Assert.Contains(fonts, name => name.StartsWith("Marianne-") && name.EndsWith(".ext.woff2"));
    }

    [Fact]
    public async Task Display_settings_choice_wins_over_the_DSFR_script_memory()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        foreach (var scheme in new[] { "dark", "light", "dark" })
        {
            await page.GotoAsync("/affichage?retour=%2F");
            await page.ClickAsync($"label[for=schema-{scheme}]");
            await page.ClickAsync("main form button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            Assert.Equal(scheme, await page.GetAttributeAsync("html", "data-fr-scheme"));
            Assert.Equal(scheme, await page.GetAttributeAsync("html", "data-fr-theme"));
        }
        await browser.ScreenshotAsync(page, "accueil-hub-sombre");
    }
}
