using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// A practice page with its sample comments: posting a comment and a reply without JavaScript-dependent widgets, then
/// reporting one and reviewing the moderation queue. axe-core finds no violation on any of them.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class DiscussionsBrowserTests(BrowserFixture browser)
{
    private const string PracticePath = "/hauts-de-france/pratiques/relever-un-monument-en-activite";

    [Fact]
    public async Task Commenting_replying_and_moderating_pass_axe()
    {
        await using var visitor = await browser.NewContextAsync();
        var anonymous = await visitor.NewPageAsync();
        Assert.Equal(200, (await anonymous.GotoAsync(PracticePath))!.Status);
        Assert.Contains("Claire Dubois", await anonymous.InnerTextAsync("#commentaires"));
        await browser.AssertAccessibleAsync(anonymous, "commentaires-visiteur");

        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(PracticePath);
        var text = "Nous avons suivi la même démarche pour un relevé de *beffroi* : merci pour les conseils. " + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("#commentaire-texte", text);
        await page.ClickAsync("#commentaire-nouveau button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("#commentaire-", page.Url);
        Assert.Contains("beffroi", await page.InnerTextAsync("#commentaires"));

        // Reply to the first sample comment: the reply form sits in a details element.
        var details = page.Locator("#commentaires details").First;
        await details.Locator("summary").ClickAsync();
        await details.Locator("textarea").FillAsync("Réponse de la coordination : bonne idée.");
        await details.Locator("button[type=submit]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Réponse de la coordination", await page.InnerTextAsync("#commentaires"));
        await browser.AssertAccessibleAsync(page, "commentaires-membre");

        // Report a sample comment, so the queue has something to show.
        var report = page.Locator("#commentaires a[href$='/signaler']").First;
        await report.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, "commentaire-signalement");
        await page.ClickAsync("label[for=raison-hors-sujet]");
        await page.ClickAsync("#signalement button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("signalement a été transmis", await page.InnerTextAsync("#commentaires"));

        await page.GotoAsync("/hauts-de-france/admin/commentaires");
        Assert.Contains("Hors sujet", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync(page, "admin-commentaires");
        await page.Locator("button[value=restore]").First.ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Rétabli", await page.InnerTextAsync("#moderation-journal"));
        await browser.AssertAccessibleAsync(page, "admin-commentaires-journal");

        await page.GotoAsync("/hauts-de-france/admin/commentaires/parametres");
        await browser.AssertAccessibleAsync(page, "admin-commentaires-parametres");
    }
}
