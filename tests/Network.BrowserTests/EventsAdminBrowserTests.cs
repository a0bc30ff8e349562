using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;

namespace Network.BrowserTests;

/// <summary>
/// A coordinator defines an event in the editor (a programme row added by a submit button, a refused save with its
/// messages), publishes it, then writes to its registrants (refused without a subject), postpones and cancels it from
/// its pilotage page: every state of these pages passes axe-core with zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EventsAdminBrowserTests(BrowserFixture browser)
{
    [Fact]
    public async Task The_event_editor_and_the_pilotage_page_pass_axe_in_every_state()
    {
        await using var admin = await browser.NewAdministratorContextAsync();
        var page = await admin.NewPageAsync();
        await page.GotoAsync("/hauts-de-france/admin/evenements/nouveau");
        await browser.AssertAccessibleAsync(page, "admin-evenements-nouveau");

        var title = "Rencontre d'essai " + Guid.NewGuid().ToString("N")[..6];
        var day = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd");
        await page.FillAsync("#common-title", title);
        await page.FillAsync("#common-summary", "Une rencontre pour essayer l'éditeur des événements.");
        await page.SelectOptionAsync("#form-kind", "rencontre");
        await page.FillAsync("#form-startdate", day);
        await page.FillAsync("#form-starttime", "14:00");
        await page.FillAsync("#form-enddate", day);
        await page.FillAsync("#form-endtime", "17:00");
        await page.FillAsync("#form-venuename", "Le Fresnoy");
        await page.FillAsync("#form-city", "Tourcoing");
        await page.FillAsync("#form-capacity", "40");
        await page.FillAsync("#form-registrationopensdate", DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd"));
        await page.FillAsync("#form-registrationopenstime", "09:00");
        await page.FillAsync("#form-registrationclosesdate", DateTime.UtcNow.AddDays(19).ToString("yyyy-MM-dd"));
        await page.FillAsync("#form-registrationclosestime", "12:00");

        // A row added without JavaScript semantics: the button posts the form and the page comes back with the row.
        await page.ClickAsync("text=Ajouter une séance");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(title, await page.InputValueAsync("#common-title"));
        await page.FillAsync("#form-sessions-0--title", "Atelier : la médiation numérique");
        await page.FillAsync("#form-sessions-0--starttime", "14:30");
        await page.FillAsync("#form-sessions-0--endtime", "16:00");
        await page.CheckAsync("#form-sessions-0--isworkshop", new PageCheckOptions { Force = true });
        await page.FillAsync("#form-sessions-0--capacity", "vingt");
        await page.ClickAsync("#event-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("nombre de places de l'atelier en chiffres", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "admin-evenements-erreurs");

        await page.FillAsync("#form-sessions-0--capacity", "20");
        await page.ClickAsync("#event-save-top");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Le brouillon est créé.", await page.InnerTextAsync("main"));
        await browser.AssertAccessibleAsync(page, "admin-evenements-modifier");
        var id = page.Url.Split('?')[0].Split('/').Last();
        await page.GotoAsync($"/hauts-de-france/admin/contenus/{id}");
        await page.ClickAsync("#action-publish button");
        await page.WaitForLoadStateAsync(LoadState.Load);

        await page.GotoAsync($"/hauts-de-france/admin/evenements/{id}/pilotage");
        await browser.AssertAccessibleAsync(page, "admin-evenement-pilotage-nouveau");
        await page.FillAsync("#body", "Un message sans objet.");
        await page.ClickAsync("#message-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Indiquez l'objet du message.", await page.InnerTextAsync("#erreurs"));
        await browser.AssertAccessibleAsync(page, "admin-evenement-pilotage-erreur");

        await page.FillAsync("#postponenote", "Le lieu n'est plus disponible ; nouvelle date en préparation.");
        await page.ClickAsync("#postpone-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("L'événement est reporté", await page.InnerTextAsync("#notice"));
        await browser.AssertAccessibleAsync(page, "admin-evenement-pilotage-reporte");

        await page.FillAsync("#cancelnote", "Le lieu reste indisponible.");
        await page.CheckAsync("#confirmcancel", new PageCheckOptions { Force = true });
        await page.ClickAsync("#cancel-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("L'événement est annulé", await page.InnerTextAsync("#notice"));
        Assert.Equal("Annulé", await page.TextContentAsync("#etat"));
        await browser.AssertAccessibleAsync(page, "admin-evenement-pilotage-annule");

        await page.GotoAsync("/hauts-de-france/admin/evenements");
        Assert.Contains(title, await page.InnerTextAsync("#evenements-admin"));
        await browser.AssertAccessibleAsync(page, "admin-evenements-liste");
    }
}
