using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// The events' public pages (a region's list and an event page, the hub's list) and the coordinators' pages (list,
/// editor, pilotage, attendee list, check-in, statistics, a certificate) on the sample events, in a real browser: every
/// page passes axe-core with zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class EventsPagesBrowserTests(BrowserFixture browser)
{
    private const string Region = "/hauts-de-france";
    private const string Journee = "Journée régionale Culture et Numérique";
    private const string PastAtelier = "Atelier : décrire et numériser un fonds d'archives industrielles";

    [Fact]
    public async Task The_public_list_an_event_page_and_the_hub_list_show_the_sample_events()
    {
        await using var context = await browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Region}/evenements");
        await browser.AssertAccessibleAsync(page, "evenements-liste");
        Assert.Contains(Journee, await page.InnerTextAsync("main"));

        await page.ClickAsync($"main a:has-text(\"{Journee}\")");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, "evenement-page");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Relever un édifice en 3D", text);
        Assert.Contains("Maison de la Culture d'Amiens", text);
        Assert.NotNull(await page.QuerySelectorAsync("main a[href$='/inscription']"));

        await page.GotoAsync("/evenements");
        await browser.AssertAccessibleAsync(page, "evenements-hub");
        Assert.Equal(2, Regex.Matches(await page.InnerTextAsync("main"), Regex.Escape(Journee)).Count);
    }

    [Fact]
    public async Task Coordinators_pages_of_the_sample_events_are_accessible_and_check_in_works()
    {
        await using var context = await browser.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{Region}/admin/evenements");
        await browser.AssertAccessibleAsync(page, "admin-evenements");
        var journee = await EventIdAsync(page, Journee);
        var past = await EventIdAsync(page, PastAtelier);

        await page.GotoAsync($"{Region}/admin/evenements/{journee}");
        await browser.AssertAccessibleAsync(page, "admin-evenement-editeur");
        await page.GotoAsync($"{Region}/admin/evenements/{journee}/pilotage");
        await browser.AssertAccessibleAsync(page, "admin-evenement-pilotage");
        await page.GotoAsync($"{Region}/admin/evenements/{journee}/inscrits");
        await browser.AssertAccessibleAsync(page, "admin-evenement-inscrits");
        Assert.Contains("Claire Vasseur", await page.InnerTextAsync("main"));

        // Check-in: search a name, mark present.
        await page.GotoAsync($"{Region}/admin/evenements/{journee}/emargement?q=Vasseur");
        await browser.AssertAccessibleAsync(page, "admin-evenement-emargement");
        await page.ClickAsync("#personnes button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await page.QuerySelectorAsync("#emargement-message"));
        await browser.AssertAccessibleAsync(page, "admin-evenement-emargement-fait");

        await page.GotoAsync($"{Region}/admin/evenements/{past}/statistiques");
        await browser.AssertAccessibleAsync(page, "admin-evenement-statistiques");
        await page.GotoAsync($"{Region}/admin/evenements/{past}/inscrits");
        await browser.AssertAccessibleAsync(page, "admin-evenement-passe-inscrits");
        var certificate = await page.GetAttributeAsync("main a[href*='/attestations/']", "href");
        Assert.NotNull(certificate);
        await page.GotoAsync(certificate!);
        await browser.AssertAccessibleAsync(page, "admin-evenement-attestation");
        Assert.Contains(PastAtelier, await page.InnerTextAsync("body"));
    }

    /// <summary>The id of an event from the coordinators' list (its pilotage link).</summary>
    private static async Task<int> EventIdAsync(IPage list, string title)
    {
        var href = await list.GetAttributeAsync($"#evenements-admin a:has-text(\"{title}\")", "href");
        Assert.NotNull(href);
        return int.Parse(EventIdPattern().Match(href!).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    [GeneratedRegex("/admin/evenements/([0-9]+)/")]
    private static partial Regex EventIdPattern();
}
