using Microsoft.Playwright;
using Network.Tests.Infrastructure;

namespace Network.BrowserTests.Infrastructure;

/// <summary>
/// Accounts on a browser-test site, made the way people make them: the sign-up form, the link of the confirmation
/// mail the SMTP server received, then a role granted by the administrator on the region's roles page.
/// </summary>
public static class SiteAccounts
{
    public const string Password = "Un-mot-de-passe-solide-7";

    /// <summary>Signs up on <paramref name="prefix"/> (a region's path base, "" for the hub) and confirms the address.</summary>
    public static async Task SignUpAndConfirmAsync(BrowserFixture browser, SiteProcess site, SmtpServerFixture smtp, string prefix, string displayName, string email)
    {
        await using var context = await browser.NewContextAsync(site: site);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{prefix}/compte/inscription");
        await page.FillAsync("input[name='Input.DisplayName']", displayName);
        await page.FillAsync("input[name='Input.Email']", email);
        await page.FillAsync("input[name='Input.Password']", Password);
        await page.FillAsync("input[name='Input.ConfirmPassword']", Password);
        await page.ClickAsync("#sign-up-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);

        var mail = await smtp.WaitForMessageAsync(m => m.ToAddress == email);
        var confirmation = await page.GotoAsync(ReceivedMail.LinkTo(mail.TextBody!, "/compte/confirmation"));
        Assert.True(confirmation?.Ok, $"The confirmation link answered {confirmation?.Status}.");
        Assert.Contains("Votre compte est activé", await page.InnerTextAsync("main"));
    }

    /// <summary>Grants a tenant role (NetworkRoles value: "Contributor", "Coordinator"…) from the roles page, on a page signed in as administrator.</summary>
    public static async Task GrantRoleAsync(IPage administrator, string prefix, string email, string role)
    {
        await administrator.GotoAsync($"{prefix}/admin/roles");
        await administrator.FillAsync("#grant-form input[name='Grant.Email']", email);
        await administrator.SelectOptionAsync("#grant-role", role);
        await administrator.ClickAsync("#grant-form button[type=submit]");
        await administrator.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains(email, await administrator.InnerTextAsync("#roles-status"));
    }
}
