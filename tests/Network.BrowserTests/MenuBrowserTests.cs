using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>The menu editor and a public page with a submenu: axe-core finds no violation; the submenu opens from the keyboard, and without JavaScript.</summary>
[Collection(BrowserCollection.Name)]
public sealed class MenuBrowserTests(BrowserFixture browser)
{
    private const string Region = "/nouvelle-aquitaine";

    [Fact]
    public async Task The_editor_builds_a_submenu_that_opens_from_the_keyboard()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"{Region}/admin/menu");
        Assert.Equal(200, response!.Status);
        try
        {
            // A submenu title, then two module lists inside it, all through the plain forms.
            await page.ClickAsync("label[for=add-kind-group]");
            await page.FillAsync("#add-label", "Découvrir");
            await page.ClickAsync("#add-form button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Contains("Entrée ajoutée", await page.InnerTextAsync("#menu-status"));
            foreach (var list in new[] { "/projets", "/pratiques" })
            {
                await page.ClickAsync("label[for=add-kind-module]");
                await page.SelectOptionAsync("#add-module", list);
                await page.SelectOptionAsync("#add-parent", new SelectOptionValue { Label = "Dans le sous-menu de « Découvrir »" });
                await page.ClickAsync("#add-form button[type=submit]");
                await page.WaitForLoadStateAsync(LoadState.Load);
                Assert.Contains("Entrée ajoutée", await page.InnerTextAsync("#menu-status"));
            }
            // A refused entry shows its message, accessibly.
            await page.ClickAsync("label[for=add-kind-external]");
            await page.FillAsync("#add-url", "javascript:alert(1)");
            await page.FillAsync("#add-label", "Piège");
            await page.ClickAsync("#add-form button[type=submit]");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Contains("https://", await page.InnerTextAsync("#menu-error"));
            await browser.AssertAccessibleInFrenchAndEnglishAsync(page, "admin-menu");

            // The public page: the submenu button toggles from the keyboard.
            await using var visitor = await browser.NewContextAsync();
            var home = await visitor.NewPageAsync();
            await home.GotoAsync($"{Region}/projets");
            await home.WaitForLoadStateAsync(LoadState.Load);
            // The DSFR script starts after the load event: a key pressed before it has started does nothing.
            await home.WaitForFunctionAsync("() => document.documentElement.getAttribute('data-fr-js') === 'true'");
            var button = home.Locator("#navigation-principale button.fr-nav__btn", new() { HasText = "Découvrir" });
            Assert.Equal("true", await button.GetAttributeAsync("aria-current"));
            await button.FocusAsync();
            await home.Keyboard.PressAsync("Enter");
            await home.WaitForFunctionAsync("b => b.getAttribute('aria-expanded') === 'true'", await button.ElementHandleAsync());
            var submenu = home.Locator("#" + await button.GetAttributeAsync("aria-controls"));
            // The DSFR opens the submenu with a short transition: wait until the link is shown.
            await submenu.Locator("a[aria-current=page]").WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
            await browser.AssertAccessibleAsync(home, "menu-sous-menu-ouvert");
            await home.Keyboard.PressAsync("Enter");
            await home.WaitForFunctionAsync("b => b.getAttribute('aria-expanded') === 'false'", await button.ElementHandleAsync());

            // Without JavaScript the submenu's links are reachable: focusing the button shows them.
            await using var noScript = await browser.NewContextAsync(javaScript: false);
            var plain = await noScript.NewPageAsync();
            await plain.GotoAsync($"{Region}/");
            var plainButton = plain.Locator("#navigation-principale button.fr-nav__btn", new() { HasText = "Découvrir" });
            await plainButton.FocusAsync();
            await plain.Locator("#" + await plainButton.GetAttributeAsync("aria-controls") + " a").First.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
            await browser.ScreenshotAsync(plain, "menu-sans-javascript");
        }
        finally
        {
            await page.GotoAsync($"{Region}/admin/menu");
            if (await page.Locator("#reset-form").CountAsync() > 0)
            {
                await page.ClickAsync("#reset-form button[type=submit]");
                await page.WaitForLoadStateAsync(LoadState.Load);
            }
        }
    }
}
