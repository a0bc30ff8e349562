using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;
using Network.Modules.Showcases.Data;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Calls;

/// <summary>Decisions (refused before the deadline, on drafts, after publication; checked amounts; versioned) and the publication of results.</summary>
public sealed class CallDecisionsTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private Task<Person> ApplicantAsync(string name) => factory.PersonAsync(Region, NetworkRoles.Member, name);

    [Fact]
    public async Task Decisions_are_refused_before_the_deadline_and_nothing_changes()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel encore ouvert aux décisions");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, await ApplicantAsync("Ada Ouverte"));
        var result = await factory.DecideAsync(Region, call, application, ApplicationDecision.Accepted, 10_000m, assert: false);
        Assert.False(result.Succeeded);
        Assert.Contains("pas encore clos", result.Errors[0].Message);
        var stored = await StoredAsync(application.Id);
        Assert.Equal(ApplicationDecision.None, stored.Decision);
        Assert.Equal(application.Version, stored.Version);
    }

    [Fact]
    public async Task Bad_decisions_are_refused_with_a_message_per_field()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel aux décisions contrôlées");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, await ApplicantAsync("Basile Contrôle"));
        var decisions = new (DecisionInput Input, string Field)[]
        {
            (new(ApplicationDecision.Accepted, null, "Très bon projet.", new DateOnly(2026, 6, 1), null), "AmountGranted"),
            (new(ApplicationDecision.Accepted, 0m, "Très bon projet.", new DateOnly(2026, 6, 1), null), "AmountGranted"),
            (new(ApplicationDecision.Accepted, 20_000.01m, "Au-delà du montant demandé.", new DateOnly(2026, 6, 1), null), "AmountGranted"),
            (new(ApplicationDecision.Accepted, 10_000m, "   ", new DateOnly(2026, 6, 1), null), "Justification"),
            (new(ApplicationDecision.Accepted, 10_000m, new string('x', CallRules.JustificationMaxLength + 1), new DateOnly(2026, 6, 1), null), "Justification"),
            (new(ApplicationDecision.Accepted, 10_000m, "Bon projet.", null, null), "DecisionDate"),
            (new(ApplicationDecision.Accepted, 10_000m, "Bon projet.", new DateOnly(2026, 6, 1), new DateOnly(2026, 5, 1)), "ConventionDate"),
            (new(ApplicationDecision.Rejected, 5_000m, "Hors sujet.", new DateOnly(2026, 6, 1), null), "AmountGranted"),
            (new(ApplicationDecision.Waitlisted, null, "En attente.", new DateOnly(2026, 6, 1), new DateOnly(2026, 7, 1)), "ConventionDate"),
            (new(ApplicationDecision.None, null, "Rien.", new DateOnly(2026, 6, 1), null), "Decision"),
            (new((ApplicationDecision)42, null, "Forgé.", new DateOnly(2026, 6, 1), null), "Decision"),
        };
        foreach (var (input, field) in decisions)
        {
            var result = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallDecisions>()
                .DecideAsync(call.Id, application.Id, application.Version, input, new CallActor("coord-1", "Claude")));
            Assert.False(result.Succeeded);
            Assert.Contains(result.Errors, e => e.Field == field);
        }
        var stored = await StoredAsync(application.Id);
        Assert.Equal(ApplicationDecision.None, stored.Decision);
        Assert.Equal(application.Version, stored.Version);
        Assert.Empty(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().AuditEntries.Where(e => e.ApplicationId == application.Id).ToListAsync()));
    }

    [Fact]
    public async Task A_decision_is_logged_versioned_and_a_stale_or_forged_one_changes_nothing()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel aux décisions concurrentes");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, await ApplicantAsync("Céleste Version"));
        await factory.DecideAsync(Region, call, application, ApplicationDecision.Accepted, 15_000m, conventionDate: DateOnly.FromDateTime(DateTime.UtcNow.AddDays(10)));
        var stored = await StoredAsync(application.Id);
        Assert.Equal(ApplicationDecision.Accepted, stored.Decision);
        Assert.Equal(15_000m, stored.AmountGranted);
        Assert.NotNull(stored.ConventionDate);
        Assert.Equal(application.Version + 1, stored.Version);
        var log = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().AuditEntries.Where(e => e.ApplicationId == application.Id).ToListAsync());
        Assert.Equal(CallAuditActions.Decided, Assert.Single(log).Action);

        // A second coordinator posts with the version they loaded before the first decision.
        var stale = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallDecisions>().DecideAsync(call.Id, application.Id, application.Version,
            new DecisionInput(ApplicationDecision.Rejected, null, "Autre avis.", new DateOnly(2026, 6, 1), null), new CallActor("coord-2", "Dominique")));
        Assert.True(stale.Conflict);
        Assert.Equal(ApplicationDecision.Accepted, (await StoredAsync(application.Id)).Decision);

        // The application under another call's id, or in another region, does not exist.
        var other = await factory.CreateClosedCallAsync(Region, "Un autre appel clos");
        var forged = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallDecisions>().DecideAsync(other.Id, application.Id, stored.Version,
            new DecisionInput(ApplicationDecision.Rejected, null, "Forgé.", new DateOnly(2026, 6, 1), null), new CallActor("coord-2", "Dominique")));
        Assert.True(forged.NotFound);
        var elsewhere = await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<CallDecisions>().DecideAsync(call.Id, application.Id, stored.Version,
            new DecisionInput(ApplicationDecision.Rejected, null, "Forgé.", new DateOnly(2026, 6, 1), null), new CallActor("coord-2", "Dominique")));
        Assert.True(elsewhere.NotFound);
        Assert.Equal(ApplicationDecision.Accepted, (await StoredAsync(application.Id)).Decision);
    }

    [Fact]
    public async Task A_draft_or_reopened_application_gets_no_decision()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel aux brouillons");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, await ApplicantAsync("Denis Brouillon"));
        foreach (var status in new[] { ApplicationStatus.Draft, ApplicationStatus.Reopened })
        {
            await factory.InTenantAsync(Region, async sp =>
            {
                var db = sp.GetRequiredService<CallsDbContext>();
                var stored = await db.Applications.FirstAsync(a => a.Id == application.Id);
                stored.Status = status;
                return await db.SaveChangesAsync();
            });
            var result = await factory.DecideAsync(Region, call, application, ApplicationDecision.Rejected, assert: false);
            Assert.False(result.Succeeded);
            Assert.Equal(ApplicationDecision.None, (await StoredAsync(application.Id)).Decision);
        }
        // A reopened application also holds the publication back, named by its reference.
        var publish = await factory.PublishResultsAsync(Region, call);
        Assert.False(publish.Succeeded);
        Assert.Contains(application.Reference!, publish.Errors[0].Message);
    }

    [Fact]
    public async Task Publishing_results_mails_each_applicant_once_and_drafts_a_showcase_the_applicant_can_edit()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel ADNI aux résultats");
        var accepted = await ApplicantAsync("Estelle Retenue");
        var waitlisted = await ApplicantAsync("Fabien Attente");
        var rejected = await factory.PersonAsync(Region, NetworkRoles.Member, "Gaëlle Refus", culture: "en");
        var form = CallsTestKit.CompleteForm("Beffroi sonore augmenté", 20_000m, 50_000m);
        form.Partners = [new("Office de tourisme", "Diffusion"), new("Conservatoire", "Création sonore")];
        var a1 = await factory.AddSubmittedApplicationAsync(Region, call, accepted, form);
        var a2 = await factory.AddSubmittedApplicationAsync(Region, call, waitlisted, CallsTestKit.CompleteForm("Musée en poche"));
        var a3 = await factory.AddSubmittedApplicationAsync(Region, call, rejected, CallsTestKit.CompleteForm("Archives bavardes"));
        await SetCultureAsync(a3.Id, "en");

        await factory.DecideAsync(Region, call, a1, ApplicationDecision.Accepted, 18_000m);
        await factory.DecideAsync(Region, call, a2, ApplicationDecision.Waitlisted);

        // One application still undecided: refused, and it is named.
        var early = await factory.PublishResultsAsync(Region, call);
        Assert.False(early.Succeeded);
        Assert.Contains(a3.Reference!, early.Errors[0].Message);
        Assert.Empty(await factory.OutboxForAsync(accepted.Email));
        var resultsPath = $"/{Region}/appels/{call.Item.Slug}/resultats";
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync(resultsPath)).StatusCode);

        await factory.DecideAsync(Region, call, a3, ApplicationDecision.Rejected);
        Assert.True((await factory.PublishResultsAsync(Region, call)).Succeeded);

        var round = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Rounds.AsNoTracking().FirstAsync(r => r.CallId == call.Id));
        Assert.NotNull(round.ResultsPublishedUtc);
        var acceptedMail = Assert.Single(await factory.OutboxForAsync(accepted.Email));
        Assert.Contains("retenu", acceptedMail.Subject);
        Assert.Matches(@"18\s000", acceptedMail.TextBody);
        Assert.Contains("liste complémentaire", Assert.Single(await factory.OutboxForAsync(waitlisted.Email)).Subject);
        var english = Assert.Single(await factory.OutboxForAsync(rejected.Email));
        Assert.Contains(a3.Reference!, english.TextBody);

        // The draft showcase: the applicant's, pre-filled, linked from the application.
        var stored = await StoredAsync(a1.Id);
        Assert.NotNull(stored.DecisionNotifiedUtc);
        var showcase = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().FirstAsync(i => i.Id == stored.ShowcaseItemId));
        Assert.Equal(ContentStatus.Draft, showcase.Status);
        Assert.Equal("showcase", showcase.ContentType);
        Assert.Equal(accepted.User.Id, showcase.AuthorId);
        Assert.Equal("Beffroi sonore augmenté", showcase.Title);
        var fields = System.Text.Json.JsonSerializer.Deserialize<ShowcaseFields>(showcase.FieldsJson, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web))!;
        Assert.Equal("Association Les Amis du Beffroi", fields.LeadOrganisation);
        Assert.Equal(2, fields.Partners.Count);
        Assert.Equal(call.Fields.Programme, fields.Programme);
        Assert.Equal($"Appel ADNI aux résultats {call.Fields.Year}", fields.Call);
        Assert.Equal(call.Fields.Year, fields.Year);
        Assert.Equal(18_000m, fields.AmountGranted);
        Assert.Equal(50_000m, fields.TotalBudget);
        Assert.Equal(["Ville de Lille"], fields.CoFunders);
        Assert.Null((await StoredAsync(a2.Id)).ShowcaseItemId);

        // The applicant (a plain member before) may now open and save their draft in the editor.
        var roles = await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AsNoTracking().Where(a => a.UserId == accepted.User.Id && a.TenantName == Region).Select(a => a.Role).ToListAsync());
        Assert.Contains(NetworkRoles.Contributor, roles);
        var client = await accepted.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Region}/admin/projets/{showcase.Id}")).StatusCode);
        var list = await client.GetStringAsync($"/{Region}/admin/contenus");
        Assert.Contains("Beffroi sonore augmenté", list);

        // Publishing again (another tab, a replay) changes nothing.
        Assert.True((await factory.PublishResultsAsync(Region, call)).Succeeded);
        Assert.Single(await factory.OutboxForAsync(accepted.Email));
        Assert.Equal(1, await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.ContentType == "showcase" && i.Title == "Beffroi sonore augmenté")));
        // And decisions can no longer change.
        var late = await factory.DecideAsync(Region, call, a2, ApplicationDecision.Accepted, 5_000m, assert: false);
        Assert.False(late.Succeeded);
        Assert.Equal(ApplicationDecision.Waitlisted, (await StoredAsync(a2.Id)).Decision);

        // The results page lists the funded project; its link appears once the coordinator publishes the showcase.
        var page = HtmlForms.Parse(await factory.CreateClient().GetStringAsync(resultsPath));
        var table = page.QuerySelector("#funded-projects")!.TextContent;
        Assert.Contains("Beffroi sonore augmenté", table);
        Assert.Matches(@"18\s000", table);
        Assert.DoesNotContain("Musée en poche", table);
        Assert.Null(page.QuerySelector("#funded-projects a"));
        await factory.InTenantAsync(Region, sp => sp.GetRequiredService<Network.Modules.Content.Services.ContentStore>()
            .PerformAsync(showcase.Id, showcase.Version, ContentAction.Publish, ContentTestKit.Coordinator));
        var linked = HtmlForms.Parse(await factory.CreateClient().GetStringAsync(resultsPath));
        Assert.NotNull(linked.QuerySelector("#funded-projects a[href*='/projets/']"));
    }

    [Fact]
    public async Task The_decision_pages_are_for_coordinators_and_the_form_records_a_decision()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel aux pages de décision");
        var applicant = await ApplicantAsync("Hugo Page");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, applicant);
        var list = $"/{Region}/admin/appels/{call.Id}/decisions";
        var form = $"{list}/{application.Id}";

        Assert.Equal(HttpStatusCode.Forbidden, (await (await applicant.ClientAsync(factory)).GetAsync(list)).StatusCode);
        var (_, contributor) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(form)).StatusCode);

        var person = await factory.PersonAsync(Region, NetworkRoles.Coordinator, "Inès Coordinatrice");
        await factory.GrantAsync(person.User.Id, "nouvelle-aquitaine", NetworkRoles.Coordinator);
        var coordinator = await person.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"{list}/999999")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/nouvelle-aquitaine/admin/appels/{call.Id}/decisions")).StatusCode);

        var refused = await coordinator.SubmitFormAsync(form, "#decision-form", new Dictionary<string, string>
        {
            ["Form.Decision"] = "Accepted", ["Form.AmountGranted"] = "25 000", ["Form.Justification"] = "Excellent.", ["Form.DecisionDate"] = "2026-06-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("ne peut dépasser le montant demandé", await refused.Content.ReadAsStringAsync());
        var unreadable = await coordinator.SubmitFormAsync(form, "#decision-form", new Dictionary<string, string>
        {
            ["Form.Decision"] = "Accepted", ["Form.AmountGranted"] = "beaucoup", ["Form.Justification"] = "Excellent.", ["Form.DecisionDate"] = "01/06/2026",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unreadable.StatusCode);
        Assert.Equal(ApplicationDecision.None, (await StoredAsync(application.Id)).Decision);

        var saved = await coordinator.SubmitFormAsync(form, "#decision-form", new Dictionary<string, string>
        {
            ["Form.Decision"] = "Accepted", ["Form.AmountGranted"] = "12 500,50", ["Form.Justification"] = "Projet solide et bien accompagné.", ["Form.DecisionDate"] = "2026-06-01",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await StoredAsync(application.Id);
        Assert.Equal(12_500.50m, stored.AmountGranted);
        Assert.Equal(new DateOnly(2026, 6, 1), stored.DecisionDate);

        var page = await coordinator.GetDocumentAsync(list);
        Assert.NotNull(page.QuerySelector("#publish-results"));
        var published = await coordinator.SubmitFormAsync(list, "#publish-results", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Null((await coordinator.GetDocumentAsync(list)).QuerySelector("#publish-results"));
        Assert.Single(await factory.OutboxForAsync(applicant.Email));
    }

    [Fact]
    public async Task Results_of_an_unpublished_or_unknown_call_are_not_found()
    {
        var call = await factory.CreateClosedCallAsync(Region, "Appel sans résultats");
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}/appels/{call.Item.Slug}/resultats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}/appels/inconnu/resultats")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nouvelle-aquitaine/appels/{call.Item.Slug}/resultats")).StatusCode);
    }

    private Task<CallApplication> StoredAsync(int id)
        => factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().Applications.AsNoTracking().FirstAsync(a => a.Id == id));

    private Task<int> SetCultureAsync(int id, string culture)
        => factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<CallsDbContext>();
            (await db.Applications.FirstAsync(a => a.Id == id)).Culture = culture;
            return await db.SaveChangesAsync();
        });
}
