using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Funding;
using Network.Core.Hosting;
using Network.Core.Recipes;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Calls.Recipes;

/// <summary>
/// <c>{ "name": "Calls", "file": "content/hauts-de-france.calls.json", "sample": true, "optional": true }</c>: calls for
/// projects with, for the sample sites, their applications, reviews and decisions, each call in one of three states:
/// <c>open</c> (opened <c>opensInDays</c> ago… dates are days from today), <c>review</c> (closed, under review, with
/// submitted applications and jury scores) or <c>results</c> (results published: decisions, and for each accepted
/// application its showcase, published).
/// </summary>
/// <remarks>
/// Sample applications belong to no account (the system's, like every sample content): nobody can sign in as a sample
/// applicant or reviewer, no mail is sent to invented addresses (their decisions count as notified), and the funded
/// projects' showcases are authored by the system as the other sample showcases are. Reviewers are names in the call's
/// pool with ids no account can have ("exemple:…"). The file: <c>{ "calls": [ { "title", "summary", "state",
/// "opensInDays", "closesInDays", "fields" (the call's fields without its dates), "reviewers": ["name"],
/// "applications": [ { "applicant", "form" (the application form), "reviews": [ { "reviewer" (index), "scores": {
/// "criterion": score }, "opinion", "comment" } ], "decision": { "decision", "amountGranted", "justification",
/// "conventionInDays" } } ] } ] }</c>.
/// </remarks>
public sealed class CallsStep(IOptions<NetworkOptions> options, CallType type) : RecipeStepHandler
{
    public const string StepName = "Calls";
    public const string SampleUserPrefix = "exemple:";

    private static readonly string[] StepFields = ["name", "file", "optional", "sample"];
    private static readonly string[] CallFieldsAllowed = ["title", "summary", "state", "opensInDays", "closesInDays", "fields", "reviewers", "applications"];
    private static readonly string[] States = ["open", "review", "results"];

    public override string Name => StepName;
    public override bool NeedsTenantDatabase => true;

