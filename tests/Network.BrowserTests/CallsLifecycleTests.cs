using System.Globalization;
using Microsoft.Playwright;
using Network.BrowserTests.Infrastructure;
using Network.Core.Security;

namespace Network.BrowserTests;

/// <summary>
/// The whole life of a call for projects in a real browser, on a site whose mail goes through a real SMTP server:
/// a coordinator writes and publishes a call, two applicants (separate profiles) fill the seven-step form and submit
/// (their receipts arrive by SMTP), the coordinator moves the deadline to the past, starts the review and assigns
/// evenly, the reviewer declares no conflict and scores, the coordinator reads the ranking, decides (one accepted, one
/// rejected) and publishes the results; the accepted applicant finds the draft showcase among their contributions.
/// Every page visited passes axe-core with zero violations.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class CallsLifecycleTests(BrowserFixture browser, SmtpSiteFixture fixture) : IClassFixture<SmtpSiteFixture>
{
    private const string Region = "/hauts-de-france";

    private sealed record Applicant(string Name, string Email, string Organisation, string Project, int Budget, int Requested);

    [Fact]
    public async Task A_call_goes_from_publication_through_applications_review_and_decisions_to_published_results()
    {
        var site = fixture.Site;
        var smtp = fixture.Smtp;
        var tag = Guid.NewGuid().ToString("N")[..6];
        var coordinatorEmail = $"coordination-{tag}@exemple.test";
        var reviewerEmail = $"jury-{tag}@exemple.test";
        var first = new Applicant("Élise Vandamme", $"candidate-a-{tag}@exemple.test", "Association Les Voix du Beffroi", "Parcours sonore du beffroi " + tag, 60000, 25000);
        var second = new Applicant("Yanis Haddad", $"candidat-b-{tag}@exemple.test", "Compagnie Lumière d'Escaut", "Théâtre d'ombres numérique " + tag, 40000, 15000);

        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, "Nadia Lefèvre", coordinatorEmail);
        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, "Paul Verhaeghe", reviewerEmail);
        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, first.Name, first.Email);
        await SiteAccounts.SignUpAndConfirmAsync(browser, site, smtp, Region, second.Name, second.Email);
        await using (var adminContext = await browser.NewContextAsync(site: site))
        {
            var admin = await adminContext.NewPageAsync();
            await browser.SignInAsync(admin);
            await SiteAccounts.GrantRoleAsync(admin, Region, coordinatorEmail, NetworkRoles.Coordinator);
            await SiteAccounts.GrantRoleAsync(admin, Region, reviewerEmail, NetworkRoles.Reviewer);
        }

        // The coordinator writes the call (open since two days, closing in ten) and publishes it.
        var title = "Appel cycle complet " + tag;
        await using var coordinatorContext = await browser.NewContextAsync(site: site);
        var coordinator = await coordinatorContext.NewPageAsync();
        await browser.SignInAsync(coordinator, coordinatorEmail, SiteAccounts.Password);
        await coordinator.GotoAsync($"{Region}/admin/appels/nouveau");
        await coordinator.FillAsync("#common-title", title);
        await coordinator.FillAsync("#common-summary", "Un appel suivi de la publication aux résultats.");
        await coordinator.FillAsync("#form-programme", "ADNI");
        await coordinator.FillAsync("#form-year", "2026");
        await coordinator.FillAsync("#form-opensdate", Day(-2));
        await coordinator.FillAsync("#form-openstime", "09:00");
        await coordinator.FillAsync("#form-closesdate", Day(10));
        await coordinator.FillAsync("#form-closestime", "12:00");
        await coordinator.CheckAsync("#form-eligibleapplicants-0", new PageCheckOptions { Force = true });
        await coordinator.FillAsync("#form-totalenvelope", "300000");
        await coordinator.FillAsync("#form-maxamountperproject", "40000");
        await coordinator.FillAsync("#form-maxfundingratepercent", "50");
        await coordinator.FillAsync("#form-criteria-0--label", "Caractère innovant");
        await coordinator.FillAsync("#form-criteria-0--weight", "2");
        await coordinator.FillAsync("#form-criteria-0--maxscore", "10");
        await coordinator.ClickAsync("#call-save-top");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        var created = await coordinator.InnerTextAsync("main");
        Assert.True(created.Contains("Le brouillon est créé.", StringComparison.Ordinal), created);
        var callId = int.Parse(coordinator.Url.Split('?')[0].Split('/').Last(), CultureInfo.InvariantCulture);
        await PublishAsync(coordinator, callId);

        // Two applicants, each in their own browser profile, find the call and apply.
        string slug;
        await using (var visitorContext = await browser.NewContextAsync(site: site))
        {
            var visitor = await visitorContext.NewPageAsync();
            await visitor.GotoAsync($"{Region}/appels");
            await visitor.ClickAsync($"text={title}");
            await visitor.WaitForLoadStateAsync(LoadState.Load);
            slug = new Uri(visitor.Url).AbsolutePath.Split('/').Last();
        }
        await using var firstContext = await browser.NewContextAsync(site: site);
        var firstPage = await firstContext.NewPageAsync();
        await ApplyAsync(firstPage, slug, first, "a");
        await using var secondContext = await browser.NewContextAsync(site: site);
        var secondPage = await secondContext.NewPageAsync();
        await ApplyAsync(secondPage, slug, second, "b");

        // The receipts arrive through the SMTP server.
        var receiptA = await smtp.WaitForMessageAsync(m => m.ToAddress == first.Email && m.Subject.Contains("Accusé de réception", StringComparison.Ordinal));
        var receiptB = await smtp.WaitForMessageAsync(m => m.ToAddress == second.Email && m.Subject.Contains("Accusé de réception", StringComparison.Ordinal));
        Assert.Contains("ADNI-2026-", receiptA.Subject, StringComparison.Ordinal);
        Assert.Contains("ADNI-2026-", receiptB.Subject, StringComparison.Ordinal);

        // The coordinator reads the applications, then moves the deadline to yesterday (the editor accepts a past date).
        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}/candidatures");
        var list = await coordinator.InnerTextAsync("#candidatures");
        Assert.Contains(first.Project, list, StringComparison.Ordinal);
        Assert.Contains(second.Project, list, StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(coordinator, "cycle-admin-candidatures");
        await coordinator.ClickAsync("#candidatures tbody a >> nth=0");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(coordinator, "cycle-admin-candidature-detail");

        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}");
        await coordinator.FillAsync("#form-closesdate", Day(-1));
        await coordinator.FillAsync("#form-closestime", "09:00");
        await coordinator.ClickAsync("#call-save-top");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        var saved = await coordinator.InnerTextAsync("main");
        Assert.False(saved.Contains("Des informations sont à corriger", StringComparison.Ordinal), saved);
        await PublishAsync(coordinator, callId);

        // The review: the reviewer joins the pool, the review starts, applications are shared out evenly.
        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}/evaluation");
        await browser.AssertAccessibleAsync(coordinator, "cycle-evaluation");
        var reviewerOption = await coordinator.Locator($"#add-reviewer option:has-text('{reviewerEmail}')").GetAttributeAsync("value");
        await coordinator.SelectOptionAsync("#add-reviewer", reviewerOption!);
        await coordinator.ClickAsync("#add-reviewer-form button[type=submit]");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Paul Verhaeghe", await coordinator.InnerTextAsync("#pool"), StringComparison.Ordinal);
        await coordinator.ClickAsync("#start-form button");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await coordinator.QuerySelectorAsync("#review-started"));
        await coordinator.ClickAsync("#distribute-form button");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        Assert.Contains("Paul Verhaeghe", await coordinator.InnerTextAsync("#assignments"), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(coordinator, "cycle-evaluation-attributions");

        // The reviewer declares no conflict, scores both applications and submits.
        await using (var reviewerContext = await browser.NewContextAsync(site: site))
        {
            var reviewer = await reviewerContext.NewPageAsync();
            await browser.SignInAsync(reviewer, reviewerEmail, SiteAccounts.Password);
            await reviewer.GotoAsync($"{Region}/admin/evaluations");
            await browser.AssertAccessibleAsync(reviewer, "cycle-evaluations-jury");
            var links = await reviewer.Locator("#reviewer-assignments tbody a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
            Assert.Equal(2, links.Length);
            var scores = new Dictionary<string, string> { [first.Project] = "9", [second.Project] = "4.5" };
            foreach (var link in links)
            {
                await reviewer.GotoAsync(link);
                await browser.AssertAccessibleAsync(reviewer, "cycle-evaluer-declaration");
                await reviewer.CheckAsync("#conflict-no", new PageCheckOptions { Force = true });
                await reviewer.ClickAsync("#conflict-form button[type=submit]");
                await reviewer.WaitForLoadStateAsync(LoadState.Load);
                var text = await reviewer.InnerTextAsync("#application");
                var score = text.Contains(first.Project, StringComparison.Ordinal) ? scores[first.Project] : scores[second.Project];
                foreach (var input in await reviewer.Locator("#review-form input[id^='score-']").AllAsync()) await input.FillAsync(score);
                await reviewer.CheckAsync(score == "9" ? "#opinion-favourable" : "#opinion-unfavourable", new PageCheckOptions { Force = true });
                await reviewer.FillAsync("#overall-comment", "Évaluation rédigée pendant l'essai de bout en bout.");
                await browser.AssertAccessibleAsync(reviewer, "cycle-evaluer-notes");
                await reviewer.ClickAsync("#review-form button:text-is('Soumettre')");
                await reviewer.WaitForLoadStateAsync(LoadState.Load);
                Assert.Null(await reviewer.QuerySelectorAsync("#review-error"));
                await browser.AssertAccessibleAsync(reviewer, "cycle-evaluer-soumise");
            }
        }

        // The ranking puts the better-scored project first.
        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}/classement");
        var ranking = await coordinator.InnerTextAsync("#ranking tbody");
        Assert.True(ranking.IndexOf(first.Project, StringComparison.Ordinal) < ranking.IndexOf(second.Project, StringComparison.Ordinal), ranking);
        await browser.AssertAccessibleAsync(coordinator, "cycle-classement");

        // Decisions: the first accepted, the second rejected, then the results published.
        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}/decisions");
        await browser.AssertAccessibleAsync(coordinator, "cycle-decisions");
        await DecideAsync(coordinator, callId, first.Project, accepted: true, "20000");
        await DecideAsync(coordinator, callId, second.Project, accepted: false, null);
        await coordinator.GotoAsync($"{Region}/admin/appels/{callId}/decisions");
        await coordinator.ClickAsync("#publish-results button");
        await coordinator.WaitForLoadStateAsync(LoadState.Load);
        Assert.NotNull(await coordinator.QuerySelectorAsync("#results-published"));
        await browser.AssertAccessibleAsync(coordinator, "cycle-decisions-publiees");

        // The public results page lists the funded project only.
        await using (var visitorContext = await browser.NewContextAsync(site: site))
        {
            var visitor = await visitorContext.NewPageAsync();
            var results = await visitor.GotoAsync($"{Region}/appels/{slug}/resultats");
            Assert.Equal(200, results!.Status);
            var funded = await visitor.InnerTextAsync("#funded-projects");
            Assert.Contains(first.Project, funded, StringComparison.Ordinal);
            Assert.DoesNotContain(second.Project, funded, StringComparison.Ordinal);
            await browser.AssertAccessibleAsync(visitor, "cycle-resultats");
        }

        // The decisions reach the applicants, and the accepted one finds the draft showcase among their projects.
        await smtp.WaitForMessageAsync(m => m.ToAddress == first.Email && m.Subject.Contains($"« {first.Project} » est retenu", StringComparison.Ordinal));
        await smtp.WaitForMessageAsync(m => m.ToAddress == second.Email && m.Subject.Contains($"« {second.Project} » n'est pas retenue", StringComparison.Ordinal));
        await firstPage.GotoAsync($"{Region}/admin/projets");
        Assert.Contains(first.Project, await firstPage.InnerTextAsync("main"), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(firstPage, "cycle-contributions");
    }

    /// <summary>A Paris-time date <paramref name="days"/> from today, as the editor's date field takes it.</summary>
    private static string Day(int days) => DateTime.UtcNow.AddDays(days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Publishes the item from the workflow page, when there is something to publish.</summary>
    private static async Task PublishAsync(IPage page, int id)
    {
        await page.GotoAsync($"{Region}/admin/contenus/{id}");
        if (await page.QuerySelectorAsync("#action-publish button") is null) return;
        await page.ClickAsync("#action-publish button");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("Publié", (await page.TextContentAsync("#item-status"))!.Trim());
    }

    private async Task ApplyAsync(IPage page, string slug, Applicant who, string name)
    {
        await browser.SignInAsync(page, who.Email, SiteAccounts.Password);
        await page.GotoAsync($"{Region}/appels/{slug}/candidature");
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-commencer");
        await page.ClickAsync("#commencer button");
        await page.WaitForLoadStateAsync(LoadState.Load);

        // 1. Structure
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-1");
        await page.FillAsync("#form-organisationname", who.Organisation);
        await page.SelectOptionAsync("#form-legalform", "association");
        await page.FillAsync("#form-siret", "73282932000074");
        await page.FillAsync("#form-addressline", "2 place du Général de Gaulle");
        await page.FillAsync("#form-postalcode", "59800");
        await page.FillAsync("#form-city", "Lille");
        await NextAsync(page);
        // 2. Contact
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-2");
        await page.FillAsync("#form-contactname", who.Name);
        await page.FillAsync("#form-contactemail", who.Email);
        await NextAsync(page);
        // 3. Project
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-3");
        await page.FillAsync("#form-projecttitle", who.Project);
        await page.FillAsync("#form-summary", "Une création numérique pour les familles, au cœur de la ville.");
        await page.FillAsync("#form-description", "Le projet associe **artistes** et habitants pendant six mois.");
        await NextAsync(page);
        // 4. Budget
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-4");
        await page.FillAsync("#form-totalbudget", who.Budget.ToString(CultureInfo.InvariantCulture));
        await page.FillAsync("#form-amountrequested", who.Requested.ToString(CultureInfo.InvariantCulture));
        await NextAsync(page);
        // 5. Questions (none for this call), 6. Attachments (none required)
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-5");
        await NextAsync(page);
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-6");
        await NextAsync(page);
        // 7. Summary and commitments
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-etape-7");
        await page.CheckAsync("#form-privacynoticeread", new PageCheckOptions { Force = true });
        await page.CheckAsync("#form-certified", new PageCheckOptions { Force = true });
        await page.ClickAsync("#deposer");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var receipt = await page.InnerTextAsync("main");
        Assert.True(await page.QuerySelectorAsync("#recu") is not null, receipt);
        Assert.Contains("ADNI-2026-", receipt, StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-recu");

        await page.GotoAsync($"{Region}/compte/candidatures");
        Assert.Contains(who.Project, await page.InnerTextAsync("#mes-candidatures"), StringComparison.Ordinal);
        await browser.AssertAccessibleAsync(page, $"cycle-{name}-mes-candidatures");
    }

    private static async Task NextAsync(IPage page)
    {
        var before = await page.TextContentAsync(".fr-stepper__state");
        await page.ClickAsync("#etape-formulaire button[name=go][value=next]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var errors = await page.QuerySelectorAsync("#erreurs");
        Assert.True(errors is null, errors is null ? "" : await errors.InnerTextAsync());
        Assert.NotEqual(before, await page.TextContentAsync(".fr-stepper__state"));
    }

    private async Task DecideAsync(IPage page, int callId, string project, bool accepted, string? amount)
    {
        await page.GotoAsync($"{Region}/admin/appels/{callId}/decisions");
        await page.ClickAsync($"#decisions-table tr:has-text(\"{project}\") a:has-text('Décider')");
        await page.WaitForLoadStateAsync(LoadState.Load);
        await browser.AssertAccessibleAsync(page, accepted ? "cycle-decision-retenue" : "cycle-decision-refusee");
        await page.CheckAsync(accepted ? "#decision-accepted" : "#decision-rejected", new PageCheckOptions { Force = true });
        if (amount is not null) await page.FillAsync("#amount-granted", amount);
        await page.FillAsync("#justification", accepted ? "Projet solide, bien ancré dans son territoire." : "Projet intéressant mais budget insuffisamment détaillé.");
        await page.FillAsync("#decision-date", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await page.ClickAsync("#decision-form button[type=submit]");
        await page.WaitForLoadStateAsync(LoadState.Load);
        var after = await page.InnerTextAsync("main");
        Assert.True(await page.QuerySelectorAsync("#decision-error") is null, after);
    }
}
