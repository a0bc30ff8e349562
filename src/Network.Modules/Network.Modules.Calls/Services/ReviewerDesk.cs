using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>A line of a reviewer's list: the assignment, its call and what identifies the application.</summary>
public sealed record ReviewerAssignmentRow(ReviewAssignment Assignment, string CallTitle, CallState CallState, string? Reference, string ProjectTitle);

/// <summary>Everything the scoring page shows: the assignment, the call, the application, and the other reviews once allowed.</summary>
/// <param name="OtherReviews">The application's other submitted reviews: empty until this reviewer has submitted their own.</param>
public sealed record ReviewSheet(ReviewAssignment Assignment, CallView Call, CallApplication Application, IReadOnlyList<ReviewAssignment> OtherReviews)
{
    /// <summary>Scores may be changed: no conflict declared, not submitted, and the call under review.</summary>
    public bool Editable => Assignment.Status == ReviewStatus.InProgress && Call.State == CallState.UnderReview;
}

/// <summary>A reviewer's answer for one criterion, as typed.</summary>
public sealed record CriterionScoreInput(string Criterion, string? Score, string? Comment);

/// <summary>
/// The reviewers' side: their assignments across the tenant's calls, the conflict-of-interest declaration, and their
/// review (draft, then final submission). Every method takes the reviewer's id and finds nothing for an assignment
/// that is not theirs, so a forged id gets the same 404 as a missing one.
/// </summary>
public sealed class ReviewerDesk(CallsDbContext db, CallRounds rounds, TimeProvider clock)
{
    public async Task<IReadOnlyList<ReviewerAssignmentRow>> AssignmentsAsync(string reviewerUserId, CancellationToken cancellationToken = default)
    {
        var rows = await (from r in db.Reviews.AsNoTracking()
                          where r.ReviewerUserId == reviewerUserId
                          join a in db.Applications.AsNoTracking() on r.ApplicationId equals a.Id
                          select new { Review = r, a.Reference, a.ProjectTitle }).ToListAsync(cancellationToken);
        var callIds = rows.Select(r => r.Review.CallId).Distinct().ToList();
        var calls = new Dictionary<int, CallView>();
        foreach (var id in callIds)
        {
            if (await rounds.FindAsync(id, cancellationToken) is { } call) calls[id] = call;
        }
        return rows.Where(r => calls.ContainsKey(r.Review.CallId))
            .Select(r => new ReviewerAssignmentRow(r.Review, calls[r.Review.CallId].Item.Title, calls[r.Review.CallId].State, r.Reference, r.ProjectTitle))
            .OrderBy(r => r.Assignment.Status == ReviewStatus.Submitted).ThenBy(r => r.CallTitle, StringComparer.CurrentCulture).ThenBy(r => r.Reference, StringComparer.Ordinal)
            .ToList();
    }

