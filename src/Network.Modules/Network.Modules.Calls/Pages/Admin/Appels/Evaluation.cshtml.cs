using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Services;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// A call's review for its coordinators: the reviewer pool, the round's settings, the start of the review, and who
/// reviews which application (by hand or evenly). Every action answers with the page again: done (redirect with a
/// message) or refused (400, the reason at the top, nothing changed).
/// </summary>
[RequirePermission("ManageCalls")]
public sealed class CallReviewSetupModel(CallRounds rounds, ReviewAdministration administration, CallsDbContext db, TenantMembers members, TimeProvider clock, IStringLocalizer T) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<CallReviewer> Pool { get; private set; } = [];

    /// <summary>Accounts holding ReviewApplications here and not yet in the pool.</summary>
    public IReadOnlyList<TenantMember> Candidates { get; private set; } = [];

    public IReadOnlyList<CallApplication> Applications { get; private set; } = [];
    public ILookup<int, ReviewAssignment> Assignments { get; private set; } = Enumerable.Empty<ReviewAssignment>().ToLookup(a => a.ApplicationId);

    /// <summary>Conflicts declared per application (names), so coordinators know why a reviewer is gone.</summary>
    public ILookup<int, string> Conflicts { get; private set; } = Enumerable.Empty<string>().ToLookup(_ => 0);

    public bool CanAssign { get; private set; }
    public string? Error { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
        => await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostAddReviewerAsync(int id, string? userId, CancellationToken cancellationToken)
        => ActAsync(id, call => administration.AddReviewerAsync(call, userId, cancellationToken), "Évaluateur ajouté au jury.", cancellationToken);

    public Task<IActionResult> OnPostRemoveReviewerAsync(int id, string? userId, CancellationToken cancellationToken)
        => ActAsync(id, call => administration.RemoveReviewerAsync(call, userId, cancellationToken), "Évaluateur retiré du jury.", cancellationToken);

    public Task<IActionResult> OnPostSettingsAsync(int id, bool blindReview, string? reviewsPerApplication, CancellationToken cancellationToken)
        => ActAsync(id, call => int.TryParse(reviewsPerApplication, out var count)
                ? administration.SaveSettingsAsync(call, blindReview, count, cancellationToken)
                : Task.FromResult(ReviewOutcome.Refused("Le nombre d'évaluations par candidature doit être compris entre 1 et 10.")),
            "Réglages de l'instruction enregistrés.", cancellationToken);

    public Task<IActionResult> OnPostStartAsync(int id, CancellationToken cancellationToken)
        => ActAsync(id, async call => await administration.StartReviewAsync(call, await CallActors.OfAsync(User, members), cancellationToken), "Instruction lancée : les évaluateurs peuvent noter les candidatures qui leur sont attribuées.", cancellationToken);

    public Task<IActionResult> OnPostAssignAsync(int id, int applicationId, string? reviewerUserId, CancellationToken cancellationToken)
        => ActAsync(id, async call => await administration.AssignAsync(call, applicationId, reviewerUserId, await CallActors.OfAsync(User, members), cancellationToken), "Candidature attribuée.", cancellationToken);

    public Task<IActionResult> OnPostDistributeAsync(int id, CancellationToken cancellationToken)
        => ActAsync(id, async call => await administration.DistributeAsync(call, await CallActors.OfAsync(User, members), cancellationToken), null, cancellationToken);

    public Task<IActionResult> OnPostUnassignAsync(int id, int assignmentId, CancellationToken cancellationToken)
        => ActAsync(id, async call => await administration.UnassignAsync(call, assignmentId, await CallActors.OfAsync(User, members), cancellationToken), "Attribution retirée.", cancellationToken);

    private async Task<IActionResult> ActAsync(int id, Func<CallView, Task<ReviewOutcome>> action, string? done, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return NotFound();
        var outcome = await action(call);
        if (!outcome.Succeeded)
        {
            Error = T[outcome.Error!];
            await LoadAsync(id, cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        StatusMessage = done is null ? T["{0} attribution(s) ajoutée(s) par la répartition équitable.", outcome.Count] : T[done];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        // Reload: an action may have changed the round through this same context.
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return false;
        Call = call;
        Pool = await administration.PoolAsync(id, cancellationToken);
        var inPool = Pool.Select(p => p.UserId).ToHashSet();
        Candidates = (await administration.EligibleReviewersAsync(cancellationToken)).Where(m => !inPool.Contains(m.UserId)).ToList();
        Applications = await administration.Reviewable(id).AsNoTracking().OrderBy(a => a.Reference).ToListAsync(cancellationToken);
        Assignments = (await db.Reviews.AsNoTracking().Where(r => r.CallId == id).OrderBy(r => r.ReviewerName).ToListAsync(cancellationToken)).ToLookup(r => r.ApplicationId);
        Conflicts = (await db.AuditEntries.AsNoTracking().Where(e => e.CallId == id && e.Action == CallAuditActions.ConflictDeclared && e.ApplicationId != null)
            .OrderBy(e => e.AtUtc).ToListAsync(cancellationToken)).ToLookup(e => e.ApplicationId!.Value, e => e.UserName);
        CanAssign = call.State != CallState.Draft && call.Round.ResultsPublishedUtc is null && CallPhase.IsPastDeadline(call.Fields, clock.GetUtcNow().UtcDateTime);
        return true;
    }
}
