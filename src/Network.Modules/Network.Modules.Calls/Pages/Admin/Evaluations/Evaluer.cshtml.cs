using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Services;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Pages.Admin.Evaluations;

/// <summary>
/// One assignment for its reviewer: the conflict-of-interest declaration first, then the application (without the
/// applicant's identity in blind mode) and the scoring form; once submitted, the review read-only and the other
/// reviewers' submitted reviews. An assignment that is not the signed-in reviewer's answers 404.
/// </summary>
[RequirePermission("ReviewApplications")]
public sealed class ReviewSheetModel(ReviewerDesk desk, TenantMembers members, ApplicationAccess access, ApplicationFiles files, VocabularyService vocabularies, IStringLocalizer T) : PageModel
{
    public ReviewSheet Sheet { get; private set; } = null!;
    public ApplicationForm Form { get; private set; } = new();

    /// <summary>The application read-only (the shared summary; identity hidden in blind mode), once the declaration is made.</summary>
    public ApplicationSummaryView? Summary { get; private set; }

    /// <summary>What the form shows: the stored review, or what was just posted when it was refused.</summary>
    public Dictionary<string, (string Score, string Comment)> Values { get; } = [];
    public ReviewOpinion Opinion { get; private set; }
    public string OverallComment { get; private set; } = "";
    public int Version { get; private set; }

    public Dictionary<string, string> FieldErrors { get; } = [];
    public string? Error { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int assignmentId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(assignmentId, cancellationToken) is not { } sheet) return NotFound();
        Show(sheet);
        await SummarizeAsync(sheet, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostDeclareAsync(int assignmentId, string? conflict, string? note, CancellationToken cancellationToken)
    {
        if (await OpenAsync(assignmentId, cancellationToken) is not { } sheet) return NotFound();
        if (conflict is not ("yes" or "no"))
            return await RefusedAsync(sheet, cancellationToken, T["Indiquez si vous avez un conflit d'intérêts avec cette candidature."]);
        var outcome = await desk.DeclareAsync(sheet, conflict == "yes", note, await CallActors.OfAsync(User, members), cancellationToken);
        if (!outcome.Succeeded) return await RefusedAsync(sheet, cancellationToken, T[outcome.Error!]);
        if (conflict == "yes")
        {
            StatusMessage = T["Votre conflit d'intérêts est enregistré : cette candidature ne vous est plus attribuée et les coordinateurs en sont informés."];
            return RedirectToPage("Index");
        }
        return RedirectToPage(new { assignmentId });
    }

    public Task<IActionResult> OnPostSaveAsync(int assignmentId, CancellationToken cancellationToken) => SaveAsync(assignmentId, submit: false, cancellationToken);

    public Task<IActionResult> OnPostSubmitAsync(int assignmentId, CancellationToken cancellationToken) => SaveAsync(assignmentId, submit: true, cancellationToken);

    private async Task<IActionResult> SaveAsync(int assignmentId, bool submit, CancellationToken cancellationToken)
    {
        if (await OpenAsync(assignmentId, cancellationToken) is not { } sheet) return NotFound();
        var form = Request.Form;
        var inputs = sheet.Call.Fields.Criteria
            .Select(c => new CriterionScoreInput(c.Key, form[$"score-{c.Key}"].ToString(), form[$"comment-{c.Key}"].ToString()))
            .ToList();
        var opinionText = form["opinion"].ToString();
        var opinion = opinionText.Length == 0 ? ReviewOpinion.None
            : Enum.TryParse<ReviewOpinion>(opinionText, ignoreCase: false, out var parsed) && !int.TryParse(opinionText, out _) ? parsed : (ReviewOpinion)(-1);
        var version = int.TryParse(form["version"], out var v) ? v : -1;
        var (outcome, errors) = await desk.SaveAsync(sheet, version, inputs, opinion, form["overallComment"], submit, await CallActors.OfAsync(User, members), cancellationToken);
        if (!outcome.Succeeded)
        {
            Show(sheet);
            // Give the reviewer back what they typed, with a message next to each refused field.
            foreach (var input in inputs) Values[input.Criterion] = (input.Score ?? "", input.Comment ?? "");
            Opinion = Enum.IsDefined(opinion) ? opinion : ReviewOpinion.None;
            OverallComment = form["overallComment"].ToString();
            // The version the form was read at, not the stored one: a refused concurrent save must not become a blind overwrite.
            Version = version;
            foreach (var (key, message) in errors)
            {
                var max = sheet.Call.Fields.Criteria.FirstOrDefault(c => c.Key == key)?.MaxScore ?? 0;
                FieldErrors[key] = T[message, max];
            }
            Error = T[outcome.Error!];
            await SummarizeAsync(sheet, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = submit ? T["Votre évaluation est soumise. Vous voyez maintenant celles des autres évaluateurs qui ont soumis la leur."] : T["Brouillon enregistré."];
        return RedirectToPage(new { assignmentId });
    }

    private async Task<ReviewSheet?> OpenAsync(int assignmentId, CancellationToken cancellationToken)
    {
        if (ApplicationAccess.UserIdOf(User) is not { } userId || await desk.OpenAsync(assignmentId, userId, cancellationToken) is not { } sheet) return null;
        // The assignment is theirs; ApplicationAccess still has the last word on reading the application.
        return await access.ViewerOfAsync(sheet.Application, User, cancellationToken) is ApplicationViewer.Reviewer or ApplicationViewer.Coordinator ? sheet : null;
    }

    private async Task SummarizeAsync(ReviewSheet sheet, CancellationToken cancellationToken)
    {
        if (sheet.Assignment.Status == ReviewStatus.Assigned) return;
        Summary = new ApplicationSummaryView(sheet.Application, Form, sheet.Call.Fields, await files.ListAsync(sheet.Application.Id, cancellationToken),
            await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken), await vocabularies.LabelsAsync(Vocabularies.Technologies, cancellationToken),
            HideIdentity: sheet.Call.Round.BlindReview);
    }

    private async Task<IActionResult> RefusedAsync(ReviewSheet sheet, CancellationToken cancellationToken, string error)
    {
        Show(sheet);
        await SummarizeAsync(sheet, cancellationToken);
        Error = error;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }

    private void Show(ReviewSheet sheet)
    {
        Sheet = sheet;
        Form = ApplicationForm.Read(sheet.Application.FormJson);
        var scores = sheet.Assignment.ReadScores();
        foreach (var criterion in sheet.Call.Fields.Criteria)
        {
            var score = scores.FirstOrDefault(s => s.Criterion == criterion.Key);
            Values[criterion.Key] = (ReviewScores.Format(score?.Score), score?.Comment ?? "");
        }
        Opinion = sheet.Assignment.Opinion;
        OverallComment = sheet.Assignment.OverallComment;
        Version = sheet.Assignment.Version;
    }
}

/// <summary>A review shown read-only (the reviewer's own once submitted, or another reviewer's).</summary>
public sealed record ReviewScoresView(string Title, ReviewAssignment Review, IReadOnlyList<CallCriterion> Criteria);
