using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using System.Globalization;

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

    /// <summary>A published call whose deadline passed an hour ago (review can start), with its round's review settings.</summary>
    public static async Task<CallView> CreateClosedCallAsync(this NetworkWebFactory factory, string tenant, string title = "Appel ADNI 2025", bool blindReview = false, int reviewsPerApplication = 2)
    {
        // A programme of its own, so the references ("PROG-2025-0001") of several test calls never collide.
        var programme = "T" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var call = await factory.CreateCallAsync(tenant, title, Fields(DateTime.UtcNow.AddDays(-30), DateTime.UtcNow.AddHours(-1), programme, 2025));
        return await factory.InTenantAsync(tenant, async sp =>
        {
            var round = await sp.GetRequiredService<CallRounds>().GetOrCreateAsync(call.Id);
            round.BlindReview = blindReview;
            round.ReviewsPerApplication = reviewsPerApplication;
            await sp.GetRequiredService<CallsDbContext>().SaveChangesAsync();
            return (await sp.GetRequiredService<CallRounds>().FindAsync(call.Id))!;
        });
    }

    /// <summary>Starts the review and assigns <paramref name="reviewer"/> (put in the pool) to <paramref name="application"/>, through the coordinators' service.</summary>
    public static Task<ReviewAssignment> AssignReviewerAsync(this NetworkWebFactory factory, string tenant, CallView call, CallApplication application, Person reviewer, bool startReview = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var administration = sp.GetRequiredService<ReviewAdministration>();
            var view = (await sp.GetRequiredService<CallRounds>().FindAsync(call.Id))!;
            var system = new CallActor("system", "Système");
            Assert.True((await administration.AddReviewerAsync(view, reviewer.User.Id)).Succeeded);
            if (startReview) Assert.True((await administration.StartReviewAsync(view, system)).Succeeded);
            view = (await sp.GetRequiredService<CallRounds>().FindAsync(call.Id))!;
            var assigned = await administration.AssignAsync(view, application.Id, reviewer.User.Id, system);
            Assert.True(assigned.Succeeded, assigned.Error);
            return await sp.GetRequiredService<CallsDbContext>().Reviews.AsNoTracking().FirstAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == reviewer.User.Id);
        });

    /// <summary>Adds a small PDF to the tenant's media library (through the library, checked by its bytes) and returns its id.</summary>
    public static Task<int> UploadPdfAsync(this NetworkWebFactory factory, string tenant, string title = "Règlement de l'appel")
        => factory.InTenantAsync(tenant, async sp =>
        {
            // A unique comment makes a new file each time (the library keys files by their content hash).
            var pdf = System.Text.Encoding.ASCII.GetString(Network.Tests.Media.MediaUploadValidatorTests.MinimalPdf);
            var bytes = System.Text.Encoding.ASCII.GetBytes(pdf.Replace("%PDF-1.4\n", "%PDF-1.4\n% " + Guid.NewGuid().ToString("N") + "\n"));
            var uploaded = await sp.GetRequiredService<Network.Modules.Media.Services.MediaLibrary>()
                .UploadAsync(new MemoryStream(bytes), "reglement.pdf", "application/pdf", title, false, null, "test");
            Assert.True(uploaded.Succeeded, string.Join(" ", uploaded.Errors.Select(e => e.Message.ToString())));
            return uploaded.Item!.Id;
        });

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
            // As the submission does: references already given by another call of the same programme and year are skipped.
            string reference;
            do reference = ApplicationSubmission.ReferenceOf(call.Fields, ++round.LastReferenceNumber);
            while (await db.Applications.AnyAsync(a => a.Reference == reference));
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
                Reference = reference,
                CreatedUtc = now,
                UpdatedUtc = now,
                SubmittedUtc = now,
            };
            db.Applications.Add(application);
            await db.SaveChangesAsync();
            return application;
        });

    /// <summary>A minimal complete PDF (header and end marker): what the attachment validator accepts.</summary>
    public static byte[] SmallPdf(string text = "Budget previsionnel")
        => System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% {text}\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    /// <summary>The fields one step of the form posts for <paramref name="form"/> (names as the page's inputs).</summary>
    public static Dictionary<string, string> StepFields(ApplicationForm form, int step)
    {
        static string Amount(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
        var fields = new Dictionary<string, string>();
        switch (step)
        {
            case ApplicationSteps.Structure:
                fields["Form.OrganisationName"] = form.OrganisationName;
                fields["Form.LegalForm"] = form.LegalForm;
                fields["Form.Siret"] = form.Siret;
                fields["Form.Rna"] = form.Rna;
                fields["Form.AddressLine"] = form.AddressLine;
                fields["Form.PostalCode"] = form.PostalCode;
                fields["Form.City"] = form.City;
                break;
            case ApplicationSteps.Contact:
                fields["Form.ContactName"] = form.ContactName;
                fields["Form.ContactRole"] = form.ContactRole;
                fields["Form.ContactEmail"] = form.ContactEmail;
                fields["Form.ContactPhone"] = form.ContactPhone;
                break;
            case ApplicationSteps.Project:
                fields["Form.ProjectTitle"] = form.ProjectTitle;
                fields["Form.Summary"] = form.Summary;
                fields["Form.Description"] = form.Description;
                fields["Form.Timeline"] = form.Timeline;
                for (var i = 0; i < 2; i++)
                {
                    fields[$"Form.Partners[{i}].Name"] = i < form.Partners.Count ? form.Partners[i].Name : "";
                    fields[$"Form.Partners[{i}].Role"] = i < form.Partners.Count ? form.Partners[i].Role : "";
                }
                break;
            case ApplicationSteps.Budget:
                fields["Form.TotalBudget"] = Amount(form.TotalBudget);
                fields["Form.AmountRequested"] = Amount(form.AmountRequested);
                for (var i = 0; i < 2; i++)
                {
                    fields[$"Form.CoFunding[{i}].Funder"] = i < form.CoFunding.Count ? form.CoFunding[i].Funder : "";
                    fields[$"Form.CoFunding[{i}].Amount"] = i < form.CoFunding.Count ? Amount(form.CoFunding[i].Amount) : "";
                    if (i < form.CoFunding.Count && form.CoFunding[i].Obtained) fields[$"Form.CoFunding[{i}].Obtained"] = "true";
                }
                break;
            case ApplicationSteps.Questions:
                foreach (var (key, answer) in form.Answers) fields[$"Form.Answers[{key}]"] = answer;
                break;
        }
        return fields;
    }

    public static string EditorUrl(string tenant, int applicationId) => $"/{tenant}/compte/candidatures/{applicationId}";

    /// <summary>Starts an application through <c>/appels/{slug}/candidature</c> and returns its id.</summary>
    public static async Task<int> StartApplicationAsync(this HttpClient client, string tenant, CallView call)
    {
        var response = await client.SubmitFormAsync($"/{tenant}/appels/{call.Item.Slug}/candidature", "#commencer", new Dictionary<string, string>());
        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        return int.Parse(location[(location.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }

    /// <summary>Posts one step as the page's form would, with <paramref name="changes"/> over what the page shows.</summary>
    public static async Task<HttpResponseMessage> PostStepAsync(this HttpClient client, string tenant, int applicationId, int step, IDictionary<string, string> changes, string go = "next")
    {
        var document = await client.GetDocumentAsync($"{EditorUrl(tenant, applicationId)}?etape={step + 1}");
        var values = HtmlForms.FormValues(document, "#etape-formulaire", changes);
        values.Add(new("go", go));
        return await client.PostAsync(EditorUrl(tenant, applicationId), new FormUrlEncodedContent(values));
    }

    /// <summary>Fills every step of the form through the pages (each must move on), up to the summary.</summary>
    public static async Task FillApplicationAsync(this HttpClient client, string tenant, int applicationId, ApplicationForm form)
    {
        for (var step = 0; step < ApplicationSteps.Summary; step++)
        {
            var response = await client.PostStepAsync(tenant, applicationId, step, StepFields(form, step));
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Redirect, $"Step {step + 1} did not move on: {body[..Math.Min(body.Length, 3000)]}");
            Assert.EndsWith($"?etape={step + 2}", response.Headers.Location!.OriginalString);
        }
    }

    /// <summary>The summary step's submit form's values (both boxes ticked unless told otherwise).</summary>
    public static async Task<List<KeyValuePair<string, string>>> SubmitValuesAsync(this HttpClient client, string tenant, int applicationId, bool tick = true)
    {
        var document = await client.GetDocumentAsync($"{EditorUrl(tenant, applicationId)}?etape={ApplicationSteps.Summary + 1}");
        var changes = tick ? new Dictionary<string, string> { ["Form.PrivacyNoticeRead"] = "true", ["Form.Certified"] = "true" } : null;
        return HtmlForms.FormValues(document, "#etape-formulaire", changes);
    }

    public static Task<HttpResponseMessage> PostSubmitAsync(this HttpClient client, string tenant, int applicationId, List<KeyValuePair<string, string>> values)
        => client.PostAsync($"{EditorUrl(tenant, applicationId)}?handler=Submit", new FormUrlEncodedContent(values));

    public static async Task<HttpResponseMessage> SubmitApplicationAsync(this HttpClient client, string tenant, int applicationId)
        => await client.PostSubmitAsync(tenant, applicationId, await client.SubmitValuesAsync(tenant, applicationId));

    public static Task<CallApplication?> ApplicationAsync(this NetworkWebFactory factory, string tenant, int id)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<CallsDbContext>().Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id));

    /// <summary>A draft written through <see cref="ApplicationDrafts"/> (whatever the call's dates), with <paramref name="form"/> saved.</summary>
    public static Task<CallApplication> AddDraftAsync(this NetworkWebFactory factory, string tenant, CallView call, Person applicant, ApplicationForm form)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var drafts = sp.GetRequiredService<ApplicationDrafts>();
            var draft = await drafts.StartAsync(call, applicant.User.Id, applicant.User.DisplayName, applicant.Email, "fr");
            Assert.Equal(DraftSaveOutcome.Saved, await drafts.SaveAsync(draft, form, ApplicationSteps.Summary, draft.Version));
            return draft;
        });
}
