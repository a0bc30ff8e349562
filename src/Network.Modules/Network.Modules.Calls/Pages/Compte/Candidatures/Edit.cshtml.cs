using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;
using Network.Modules.Media.Services;

namespace Network.Modules.Calls.Pages.Compte.Candidatures;

/// <summary>
/// The application form, <c>/compte/candidatures/{id}</c>, one step at a time (<c>?etape=1</c>…7). Every step's POST
/// saves to the server whatever the applicant typed (nothing is lost when the session ends), then checks that step:
/// "Continuer" moves on only when it passes, "Précédent" moves back regardless. Only the applicant may open it;
/// once submitted it is locked (the receipt page shows it).
/// </summary>
[Authorize]
[UploadBodyLimit]
public sealed class ApplicationEditorModel(
    ApplicationDrafts drafts, ApplicationSubmission submission, ApplicationFiles files, CallRounds rounds,
    VocabularyService vocabularies, TenantContext tenantContext, IStringLocalizer T) : PageModel
{
    [BindProperty]
    public ApplicationInput Form { get; set; } = new();

    public CallApplication Application { get; private set; } = null!;
    public CallView Call { get; private set; } = null!;
    public ApplicationForm Stored { get; private set; } = new();
    public int Step { get; private set; }
    public IReadOnlyList<(string Value, string Label)> DomainOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> TechnologyOptions { get; private set; } = [];
    public IReadOnlyList<ApplicationAttachment> Attachments { get; private set; } = [];
    public TenantInfo Tenant => tenantContext.Required;

    /// <summary>The problems shown at the top, localized, keyed by the field (empty key: no field).</summary>
    public List<(string Key, string Message)> Errors { get; } = [];

    /// <summary>Problems found at submission, each with the step to fix it in.</summary>
    public IReadOnlyList<(int Step, string Message)> SubmissionProblems { get; private set; } = [];

    public bool Conflict { get; private set; }
    public string? Refusal { get; private set; }

    public ApplicationStep Current => ApplicationSteps.All[Step];
    public ApplicationStep? Next => Step + 1 < ApplicationSteps.Count ? ApplicationSteps.All[Step + 1] : null;
    public string Self => $"{Request.PathBase}/compte/candidatures/{Application.Id}";

    public async Task<IActionResult> OnGetAsync(int id, int? etape, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!ApplicationDrafts.IsEditable(Application)) return Redirect(Self + "/recu");
        Step = ApplicationSteps.Clamp(etape is { } e ? e - 1 : Application.CurrentStep);
        Form = ApplicationInput.From(Stored);
        return await ShowAsync(cancellationToken);
    }

    /// <summary>Saves the posted step, then "next" (when it passes), "previous" or stays.</summary>
    public async Task<IActionResult> OnPostAsync(int id, [FromForm] int step, [FromForm] int version, [FromForm] string? go, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!ApplicationDrafts.IsEditable(Application)) return Redirect(Self + "/recu?verrouillee=1");
        Step = ApplicationSteps.Clamp(step);
        var problems = Form.ApplyTo(Stored, Step, Call.Fields, await ValuesAsync(Vocabularies.Domains, cancellationToken), await ValuesAsync(Vocabularies.Technologies, cancellationToken));
        problems.AddRange(ApplicationRules.ForStep(Step, Stored, Call.Fields));
        var target = go switch
        {
            "previous" => Math.Max(0, Step - 1),
            "next" when problems.Count == 0 => Math.Min(ApplicationSteps.Count - 1, Step + 1),
            _ => Step,
        };
        if (!await SaveAsync(version, target, cancellationToken)) return await ShowAsync(cancellationToken);
        if (target != Step || (go == "next" && problems.Count == 0)) return Redirect($"{Self}?etape={target + 1}");
        Report(problems);
        return await ShowAsync(cancellationToken);
    }

    public Task<IActionResult> OnPostAddPartnerAsync(int id, [FromForm] int version, CancellationToken cancellationToken)
        => AddRowAsync(id, version, ApplicationSteps.Project, () => { if (Form.Partners.Count < ApplicationRules.MaxRows) Form.Partners.Add(new PartnerRow()); }, cancellationToken);

    public Task<IActionResult> OnPostAddCoFundingAsync(int id, [FromForm] int version, CancellationToken cancellationToken)
        => AddRowAsync(id, version, ApplicationSteps.Budget, () => { if (Form.CoFunding.Count < ApplicationRules.MaxRows) Form.CoFunding.Add(new CoFundingRow()); }, cancellationToken);

    public async Task<IActionResult> OnPostUploadAsync(int id, IFormFile? file, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!ApplicationDrafts.IsEditable(Application)) return Redirect(Self + "/recu?verrouillee=1");
        Step = ApplicationSteps.Attachments;
        Form = ApplicationInput.From(Stored);
        if (file is null || file.Length == 0)
        {
            Errors.Add(("File", T["Choisissez un document PDF à joindre."]));
            return await ShowAsync(cancellationToken);
        }
        await using var stream = file.OpenReadStream();
        var added = await files.AddAsync(Application, file.FileName, file.ContentType, stream, file.Length, cancellationToken);
        if (added.Attachment is null)
        {
            foreach (var error in added.Errors) Errors.Add(("File", T[error.Format, error.Arguments]));
            return await ShowAsync(cancellationToken);
        }
        return Redirect($"{Self}?etape={ApplicationSteps.Attachments + 1}");
    }

    public async Task<IActionResult> OnPostDeleteAttachmentAsync(int id, [FromForm] int attachmentId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!ApplicationDrafts.IsEditable(Application)) return Redirect(Self + "/recu?verrouillee=1");
        await files.DeleteAsync(Application, attachmentId, cancellationToken);
        return Redirect($"{Self}?etape={ApplicationSteps.Attachments + 1}");
    }

    public async Task<IActionResult> OnPostSubmitAsync(int id, [FromForm] int version, CancellationToken cancellationToken)
    {
        var userId = ApplicationAccess.UserIdOf(User)!;
        var result = await submission.SubmitAsync(id, userId, version, Form.PrivacyNoticeRead, Form.Certified, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName, cancellationToken);
        if (result.Outcome == SubmissionOutcome.NotFound) return NotFound();
        if (result.Outcome is SubmissionOutcome.Submitted or SubmissionOutcome.AlreadySubmitted)
            return Redirect($"{Request.PathBase}/compte/candidatures/{id}/recu");
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        Step = ApplicationSteps.Summary;
        var boxes = (Form.PrivacyNoticeRead, Form.Certified);
        Form = ApplicationInput.From(Stored);
        (Form.PrivacyNoticeRead, Form.Certified) = boxes;
        var fields = Call.Fields;
        switch (result.Outcome)
        {
            case SubmissionOutcome.TooLate:
                Refusal = T["La date limite de dépôt était le {0} (heure de Paris) : elle est passée, votre candidature n'a pas été déposée.", ParisTime.Format(fields.ClosesUtc)];
                break;
            case SubmissionOutcome.TooEarly:
                Refusal = T["L'appel ouvre le {0} (heure de Paris) : votre candidature ne peut pas encore être déposée.", ParisTime.Format(fields.OpensUtc)];
                break;
            case SubmissionOutcome.Conflict:
                Conflict = true;
                break;
            case SubmissionOutcome.Invalid:
                SubmissionProblems = result.Errors.Select(p => (p.Step, T[p.Format, p.Args].Value)).ToList();
                foreach (var problem in result.Errors.Where(p => p.Step == ApplicationSteps.Summary)) ModelState.AddModelError(problem.Field, T[problem.Format, problem.Args]);
                break;
        }
        return await ShowAsync(cancellationToken);
    }

    private async Task<IActionResult> AddRowAsync(int id, int version, int step, Action add, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } missing) return missing;
        if (!ApplicationDrafts.IsEditable(Application)) return Redirect(Self + "/recu?verrouillee=1");
        Step = step;
        var problems = Form.ApplyTo(Stored, Step, Call.Fields, await ValuesAsync(Vocabularies.Domains, cancellationToken), await ValuesAsync(Vocabularies.Technologies, cancellationToken));
        if (await SaveAsync(version, Step, cancellationToken)) Report(problems);
        add();
        return await ShowAsync(cancellationToken);
    }

    private async Task<bool> SaveAsync(int version, int target, CancellationToken cancellationToken)
    {
        switch (await drafts.SaveAsync(Application, Stored, target, version, cancellationToken))
        {
            case DraftSaveOutcome.Saved:
                return true;
            case DraftSaveOutcome.Conflict:
                Conflict = true;
                return false;
            default:
                Refusal = T["Cette candidature est déposée : elle ne peut plus être modifiée."];
                return false;
        }
    }

    private void Report(IEnumerable<FormProblem> problems)
    {
        foreach (var problem in problems)
        {
            var message = T[problem.Format, problem.Args].Value;
            ModelState.AddModelError(problem.Field, message);
            Errors.Add((problem.Field, message));
        }
    }

    /// <returns>Null when loaded; otherwise the answer (404 for anyone but the applicant, whatever the id).</returns>
    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var application = await drafts.FindAsync(id, cancellationToken);
        if (application is null || application.ApplicantUserId != ApplicationAccess.UserIdOf(User)) return NotFound();
        var call = await rounds.FindAsync(application.CallId, cancellationToken);
        if (call is null) return NotFound();
        Application = application;
        Call = call;
        Stored = ApplicationForm.Read(application.FormJson);
        return null;
    }

    private async Task<IActionResult> ShowAsync(CancellationToken cancellationToken)
    {
        var domains = await vocabularies.GetAsync(Vocabularies.Domains, cancellationToken);
        var technologies = await vocabularies.GetAsync(Vocabularies.Technologies, cancellationToken);
        DomainOptions = domains.Select(t => (t.Value, t.Label)).ToList();
        TechnologyOptions = technologies.Select(t => (t.Value, t.Label)).ToList();
        Attachments = await files.ListAsync(Application.Id, cancellationToken);
        ViewData["Title"] = T["{0} – étape {1} sur {2}", Call.Item.Title, Step + 1, ApplicationSteps.Count];
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Mes candidatures", "/compte/candidatures") };
        return Page();
    }

    private async Task<HashSet<string>> ValuesAsync(string vocabulary, CancellationToken cancellationToken)
        => (await vocabularies.GetAsync(vocabulary, cancellationToken)).Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
}