    private sealed record SampleReview(int Reviewer, Dictionary<string, decimal> Scores, ReviewOpinion Opinion, string Comment);
    private sealed record SampleDecision(ApplicationDecision Decision, decimal? AmountGranted, string Justification, int? ConventionInDays);
    private sealed record SampleApplication(string Applicant, ApplicationForm Form, List<SampleReview>? Reviews, SampleDecision? Decision);
    private sealed record SampleCall(string Title, string Summary, string State, int OpensInDays, int ClosesInDays, CallFields Fields,
        List<string>? Reviewers, List<SampleApplication>? Applications);
    private sealed record SampleFile(List<SampleCall> Calls);

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k))) validation.Error(unknown, "champ inconnu");
        var file = validation.RequiredString(step, "file");
        if (!validation.Context.Features.Contains(CallsModule.ModuleId))
            validation.Error("name", "le module « Calls » n'est pas activé par la recette avant cette étape");
        if (file is null || (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent)) return;
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "calls");
        if (problem is { } found)
        {
            validation.Error(found.Field, found.Message);
            return;
        }
        if (root is null) return;
        if (root["calls"] is not JsonArray calls)
        {
            validation.Error($"{file} : calls", "champ obligatoire : une liste d'appels");
            return;
        }
        for (var i = 0; i < calls.Count; i++)
        {
            var at = $"{file} : calls[{i}]";
            if (calls[i] is not JsonObject call)
            {
                validation.Error(at, "doit être un objet");
                continue;
            }
            foreach (var unknown in call.Select(p => p.Key).Where(k => !CallFieldsAllowed.Contains(k))) validation.Error($"{at}.{unknown}", "champ inconnu");
            SampleCall? sample;
            try
            {
                sample = call.Deserialize<SampleCall>(RecipeFiles.StrictJson);
            }
            catch (JsonException e)
            {
                validation.Error(at + (e.Path is { Length: > 1 } p ? p[1..] : ""), $"valeur invalide ({e.Message.Split(". Path:")[0]})");
                continue;
            }
            if (sample is null) continue;
            foreach (var (field, message) in Check(sample)) validation.Error($"{at}.{field}", message);
        }
    }

    private IEnumerable<(string Field, string Message)> Check(SampleCall call)
    {
        if (string.IsNullOrWhiteSpace(call.Title)) yield return ("title", "champ obligatoire");
        if (!States.Contains(call.State)) yield return ("state", $"état inconnu « {call.State} » (états : {string.Join(", ", States)})");
        if (call.OpensInDays >= call.ClosesInDays) yield return ("closesInDays", "la date limite doit suivre l'ouverture");
        if (call.State == "open" && (call.OpensInDays > 0 || call.ClosesInDays <= 0)) yield return ("closesInDays", "un appel ouvert a ouvert (opensInDays ≤ 0) et n'est pas clos (closesInDays > 0)");
        if (call.State != "open" && call.ClosesInDays >= 0) yield return ("closesInDays", "un appel en instruction ou aux résultats publiés est clos (closesInDays < 0)");
        var fields = WithDates(call);
        foreach (var (field, message) in type.Validate(fields)) yield return ($"fields.{JsonNamingPolicy.CamelCase.ConvertName(field)}", message);
        var applications = call.Applications ?? [];
        var reviewers = call.Reviewers ?? [];
        if (call.State == "open" && applications.Count > 0) yield return ("applications", "un appel ouvert n'a pas encore de candidatures déposées dans les exemples");
        for (var a = 0; a < applications.Count; a++)
        {
            var application = applications[a];
            var at = $"applications[{a}]";
            if (string.IsNullOrWhiteSpace(application.Applicant)) yield return ($"{at}.applicant", "champ obligatoire");
            if (string.IsNullOrWhiteSpace(application.Form.ProjectTitle) || string.IsNullOrWhiteSpace(application.Form.OrganisationName))
                yield return ($"{at}.form", "le titre du projet et la structure sont obligatoires");
            if (application.Form.AmountRequested is not { } requested || requested <= 0 || (fields.MaxAmountPerProject is { } max && requested > max))
                yield return ($"{at}.form.amountRequested", "montant demandé manquant ou au-delà du maximum de l'appel");
            foreach (var review in application.Reviews ?? [])
            {
                if (review.Reviewer < 0 || review.Reviewer >= reviewers.Count) yield return ($"{at}.reviews", $"évaluateur {review.Reviewer} inconnu (index dans « reviewers »)");
                foreach (var (criterion, score) in review.Scores)
                    if (fields.Criteria.FirstOrDefault(c => c.Key == criterion) is not { } known) yield return ($"{at}.reviews", $"critère inconnu « {criterion} »");
                    else if (score < 0 || score > known.MaxScore) yield return ($"{at}.reviews", $"note {score} hors de 0 à {known.MaxScore} pour « {criterion} »");
            }
            if (call.State == "results" && application.Decision is null) yield return ($"{at}.decision", "chaque candidature d'un appel aux résultats publiés a une décision");
            if (application.Decision is { } decision)
            {
                if (call.State != "results") yield return ($"{at}.decision", "les décisions des exemples ne vont qu'avec des résultats publiés");
                var input = new DecisionInput(decision.Decision, decision.AmountGranted, decision.Justification, DateOnly.FromDateTime(DateTime.UtcNow), null);
                foreach (var (field, message) in CallDecisions.Check(input, new CallApplication { AmountRequested = application.Form.AmountRequested }))
                    yield return ($"{at}.decision.{JsonNamingPolicy.CamelCase.ConvertName(field)}", message);
            }
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (RecipeFiles.Flag(step, "sample") && !options.Value.SampleContent) return;
        var file = step["file"]!.GetValue<string>();
        var (root, problem) = RecipeFiles.ReadObject(options.Value.RecipesPath, file, RecipeFiles.Flag(step, "optional"), "calls");
        if (problem is { } found) throw new InvalidOperationException($"{file} : {found.Message}");
        if (root is null) return;
        var calls = root.Deserialize<SampleFile>(RecipeFiles.StrictJson)!.Calls;
        var services = context.Services;
        foreach (var call in calls) await CreateAsync(call, services, cancellationToken);
    }

    private async Task CreateAsync(SampleCall sample, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<ContentStore>();
        var db = services.GetRequiredService<CallsDbContext>();
        var now = DateTime.UtcNow;
        var fields = WithDates(sample);
        var created = await store.CreateAsync(type, new ContentEdit(sample.Title, null, sample.Summary, true, fields), ContentActor.System, cancellationToken);
        if (!created.Succeeded) throw new InvalidOperationException($"Appel « {sample.Title} » : {string.Join(" ", created.Errors.Select(e => e.Message))}");
        var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
        var callId = published.Item!.Id;
        var round = await services.GetRequiredService<CallRounds>().GetOrCreateAsync(callId, cancellationToken);
        if (sample.State == "open") return;

        var reviewers = (sample.Reviewers ?? []).Select((name, i) => (Id: $"{SampleUserPrefix}{Slug(sample.Title)}-jury-{i + 1}", Name: name)).ToList();
        db.Reviewers.AddRange(reviewers.Select(r => new CallReviewer { CallId = callId, UserId = r.Id, DisplayName = r.Name, AddedUtc = fields.ClosesUtc }));
        round.ReviewStartedUtc = fields.ClosesUtc.AddDays(1);
        var applications = new List<(CallApplication Row, SampleApplication Sample)>();
        foreach (var sampleApplication in sample.Applications ?? [])
        {
            round.LastReferenceNumber++;
            var form = sampleApplication.Form;
            var submitted = fields.ClosesUtc.AddDays(-1 - applications.Count);
            var row = new CallApplication
            {
                CallId = callId,
                ApplicantUserId = "",
                ApplicantName = sampleApplication.Applicant,
                ApplicantEmail = "",
                Status = ApplicationStatus.Submitted,
                FormJson = form.Write(),
                ProjectTitle = form.ProjectTitle,
                OrganisationName = form.OrganisationName,
                AmountRequested = form.AmountRequested,
                TotalBudget = form.TotalBudget,
                Reference = $"{CallType.ProgrammeValue(fields.Programme).ToUpperInvariant()}-{fields.Year}-{round.LastReferenceNumber:0000}",
                CreatedUtc = submitted.AddDays(-7),
                UpdatedUtc = submitted,
                SubmittedUtc = submitted,
            };
            if (sampleApplication.Decision is { } decision && sample.State == "results")
            {
                var decided = DateOnly.FromDateTime(now.AddDays(-3));
                row.Decision = decision.Decision;
                row.AmountGranted = decision.Decision == ApplicationDecision.Accepted ? decision.AmountGranted : null;
                row.DecisionJustification = decision.Justification;
                row.DecisionDate = decided;
                row.ConventionDate = decision.Decision == ApplicationDecision.Accepted && decision.ConventionInDays is { } days ? DateOnly.FromDateTime(now.AddDays(days)) : null;
                row.DecidedByUserId = "";
                row.DecidedUtc = now.AddDays(-3);
                // Sample applicants have no address: their decisions count as told, nothing is queued.
                row.DecisionNotifiedUtc = now.AddDays(-2);
            }
            db.Applications.Add(row);
            applications.Add((row, sampleApplication));
        }
        await db.SaveChangesAsync(cancellationToken);

        foreach (var (row, sampleApplication) in applications)
            foreach (var review in sampleApplication.Reviews ?? [])
            {
                var reviewer = reviewers[review.Reviewer];
                var assignment = new ReviewAssignment
                {
                    CallId = callId,
                    ApplicationId = row.Id,
                    ReviewerUserId = reviewer.Id,
                    ReviewerName = reviewer.Name,
                    AssignedUtc = round.ReviewStartedUtc.Value,
                    Status = ReviewStatus.Submitted,
                    NoConflictDeclaredUtc = round.ReviewStartedUtc.Value,
                    Opinion = review.Opinion,
                    OverallComment = review.Comment,
                    SavedUtc = round.ReviewStartedUtc.Value.AddDays(5),
                    SubmittedUtc = round.ReviewStartedUtc.Value.AddDays(5),
                };
                assignment.WriteScores(fields.Criteria.Select(c => new CriterionScore(c.Key, review.Scores.TryGetValue(c.Key, out var s) ? s : null, "")));
                db.Reviews.Add(assignment);
            }
        await db.SaveChangesAsync(cancellationToken);
        if (sample.State != "results") return;

        round.ResultsPublishedUtc = now.AddDays(-2);
        await db.SaveChangesAsync(cancellationToken);
        // The funded projects' showcases, made from the applications as a real publication does, then published.
        var drafts = services.GetService<IFundedProjectDrafts>();
        if (drafts is null) return;
        var tenant = services.GetRequiredService<Network.Core.Tenancy.TenantContext>().Required;
        if (!tenant.IsEnabled(CallResultsPublisher.ShowcasesModuleId)) return;
        foreach (var (row, _) in applications.Where(a => a.Row.Decision == ApplicationDecision.Accepted))
        {
            var form = ApplicationForm.Read(row.FormJson);
            var draft = await drafts.CreateDraftAsync(new FundedProject(tenant.Name, row.Id, row.Reference!, "", "Réseau", form.ProjectTitle, form.Summary, form.Description,
                form.OrganisationName, form.Partners.Select(p => new FundedProjectPartner(p.Name, p.Role)).ToList(), form.Domains, form.Technologies,
                fields.Programme, sample.Title.Contains(fields.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal) ? sample.Title : $"{sample.Title} {fields.Year}",
                fields.Year, row.AmountGranted ?? 0, row.TotalBudget, form.CoFunding.Select(c => c.Funder).ToList(), form.ContactName, form.ContactEmail), cancellationToken);
            var item = await store.FindAsync(draft.ItemId, cancellationToken);
            await store.PerformAsync(item!.Id, item.Version, ContentAction.Publish, ContentActor.System, cancellationToken: cancellationToken);
            row.ShowcaseItemId = draft.ItemId;
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static CallFields WithDates(SampleCall call)
    {
        var fields = call.Fields;
        // Whole days from today at 10:00 UTC (noon in Paris in summer), so the open call stays open for the sample's life.
        var today = DateTime.UtcNow.Date.AddHours(10);
        fields.OpensUtc = today.AddDays(call.OpensInDays);
        fields.ClosesUtc = today.AddDays(call.ClosesInDays);
        return fields;
    }

    private static string Slug(string title) => Network.Core.Text.Slugs.FromTitle(title);
}