    public async Task<ReviewSheet?> OpenAsync(int assignmentId, string reviewerUserId, CancellationToken cancellationToken = default)
    {
        var assignment = await db.Reviews.FirstOrDefaultAsync(r => r.Id == assignmentId && r.ReviewerUserId == reviewerUserId, cancellationToken);
        if (assignment is null) return null;
        var call = await rounds.FindAsync(assignment.CallId, cancellationToken);
        var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == assignment.ApplicationId, cancellationToken);
        if (call is null || application is null) return null;
        IReadOnlyList<ReviewAssignment> others = [];
        // Before submitting their own review a reviewer never sees the others' marks: they would anchor on them.
        if (assignment.Status == ReviewStatus.Submitted)
        {
            others = await db.Reviews.AsNoTracking()
                .Where(r => r.ApplicationId == application.Id && r.Id != assignment.Id && r.Status == ReviewStatus.Submitted)
                .OrderBy(r => r.SubmittedUtc).ToListAsync(cancellationToken);
        }
        return new ReviewSheet(assignment, call, application, others);
    }

    /// <summary>
    /// The declaration that opens the review. A declared conflict removes the assignment (the coordinators assign
    /// someone else; the even assignment never gives the application back to this reviewer) and is logged with the note.
    /// </summary>
    public async Task<ReviewOutcome> DeclareAsync(ReviewSheet sheet, bool conflict, string? note, CallActor actor, CancellationToken cancellationToken = default)
    {
        var assignment = sheet.Assignment;
        if (assignment.Status != ReviewStatus.Assigned) return ReviewOutcome.Refused("Votre déclaration est déjà enregistrée.");
        if (sheet.Call.State != CallState.UnderReview) return ReviewOutcome.Refused("L'instruction de cet appel n'est pas en cours.");
        note = (note ?? "").Trim();
        if (note.Length > 1_000) return ReviewOutcome.Refused("La précision ne doit pas dépasser 1 000 caractères.");
        if (conflict)
        {
            db.Reviews.Remove(assignment);
            CallAuditLog.Add(db, clock, actor, assignment.CallId, assignment.ApplicationId, CallAuditActions.ConflictDeclared,
                note.Length == 0 ? "Conflit d'intérêts déclaré" : $"Conflit d'intérêts déclaré : {note}");
        }
        else
        {
            assignment.NoConflictDeclaredUtc = Now;
            assignment.Status = ReviewStatus.InProgress;
            assignment.Version++;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewOutcome.Refused("Cette attribution vient de changer : rechargez la page.");
        }
        return ReviewOutcome.Done;
    }

    /// <summary>Validates the typed scores against the call's criteria; errors are keyed by criterion ("" for the opinion).</summary>
    public static (List<CriterionScore> Scores, Dictionary<string, string> Errors) Read(IReadOnlyList<CallCriterion> criteria, IReadOnlyList<CriterionScoreInput> inputs, bool submitting)
    {
        var scores = new List<CriterionScore>();
        var errors = new Dictionary<string, string>();
        foreach (var criterion in criteria)
        {
            var input = inputs.FirstOrDefault(i => i.Criterion == criterion.Key);
            var (score, error) = ReviewScores.Parse(input?.Score, criterion.MaxScore);
            var comment = (input?.Comment ?? "").Trim();
            if (error is not null) errors[criterion.Key] = error;
            else if (score is null && submitting) errors[criterion.Key] = "Notez ce critère avant de soumettre.";
            else if (comment.Length > CallRules.CommentMaxLength / 2) errors[criterion.Key] = "Le commentaire ne doit pas dépasser 2 000 caractères.";
            scores.Add(new CriterionScore(criterion.Key, score, comment));
        }
        return (scores, errors);
    }

    /// <summary>
    /// Saves the draft or submits. The form's <paramref name="version"/> must be the stored one (another tab saved
    /// meanwhile: refused, nothing lost silently); a submitted review is final, so a second submission changes nothing.
    /// </summary>
    public async Task<(ReviewOutcome Outcome, Dictionary<string, string> Errors)> SaveAsync(ReviewSheet sheet, int version, IReadOnlyList<CriterionScoreInput> inputs,
        ReviewOpinion opinion, string? overallComment, bool submit, CallActor actor, CancellationToken cancellationToken = default)
    {
        var assignment = sheet.Assignment;
        var none = new Dictionary<string, string>();
        if (assignment.Status == ReviewStatus.Submitted) return (ReviewOutcome.Refused("Votre évaluation est soumise : elle est définitive."), none);
        if (assignment.Status == ReviewStatus.Assigned) return (ReviewOutcome.Refused("Déclarez d'abord l'absence de conflit d'intérêts."), none);
        if (sheet.Call.State != CallState.UnderReview) return (ReviewOutcome.Refused("L'instruction de cet appel n'est pas en cours : l'évaluation ne peut plus changer."), none);
        var (scores, errors) = Read(sheet.Call.Fields.Criteria, inputs, submit);
        if (!Enum.IsDefined(opinion)) errors[""] = "Choisissez un avis parmi ceux proposés.";
        else if (submit && opinion == ReviewOpinion.None) errors[""] = "Donnez votre avis général avant de soumettre.";
        var comment = (overallComment ?? "").Trim();
        if (comment.Length > CallRules.CommentMaxLength) errors["overall"] = "Le commentaire général ne doit pas dépasser 4 000 caractères.";
        if (errors.Count > 0) return (ReviewOutcome.Refused("L'évaluation n'a pas été enregistrée : corrigez les champs signalés."), errors);
        if (version != assignment.Version)
            return (ReviewOutcome.Refused("Cette évaluation a été enregistrée depuis un autre onglet ou un autre appareil : rechargez la page pour repartir de la dernière version."), none);

        assignment.WriteScores(scores);
        assignment.Opinion = opinion;
        assignment.OverallComment = comment;
        assignment.SavedUtc = Now;
        assignment.Version++;
        if (submit)
        {
            assignment.Status = ReviewStatus.Submitted;
            assignment.SubmittedUtc = Now;
            CallAuditLog.Add(db, clock, actor, assignment.CallId, assignment.ApplicationId, CallAuditActions.ReviewSubmitted, $"Évaluation soumise : {assignment.ReviewerName}");
        }
        try
        {
            // Version is the concurrency token: the UPDATE matches only the version this request read.
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (ReviewOutcome.Refused("Cette évaluation a été enregistrée depuis un autre onglet ou un autre appareil : rechargez la page pour repartir de la dernière version."), none);
        }
        return (ReviewOutcome.Done, none);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
