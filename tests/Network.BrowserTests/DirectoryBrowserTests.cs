using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The directory's pages (with the sample organisations and profiles): axe-core finds no WCAG 2.x A/AA violation, in French and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DirectoryBrowserTests(BrowserFixture browser)
{
    public static TheoryData<string, string, bool> Pages => new()
    {
        { "annuaire-region", "/hauts-de-france/annuaire", false },
        { "annuaire-region-filtre", "/hauts-de-france/annuaire?type=association&q=musees", false },
        { "annuaire-hub", "/annuaire?region=nouvelle-aquitaine", false },
        { "annuaire-organisation", "/hauts-de-france/annuaire/drac-hauts-de-france", false },
        { "annuaire-organisation-connecte", "/nouvelle-aquitaine/annuaire/studio-cooperatif-jeu-video-angouleme", true },
        { "annuaire-membres", "/hauts-de-france/annuaire/membres", false },
        { "annuaire-membre", "/hauts-de-france/annuaire/membres/exemple-1", false },
        { "annuaire-contact", "/hauts-de-france/annuaire/membres/exemple-1/contact", true },
        { "compte-profil", "/hauts-de-france/compte/profil", true },
        { "compte-donnees", "/hauts-de-france/compte/donnees", true },
        { "admin-annuaire", "/hauts-de-france/admin/annuaire", true },
        { "admin-annuaire-nouveau", "/hauts-de-france/admin/annuaire/nouveau", true },
        { "admin-annuaire-signalements", "/hauts-de-france/admin/annuaire/signalements", true },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Directory_page_passes_axe_in_french_and_english(string name, string path, bool signedIn)
    {
        await using var context = signedIn ? await browser.NewAdministratorContextAsync() : await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.NotNull(response);
        Assert.Equal(200, response.Status);
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, name);
    }

    [Fact]
    public async Task The_contact_and_profile_forms_show_their_errors_accessibly()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/annuaire/membres/exemple-1/contact");
        await page.FillAsync("#message", "Voyez https://a.example https://b.example https://c.example");
        await page.ClickAsync("#formulaire-contact button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("liens", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "annuaire-contact-erreurs");

        await page.GotoAsync("/hauts-de-france/compte/profil");
        await page.FillAsync("#displayname", " ");
        await page.ClickAsync("#formulaire-profil button[type='submit']");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Indiquez le nom", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "compte-profil-erreurs");
    }
}
