using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The contact page (empty and with errors) and a legal page's writing screen: axe-core finds no violation, in French and English.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ContactAndLegalBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_contact_page_passes_axe_empty_and_with_errors_in_French_and_English()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/hauts-de-france/contact");
        Assert.Equal(200, response!.Status);
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "contact");

        // Sent empty (the form does not rely on the browser's own checks): every field says what is missing.
        await BrowserFixture.SwitchLanguageAsync(page, "fr");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Votre message n'a pas été envoyé", await page.InnerTextAsync("#erreurs"));
        Assert.Equal("true", await page.GetAttributeAsync("#input-email", "aria-invalid"));
        await browser.AssertAccessibleAsync(page, "contact-erreurs-fr");

        await BrowserFixture.SwitchLanguageAsync(page, "en");
        await page.ClickAsync("main form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Your message was not sent", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "contact-erreurs-en");
    }

    [Fact]
    public async Task A_legal_page_writing_screen_passes_axe_in_French_and_English()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync("/nouvelle-aquitaine/admin/pages/legales/accessibilite");
        Assert.Equal(200, response!.Status);
        Assert.Equal("NonConforme", await page.InputValueAsync("#input-accessibilitystatus"));
        await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-page-legale-rediger");

        var list = await page.GotoAsync("/nouvelle-aquitaine/admin/pages/legales");
        Assert.Equal(200, list!.Status);
        await browser.AssertAccessibleAsync(page, "admin-pages-legales-en");
    }
}
