using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels.Candidatures;

/// <summary>
/// <c>/admin/appels/{id}/candidatures/{applicationId}</c>: one application for the call's coordinators, read-only,
/// with its attachments and log, and "Rouvrir pour correction" (a reason required; logged; the applicant is told).
/// </summary>
[RequirePermission("ManageCalls")]
public sealed class CallApplicationModel(CallRounds rounds, CallsDbContext db, ApplicationFiles files, ApplicationSubmission submission, VocabularyService vocabularies, IStringLocalizer T) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public CallApplication Application { get; private set; } = null!;
    public ApplicationSummaryView Summary { get; private set; } = null!;
    public IReadOnlyList<CallAuditEntry> Log { get; private set; } = [];

    [BindProperty]
    public string? Reason { get; set; }

    [TempData]
    public string? Notice { get; set; }

    public string? ReopenError { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, int applicationId, CancellationToken cancellationToken)
        => await LoadAsync(id, applicationId, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostReopenAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        var userId = ApplicationAccess.UserIdOf(User)!;
        var name = User.Identity?.Name ?? "";
        var outcome = await submission.ReopenAsync(id, applicationId, userId, name, Reason, cancellationToken);
        if (outcome == ReopenOutcome.NotFound) return NotFound();
        if (outcome == ReopenOutcome.Reopened)
        {
            Notice = T["La candidature est rouverte pour correction ; son porteur en est informé par courriel."];
            return Redirect($"{Request.PathBase}/admin/appels/{id}/candidatures/{applicationId}");
        }
        ReopenError = outcome switch
        {
            ReopenOutcome.ReasonMissing => T["Indiquez le motif de la réouverture ({0} caractères au plus) : il est envoyé au porteur et consigné dans le journal.", ApplicationSubmission.ReasonMaxLength],
            ReopenOutcome.ResultsPublished => T["Les résultats de l'appel sont publiés : la candidature ne peut plus être rouverte."],
            _ => T["Seule une candidature déposée peut être rouverte pour correction."],
        };
        if (ReopenOutcome.ReasonMissing == outcome) ModelState.AddModelError(nameof(Reason), ReopenError);
        return await LoadAsync(id, applicationId, cancellationToken) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(int id, int applicationId, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return false;
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == id, cancellationToken);
        if (application is null) return false;
        Call = call;
        Application = application;
        Summary = new ApplicationSummaryView(application, ApplicationForm.Read(application.FormJson), call.Fields, await files.ListAsync(applicationId, cancellationToken),
            await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken), await vocabularies.LabelsAsync(Vocabularies.Technologies, cancellationToken));
        Log = await db.AuditEntries.AsNoTracking().Where(e => e.ApplicationId == applicationId).OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).ToListAsync(cancellationToken);
        return true;
    }
}
