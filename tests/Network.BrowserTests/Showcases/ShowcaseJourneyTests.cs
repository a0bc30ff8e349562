using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Network.Core.Security;
using Network.Modules.Media.Imaging;

namespace Network.BrowserTests.Showcases;

/// <summary>
/// The whole journey of a showcase in a real browser, on a site whose mail goes through a real SMTP server:
/// a contributor writes it with an image and submits it, the coordinator gets the mail, follows its link and
/// publishes, and the public finds it in the region (through a domain facet) and on the hub (through the region facet).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShowcaseJourneyTests(BrowserFixture browser, SmtpSiteFixture fixture) : IClassFixture<SmtpSiteFixture>
{
    private const string Region = "/hauts-de-france";
    private const string Title = "Balade sonore au pied du beffroi d'Arras";
    private const string ImageAlt = "La place des Héros d'Arras au crépuscule, le beffroi éclairé au fond";

    [Fact]
    public async Task A_contributor_writes_and_submits_the_coordinator_publishes_from_the_mail_and_the_public_finds_it()
    {
        var site = fixture.Site;
        var smtp = fixture.Smtp;
        var contributorEmail = $"contributrice-{Guid.NewGuid():N}@exemple.test";
        var coordinatorEmail = $"coordination-{Guid.NewGuid():N}@exemple.test";

        // Two people sign up in the region and confirm their address from the mail; the administrator gives them their roles.
        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, "Louise Delattre", contributorEmail);
        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, "Karim Bensaïd", coordinatorEmail);
        await using (var adminContext = await browser.NewContextAsync(site: site))
        {
            var admin = await adminContext.NewPageAsync();
            await browser.SignInAsync(admin);
            await SiteAccounts.GrantRoleAsync(admin, Region, contributorEmail, NetworkRoles.Contributor);
            await SiteAccounts.GrantRoleAsync(admin, Region, coordinatorEmail, NetworkRoles.Coordinator);
        }

        // The contributor writes the showcase, with a JPEG made by libvips, and saves the draft.
        int itemId;
        await using (var contributorContext = await browser.NewContextAsync(site: site))
        {
            var page = await contributorContext.NewPageAsync();
            await browser.SignInAsync(page, contributorEmail, SiteAccounts.Password);
            await page.GotoAsync($"{Region}/admin/projets/nouveau");
            await page.FillAsync("#common-title", Title);
            await page.FillAsync("#common-summary", "Un parcours audio géolocalisé raconte l'histoire du beffroi et des places d'Arras aux promeneurs.");
            await page.FillAsync("#form-description", "## Le parcours\n\nDix étapes entre la Grand-Place et la place des Héros, écrites avec les guides de l'office de tourisme.");
            await page.FillAsync("#form-leadorganisation", "Office de tourisme d'Arras");
            await page.ClickAsync("#form-domains label:text-is('Monuments historiques')");
            await page.ClickAsync("#form-technologies label:text-is('Application mobile')");
            await page.ClickAsync("#form-technologies label:text-is('Réalité augmentée')");
            await page.SelectOptionAsync("#form-maturity", "pilote");
            await page.FillAsync("#form-programme", "ADNI");
            await page.FillAsync("#form-year", "2024");
            await page.FillAsync("#form-amountgranted", "18000");
            await page.SetInputFilesAsync("#form-newimage-file", new FilePayload
            {
                Name = "beffroi-arras.jpg",
                MimeType = "image/jpeg",
                Buffer = SampleImages.Jpeg(1200, 800, seed: 62),
            });
            await page.FillAsync("#form-newimage-alt", ImageAlt);
            await page.FillAsync("#form-newimage-credit", "© Office de tourisme d'Arras, CC BY 4.0");
            await page.ClickAsync("#showcase-save");
            await page.WaitForLoadStateAsync(LoadState.Load);
            var saved = await page.InnerTextAsync("main");
            Assert.True(saved.Contains("Le brouillon est créé.", StringComparison.Ordinal), saved);
            Assert.Equal(ImageAlt, await page.InputValueAsync("#form-gallery-0--alt"));
            await browser.ScreenshotAsync(page, "parcours-projet-brouillon");

            // Submitted from the workflow page.
            await page.ClickAsync("main a:text-is('circuit de publication')");
            await page.WaitForLoadStateAsync(LoadState.Load);
            itemId = int.Parse(new Uri(page.Url).Segments[^1], System.Globalization.CultureInfo.InvariantCulture);
            await page.ClickAsync("#action-submit button");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Equal("Soumis", (await page.TextContentAsync("#item-status"))!.Trim());
            await browser.ScreenshotAsync(page, "parcours-projet-soumis");
        }

        // The coordinator gets the mail through the SMTP server, follows its link, signs in on the way and publishes.
        var review = await smtp.WaitForMessageAsync(m => m.ToAddress == coordinatorEmail && m.Subject.Contains(Title, StringComparison.Ordinal));
        var link = Network.Tests.Infrastructure.ReceivedMail.LinkTo(review.TextBody!, $"/admin/contenus/{itemId}");
        Assert.Equal($"{Region}/admin/contenus/{itemId}", link);
        await using (var coordinatorContext = await browser.NewContextAsync(site: site))
        {
            var page = await coordinatorContext.NewPageAsync();
            await page.GotoAsync(link);
            Assert.Contains("/compte/connexion", page.Url);
            await BrowserFixture.SubmitSignInFormAsync(page, coordinatorEmail, SiteAccounts.Password);
            Assert.EndsWith(link, new Uri(page.Url).AbsolutePath, StringComparison.Ordinal);
            await page.ClickAsync("#action-publish button");
            await page.WaitForLoadStateAsync(LoadState.Load);
            Assert.Equal("Publié", (await page.TextContentAsync("#item-status"))!.Trim());
        }
        // The author is told, through the same server.
        var published = await smtp.WaitForMessageAsync(m => m.ToAddress == contributorEmail && m.Subject.Contains(Title, StringComparison.Ordinal));
        Assert.Contains("publié", published.Subject, StringComparison.Ordinal);

        // The public, not signed in, finds it in the region by its domain, then on the hub by its region.
        await using var publicContext = await browser.NewContextAsync(site: site);
        var visitor = await publicContext.NewPageAsync();
        await visitor.GotoAsync($"{Region}/projets");
        await visitor.ClickAsync("nav.reseau-facets ul[aria-labelledby='filtre-domaine'] a:has-text('Monuments historiques')");
        await visitor.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("domaine=", visitor.Url);
        await visitor.ClickAsync($".fr-card__title a:text-is(\"{Title}\")");
        await visitor.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(Title, await visitor.InnerTextAsync("h1"));
        Assert.Equal(1, await visitor.Locator($"main img[alt=\"{ImageAlt}\"]").CountAsync());
        await browser.ScreenshotAsync(visitor, "parcours-projet-public");

        // The change-feed worker copies it to the hub right after the commit: poll briefly.
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await visitor.GotoAsync("/projets");
            await visitor.ClickAsync("nav.reseau-facets ul[aria-labelledby='filtre-region'] a:has-text('Hauts-de-France')");
            await visitor.WaitForLoadStateAsync(LoadState.Load);
            if (await visitor.Locator($".fr-card__title a:text-is(\"{Title}\")").CountAsync() == 1) break;
            Assert.True(DateTime.UtcNow < deadline, "The showcase did not reach the hub's list within 20 seconds.");
            await Task.Delay(500);
        }
        Assert.Contains("region=hauts-de-france", visitor.Url);
        await visitor.ClickAsync($".fr-card__title a:text-is(\"{Title}\")");
        await visitor.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal(Title, await visitor.InnerTextAsync("h1"));
    }
}
