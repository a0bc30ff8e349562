using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Network.Tests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>A site with the regions' sample content (their events among it) whose mail goes through a real SMTP server.</summary>
public sealed class SmtpSampleSiteFixture : IAsyncLifetime
{
    public SmtpServerFixture Smtp { get; private set; } = null!;
    public SiteProcess Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = new SmtpServerFixture();
        Site = await SiteProcess.StartAsync(new Dictionary<string, string>(Smtp.HostSettings) { ["Mail:PollSeconds"] = "1" });
    }

    public async Task DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
        Smtp?.Dispose();
    }
}

/// <summary>
/// Registering to the sample "Journée régionale Culture et Numérique" as a guest in a real browser: the form with its
/// workshops (two overlapping workshops refused with a clear message), the verification mail's link, the confirmation
/// with its calendar file, the personal page where the workshops are changed and the registration cancelled. Every page
/// visited passes axe-core with zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventsRegistrationBrowserTests(BrowserFixture browser, SmtpSampleSiteFixture fixture) : IClassFixture<SmtpSampleSiteFixture>
{
    private const string Region = "/hauts-de-france";
    private const string JourneeSlug = "journee-regionale-culture-et-numerique";

    [Fact]
    public async Task A_guest_registers_to_the_journee_regionale_confirms_by_mail_changes_workshops_and_cancels()
    {
        var site = fixture.Site;
        var smtp = fixture.Smtp;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var email = $"invitee-{tag}@exemple.test";

        await using var context = await browser.NewContextAsync(site: site);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Region}/evenements/{JourneeSlug}/inscription");
        await browser.AssertAccessibleAsync(page, "evenement-inscription");
        var seatsBefore = await page.InnerTextAsync("main");
        Assert.Contains("172 place(s) restante(s) sur 180", seatsBefore);

        // Two workshops at the same time: refused, the error listed at the top and next to the workshops.
        await page.FillAsync("#input-fullname", "Mathilde Vermeersch");
        await page.FillAsync("#input-email", email);
        await page.FillAsync("#input-organisation", "Médiathèque de Cambrai");
        await page.CheckAsync("#atelier-atelier-3d", new PageCheckOptions { Force = true });
        await page.CheckAsync("#atelier-atelier-pnv", new PageCheckOptions { Force = true });
        await page.ClickAsync("#inscription button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("même temps", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "evenement-inscription-erreur");

        await page.UncheckAsync("#atelier-atelier-pnv", new PageUncheckOptions { Force = true });
        await page.CheckAsync("#atelier-atelier-transcription", new PageCheckOptions { Force = true });
        await page.ClickAsync("#inscription button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("verification", await page.GetAttributeAsync("#inscription-resultat", "data-statut"));
        await browser.AssertAccessibleAsync(page, "evenement-inscription-verification");

        // The verification mail's link confirms the address and opens the personal page; the confirmation carries the calendar file.
        var verification = await smtp.WaitForMessageAsync(m => m.ToAddress == email && m.Subject.StartsWith("Confirmez votre inscription", StringComparison.Ordinal));
        var personal = ReceivedMail.LinkTo(verification.TextBody!, "/evenements/inscription/");
        await page.GotoAsync(personal);
        await browser.AssertAccessibleAsync(page, "evenement-inscription-personnelle");
        var details = await page.InnerTextAsync("main");
        Assert.Contains("Journée régionale Culture et Numérique", details);
        Assert.Contains("Relever un édifice en 3D", details);
        var confirmation = await smtp.WaitForMessageAsync(m => m.ToAddress == email && m.Subject.StartsWith("Inscription confirmée", StringComparison.Ordinal));
        var ics = Assert.Single(confirmation.Attachments, a => a.FileName.EndsWith(".ics", StringComparison.Ordinal));
        Assert.Contains("BEGIN:VEVENT", System.Text.Encoding.UTF8.GetString(ics.Content));
        Assert.Contains("/evenements/inscription/", confirmation.TextBody);

        // Change the afternoon: the portals workshop instead of the transcription one.
        Assert.True(await page.IsCheckedAsync("#atelier-atelier-transcription"));
        await page.UncheckAsync("#atelier-atelier-transcription", new PageUncheckOptions { Force = true });
        await page.CheckAsync("#atelier-atelier-portails", new PageCheckOptions { Force = true });
        await page.ClickAsync("#changer-ateliers button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await page.QuerySelectorAsync("#modification-faite"));
        Assert.True(await page.IsCheckedAsync("#atelier-atelier-portails"));
        Assert.False(await page.IsCheckedAsync("#atelier-atelier-transcription"));
        await browser.AssertAccessibleAsync(page, "evenement-inscription-modifiee");

        // Cancel: the seat is freed.
        await page.ClickAsync("#annuler button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await page.QuerySelectorAsync("#annulation-faite"));
        await browser.AssertAccessibleAsync(page, "evenement-inscription-annulee");
        await page.GotoAsync($"{Region}/evenements/{JourneeSlug}/inscription");
        Assert.Contains("172 place(s) restante(s) sur 180", await page.InnerTextAsync("main"));
    }

    [Fact]
    public async Task A_forged_personal_link_answers_a_clear_not_found_page()
    {
        await using var context = await browser.NewContextAsync(site: fixture.Site);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync($"{Region}/evenements/inscription/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
        Assert.Equal(404, response!.Status);
        Assert.NotNull(await page.QuerySelectorAsync("#lien-invalide"));
        await browser.AssertAccessibleAsync(page, "evenement-lien-invalide");
    }
}
