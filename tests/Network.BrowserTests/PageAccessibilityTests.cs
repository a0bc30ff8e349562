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
        { "admin-page-legale", "/hauts-de-france/admin/pages/legales/accessibilite", true },
        { "admin-contenus", "/hauts-de-france/admin/contenus", true },
        { "admin-contenus-parametres", "/hauts-de-france/admin/contenus/parametres", true },
        { "admin-vocabulaires", "/hauts-de-france/admin/vocabulaires", true },
        // Showcases and practices, with the regions' sample content in place (cards, facets, galleries).
        { "projets-region", "/hauts-de-france/projets", false },
        { "projets-region-filtres", "/hauts-de-france/projets?domaine=monuments-historiques&tri=titre", false },
        { "projets-hub", "/projets", false },
        { "projet-detail-galerie", "/hauts-de-france/projets/e-cathedrale-releve-3d-amiens", false },
        { "pratique-detail", "/hauts-de-france/pratiques/relever-un-monument-en-activite", false },
        { "admin-projets", "/hauts-de-france/admin/projets", true },
        { "admin-projets-nouveau", "/hauts-de-france/admin/projets/nouveau", true },
        { "admin-medias", "/hauts-de-france/admin/medias", true },
        { "admin-medias-deposer", "/hauts-de-france/admin/medias/deposer", true },
        // Events: the lists (facets, cards, the calendar subscription link).
        { "evenements-region", "/hauts-de-france/evenements", false },
        { "evenements-hub", "/evenements", false },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_passes_axe_in_French_and_English(string name, string path, bool asAdministrator)
    {
        await using var context = asAdministrator ? await browser.NewAdministratorContextAsync() : await browser.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(name.StartsWith("erreur-404", StringComparison.Ordinal) ? 404 : 200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, name);
    }
}
