using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// A coordinator creates and publishes a call in the browser; the editor, the public list and the call's page pass
/// axe-core (WCAG 2.x A/AA) with zero violations; screenshots under screenshots/.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_call_editor_the_list_and_a_call_page_pass_axe()
    {
        await using var admin = await browser.NewAdministratorContextAsync();
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/admin/appels/nouveau");
        await browser.AssertAccessibleAsync(page, "admin-appels-nouveau");

        var title = "Appel d'essai " + Guid.NewGuid().ToString("N")[..6];
        var opens = DateTime.UtcNow.AddDays(-1);
        var closes = DateTime.UtcNow.AddDays(12);
        await page.FillAsync("#common-title", title);
        await page.FillAsync("#common-summary", "Un appel pour essayer l'éditeur et les pages publiques.");
        await page.FillAsync("#form-programme", "ADNI");
        await page.FillAsync("#form-year", "2026");
        await page.FillAsync("#form-opensdate", opens.ToString("yyyy-MM-dd"));
        await page.FillAsync("#form-openstime", "09:00");
        await page.FillAsync("#form-closesdate", closes.ToString("yyyy-MM-dd"));
        await page.FillAsync("#form-closestime", "12:00");
        await page.CheckAsync("#form-eligibleapplicants-0", new PageCheckOptions { Force = true });
        await page.FillAsync("#form-totalenvelope", "300000");
        await page.FillAsync("#form-maxamountperproject", "40000");
        await page.FillAsync("#form-maxfundingratepercent", "50");
        await page.FillAsync("#form-criteria-0--label", "Caractère innovant");
        await page.FillAsync("#form-criteria-0--weight", "2");
        await page.FillAsync("#form-criteria-0--maxscore", "10");

        // A row added without JavaScript semantics: the button posts the form and the page comes back with the row.
        await page.ClickAsync("text=Ajouter un critère");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Caractère innovant", await page.InputValueAsync("#form-criteria-0--label"));
        await page.FillAsync("#form-criteria-1--label", "Publics touchés");
        await page.FillAsync("#form-criteria-1--weight", "1");
        await page.FillAsync("#form-criteria-1--maxscore", "10");
        await page.ClickAsync("#call-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Le brouillon est créé.", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync(page, "admin-appels-modifier");

        // Bad input: the error summary and the message by the field, still accessible.
        await page.FillAsync("#form-maxfundingratepercent", "150");
        await page.ClickAsync("#call-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("pourcentage entre 1 et 100", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync(page, "admin-appels-erreurs");
        await page.FillAsync("#form-maxfundingratepercent", "50");
        await page.ClickAsync("#call-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);

        var id = page.Url.Split('?')[0].Split('/').Last();
        await page.GotoAsync($"/hauts-de-france/admin/contenus/{id}");
        await page.ClickAsync("#action-publish button");
        await page.WaitForLoadStateAsync(LoadState.Load);

        await page.GotoAsync("/hauts-de-france/admin/appels");
        Assert.Contains(title, await page.InnerTextAsync("#appels-admin"));
        await browser.AssertAccessibleAsync(page, "admin-appels");

        await using var visitor = await browser.NewContextAsync();
        var publicPage = await visitor.NewPageAsync();
        var response = await publicPage.GotoAsync("/hauts-de-france/appels");
        Assert.Equal(200, response!.Status);
        Assert.Contains(title, await publicPage.InnerTextAsync("#liste-appels-ouverts"));
        await browser.AssertAccessibleAsync(publicPage, "appels-region");

        await publicPage.ClickAsync($"text={title}");
        await publicPage.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Clôture dans", await publicPage.InnerTextAsync("#appel-echeance"));
        Assert.NotNull(await publicPage.QuerySelectorAsync("#appel-deposer"));
        await browser.AssertAccessibleAsync(publicPage, "appel-detail");

        var hub = await publicPage.GotoAsync("/appels");
        Assert.Equal(200, hub!.Status);
        await browser.AssertAccessibleAsync(publicPage, "appels-hub");
        var data = await publicPage.GotoAsync("/hauts-de-france/donnees");
        Assert.Equal(200, data!.Status);
        await browser.AssertAccessibleAsync(publicPage, "donnees");
    }
}
