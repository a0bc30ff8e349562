using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>Calls and applications written straight through the services, for tests that exercise what comes after.</summary>
public static class CallsTestKit
{
    /// <summary>An ADNI-like call: three weighted criteria, one required and one optional question, open to associations and public bodies.</summary>
    public static CallFields Fields(DateTime opensUtc, DateTime closesUtc, string programme = "ADNI", int year = 2026) => new()
    {
        Programme = programme,
        Year = year,
        Description = "Soutenir les **applications et dispositifs numériques innovants** des lieux culturels de la région.",
        EligibleApplicants = ["association", "collectivite", "etablissement-public"],
        EligibleExpenses = "Prestations de développement, matériel dédié au projet, médiation.",
        Territory = "Région Hauts-de-France",
        TotalEnvelope = 300_000m,
        MaxAmountPerProject = 40_000m,
        MaxFundingRatePercent = 50m,
        OpensUtc = opensUtc,
        ClosesUtc = closesUtc,
        Criteria =
        [
            new("innovation", "Caractère innovant", "Nouveauté du dispositif pour les publics.", 2m, 10),
            new("publics", "Publics touchés", "Ampleur et diversité des publics.", 1.5m, 10),
            new("faisabilite", "Faisabilité", "Budget, calendrier et partenaires réalistes.", 1m, 5),
        ],
        Questions =
        [
            new("accessibilite", "Comment le projet prend-il en compte l'accessibilité ?", "Handicaps visés, normes suivies.", Required: true),
            new("sobriete", "Quelles mesures de sobriété numérique ?", "", Required: false),
        ],
        ContactEmail = "appels@drac.example.fr",
    };

    /// <summary>Creates (and by default publishes) a call as the system; its round exists afterwards.</summary>
    public static Task<CallView> CreateCallAsync(this NetworkWebFactory factory, string tenant, string title, CallFields fields, bool publish = true, bool shared = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var type = sp.GetRequiredService<CallType>();
            var created = await store.CreateAsync(type, new ContentEdit(title, null, "Un appel à projets de test.", shared, fields), ContentActor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            if (publish)
            {
                var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
                Assert.True(published.Succeeded);
            }
            return (await sp.GetRequiredService<CallRounds>().FindAsync(created.Item!.Id))!;
        });

    /// <summary>A call open now (opened a day ago, closing in <paramref name="closesIn"/>, 30 days by default).</summary>
    public static Task<CallView> CreateOpenCallAsync(this NetworkWebFactory factory, string tenant, string title = "Appel ADNI 2026", TimeSpan? closesIn = null)
        => factory.CreateCallAsync(tenant, title, Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow + (closesIn ?? TimeSpan.FromDays(30))));

    /// <summary>A published call whose deadline has passed (opened 30 days ago, closed an hour ago): decisions may be taken.</summary>
    /// Each gets its own year, so the references the kit gives ("ADNI-2041-0001") never collide between calls of a tenant.
    public static Task<CallView> CreateClosedCallAsync(this NetworkWebFactory factory, string tenant, string title = "Appel ADNI clos")
        => factory.CreateCallAsync(tenant, title, Fields(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddHours(-1), year: Interlocked.Increment(ref _closedCallYear)));

    private static int _closedCallYear = 2030;

    /// <summary>Records a decision through the service as <paramref name="coordinator"/> (dated today); asserts it succeeded.</summary>
    public static Task<CallActionResult> DecideAsync(this NetworkWebFactory factory, string tenant, CallView call, CallApplication application,
        ApplicationDecision decision, decimal? amount = null, Person? coordinator = null, DateOnly? conventionDate = null, bool assert = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var decisions = sp.GetRequiredService<CallDecisions>();
            var version = (await sp.GetRequiredService<CallsDbContext>().Applications.AsNoTracking().FirstAsync(a => a.Id == application.Id)).Version;
            var result = await decisions.DecideAsync(call.Id, application.Id, version,
                new DecisionInput(decision, amount, "Projet examiné par le comité : " + decision, decisions.Today, conventionDate),
                new CallActor(coordinator?.User.Id ?? "coord-1", coordinator?.User.DisplayName ?? "Claude Coordinateur"));
            if (assert) Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
            return result;
        });

    /// <summary>Publishes the call's results through the service (reading the round's current version).</summary>
    public static Task<CallActionResult> PublishResultsAsync(this NetworkWebFactory factory, string tenant, CallView call)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var round = await sp.GetRequiredService<CallRounds>().GetOrCreateAsync(call.Id);
            return await sp.GetRequiredService<CallResultsPublisher>().PublishAsync(call.Id, round.Version, new CallActor("coord-1", "Claude Coordinateur"));
        });

    /// <summary>A complete form that passes every check of <see cref="Fields"/>'s call (SIRET of a real checksum).</summary>
    public static ApplicationForm CompleteForm(string projectTitle = "Visite sonore du beffroi", decimal amountRequested = 20_000m, decimal totalBudget = 50_000m) => new()
    {
        OrganisationName = "Association Les Amis du Beffroi",
        LegalForm = "association",
        Siret = "73282932000074",
        AddressLine = "2 place du Général de Gaulle",
        PostalCode = "59800",
        City = "Lille",
        ContactName = "Camille Martin",
        ContactRole = "Présidente",
        ContactEmail = "camille.martin@example.org",
        ContactPhone = "03 20 00 00 00",
        ProjectTitle = projectTitle,
        Summary = "Une visite sonore géolocalisée du beffroi pour les familles.",
        Description = "Le projet propose une **visite sonore** en trois langues.",
        Partners = [new("Office de tourisme de Lille", "Diffusion")],
        Timeline = "Conception au printemps, ouverture en septembre.",
        TotalBudget = totalBudget,
        AmountRequested = amountRequested,
        CoFunding = [new("Ville de Lille", 10_000m, true)],
        Answers = new() { ["accessibilite"] = "Audiodescription et transcription en FALC." },
        PrivacyNoticeRead = true,
        Certified = true,
    };

    /// <summary>
    /// Writes a submitted application straight into the tenant's database (no checks, no receipt): for tests of the
    /// review and the decisions. Submission itself is tested through its own service and pages.
    /// </summary>
    public static Task<CallApplication> AddSubmittedApplicationAsync(this NetworkWebFactory factory, string tenant, CallView call, Person applicant, ApplicationForm? form = null)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<CallsDbContext>();
            form ??= CompleteForm();
            var round = await db.Rounds.FirstAsync(r => r.CallId == call.Id);
            round.LastReferenceNumber++;
            var now = DateTime.UtcNow;
            var application = new CallApplication
            {
                CallId = call.Id,
                ApplicantUserId = applicant.User.Id,
                ApplicantName = applicant.User.DisplayName,
                ApplicantEmail = applicant.Email,
                Status = ApplicationStatus.Submitted,
                FormJson = form.Write(),
                ProjectTitle = form.ProjectTitle,
                OrganisationName = form.OrganisationName,
                AmountRequested = form.AmountRequested,
                TotalBudget = form.TotalBudget,
                Reference = $"{call.Fields.Programme}-{call.Fields.Year}-{round.LastReferenceNumber:0000}",
                CreatedUtc = now,
                UpdatedUtc = now,
                SubmittedUtc = now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });
}
