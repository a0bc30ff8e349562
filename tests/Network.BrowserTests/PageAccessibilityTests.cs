using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// The main pages in French and in English (switched with the header's language menu): axe-core finds no
/// WCAG 2.x A/AA violation, and a full-page screenshot of each is written under the test output (screenshots/).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class PageAccessibilityTests(BrowserFixture browser)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "accueil-hub", "/", false },
        { "accueil-region", "/hauts-de-france/", false },
        { "connexion", "/compte/connexion", false },
        { "accessibilite", "/accessibilite", false },
        { "accessibilite-region", "/nouvelle-aquitaine/accessibilite", false },
        { "plan-du-site", "/hauts-de-france/plan-du-site", false },
        { "affichage", "/affichage", false },
        { "erreur-404", "/hauts-de-france/page-inexistante", false },
        { "admin-sites", "/admin/sites", true },
        { "admin-sites-nouveau", "/admin/sites/nouveau", true },
        { "admin-site-modifier", "/admin/sites/hauts-de-france", true },
        { "admin-site-modules", "/admin/sites/hauts-de-france/fonctionnalites", true },
        { "admin-site-etat", "/admin/sites/hauts-de-france/etat", true },
        { "admin-tableau-de-bord", "/hauts-de-france/admin", true },
        { "admin-parametres", "/hauts-de-france/admin/parametres", true },
        { "admin-page-legale", "/hauts-de-france/admin/parametres/pages/accessibilite", true },
        { "admin-contenus", "/hauts-de-france/admin/contenus", true },
        { "admin-contenus-parametres", "/hauts-de-france/admin/contenus/parametres", true },
        { "admin-vocabulaires", "/hauts-de-france/admin/vocabulaires", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_passes_axe_in_French_and_English(string name, string path, bool asAdministrator)
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        if (asAdministrator) await browser.SignInAsync(page);

        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(name.StartsWith("erreur-404", StringComparison.Ordinal) ? 404 : 200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Equal("fr", await page.GetAttributeAsync("html", "lang"));
        await AssertNoViolationsAsync(page, name, "fr");

        await BrowserFixture.SwitchLanguageAsync(page, "en");
        Assert.EndsWith(path, new Uri(page.Url).AbsolutePath + new Uri(page.Url).Query, StringComparison.Ordinal);
        await AssertNoViolationsAsync(page, name, "en");
    }

    private async Task AssertNoViolationsAsync(IPage page, string name, string language)
    {
        await browser.ScreenshotAsync(page, $"{name}-{language}");
        var violations = await browser.AxeViolationsAsync(page);
        Assert.True(violations.Count == 0, $"axe-core found {violations.Count} violation(s) on {page.Url} ({language}):\n" + string.Join("\n", violations));
    }
}
