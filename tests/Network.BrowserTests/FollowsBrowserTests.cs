using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// Following the region from its home page's block, the follow page with its button, and the preferences page (listing
/// the follow, changing its delivery, the digest switch) pass axe-core with zero violations. The forms need no
/// JavaScript, but axe-core does.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class FollowsBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task Following_the_region_and_the_preferences_page_pass_axe()
    {
        await using var admin = await browser.NewAdministratorContextAsync();
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/");
        await page.ClickAsync("text=Suivre la région");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("/hauts-de-france/abonnements", page.Url);
        await browser.AssertAccessibleAsync(page, "abonnements-suivre");

        await page.SelectOptionAsync("select[name=envoi]", "immediat");
        await page.ClickAsync("form[action*='handler=Follow'] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("un courriel à chaque publication", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync(page, "abonnements-suivi");

        await page.GotoAsync("/hauts-de-france/compte/notifications");
        Assert.Contains("Hauts-de-France", await page.InnerTextAsync("#follows"));
        await browser.AssertAccessibleAsync(page, "compte-notifications");

        await page.SelectOptionAsync("#follows select[name=envoi]", "hebdomadaire");
        await page.ClickAsync("#follows form[action*='handler=Delivery'] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Le mode d'envoi est enregistré.", await page.InnerTextAsync("main"));
        await page.CheckAsync("#sans-resume", new PageCheckOptions { Force = true });
        await page.ClickAsync("#digest-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, "compte-notifications-enregistre");

        // Stop following, from the preferences page.
        await page.ClickAsync("#follows form[action*='handler=Remove'] button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await page.QuerySelectorAsync("#no-follows"));
    }
}
