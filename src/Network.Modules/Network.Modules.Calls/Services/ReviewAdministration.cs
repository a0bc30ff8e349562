using Network.Core.Tenancy;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Accounts.Services;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>The result of a coordinator's or a reviewer's action: done, or refused with a French message (nothing changed).</summary>
public sealed record ReviewOutcome(bool Succeeded, string? Error = null, int Count = 0)
{
    public static readonly ReviewOutcome Done = new(true);
    public static ReviewOutcome Refused(string error) => new(false, error);
}

/// <summary>
/// The coordinators' side of a call's review: the reviewer pool (accounts holding ReviewApplications in the tenant),
/// the round's settings, the start of the review (only once the deadline has passed), and the assignments, by hand or
/// evenly (<see cref="ReviewPlanner"/>). Every change of an assignment is logged.
/// </summary>
public sealed class ReviewAdministration(CallsDbContext db, TenantMembers members, TenantContext tenantContext, TenantGenerations generations, TimeProvider clock)
{
    public const int MaxReviewsPerApplication = 10;

    /// <summary>The accounts that may join the pool: those holding ReviewApplications in this tenant.</summary>
    public Task<IReadOnlyList<TenantMember>> EligibleReviewersAsync(CancellationToken cancellationToken = default)
        => members.WithPermissionAsync(CallsModule.ReviewApplications.Name, cancellationToken);

    public async Task<IReadOnlyList<CallReviewer>> PoolAsync(int callId, CancellationToken cancellationToken = default)
        => await db.Reviewers.AsNoTracking().Where(r => r.CallId == callId).OrderBy(r => r.DisplayName).ThenBy(r => r.UserId).ToListAsync(cancellationToken);

    public async Task<ReviewOutcome> AddReviewerAsync(CallView call, string? userId, CancellationToken cancellationToken = default)
    {
        var member = (await EligibleReviewersAsync(cancellationToken)).FirstOrDefault(m => m.UserId == userId);
        if (member is null) return ReviewOutcome.Refused("Ce compte n'a pas le rôle d'évaluateur sur ce site : attribuez-lui d'abord un rôle qui permet d'évaluer les candidatures.");
        if (await db.Reviewers.AnyAsync(r => r.CallId == call.Id && r.UserId == member.UserId, cancellationToken)) return ReviewOutcome.Done;
        db.Reviewers.Add(new CallReviewer { CallId = call.Id, UserId = member.UserId, DisplayName = member.DisplayName, AddedUtc = Now });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Added by a concurrent request meanwhile: the pool holds them, which is what was asked.
        }
        return ReviewOutcome.Done;
    }

    public async Task<ReviewOutcome> RemoveReviewerAsync(CallView call, string? userId, CancellationToken cancellationToken = default)
    {
        var reviewer = await db.Reviewers.FirstOrDefaultAsync(r => r.CallId == call.Id && r.UserId == userId, cancellationToken);
        if (reviewer is null) return ReviewOutcome.Done;
        if (await db.Reviews.AnyAsync(r => r.CallId == call.Id && r.ReviewerUserId == reviewer.UserId, cancellationToken))
            return ReviewOutcome.Refused("Cette personne a des candidatures attribuées : retirez d'abord ses attributions (les évaluations soumises restent acquises).");
        db.Reviewers.Remove(reviewer);
        await db.SaveChangesAsync(cancellationToken);
        return ReviewOutcome.Done;
    }

    public async Task<ReviewOutcome> SaveSettingsAsync(CallView call, bool blindReview, int reviewsPerApplication, CancellationToken cancellationToken = default)
    {
        if (reviewsPerApplication is < 1 or > MaxReviewsPerApplication)
            return ReviewOutcome.Refused("Le nombre d'évaluations par candidature doit être compris entre 1 et 10.");
        var round = call.Round;
        // Lifting the anonymity once reviewers have read applications is harmless, but hiding identities they have
        // already seen would only pretend to be blind: the mode is fixed once the review has started.
        if (round.ReviewStartedUtc is not null && round.BlindReview != blindReview)
            return ReviewOutcome.Refused("L'instruction est lancée : le mode anonyme ne peut plus être changé.");
        var tracked = await db.Rounds.FirstAsync(r => r.CallId == call.Id, cancellationToken);
        tracked.BlindReview = blindReview;
        tracked.ReviewsPerApplication = reviewsPerApplication;
        tracked.Version++;
        await db.SaveChangesAsync(cancellationToken);
        return ReviewOutcome.Done;
    }

    /// <summary>Starts the review: refused while applications may still come in (before the deadline, server clock).</summary>
    public async Task<ReviewOutcome> StartReviewAsync(CallView call, CallActor actor, CancellationToken cancellationToken = default)
    {
        if (call.State == CallState.Draft) return ReviewOutcome.Refused("L'appel n'est pas publié : il n'y a rien à instruire.");
        if (!CallPhase.IsPastDeadline(call.Fields, Now))
            return ReviewOutcome.Refused("La date limite de dépôt n'est pas passée : des candidatures peuvent encore arriver. L'instruction se lance après la clôture.");
        var round = await db.Rounds.FirstAsync(r => r.CallId == call.Id, cancellationToken);
        if (round.ReviewStartedUtc is not null) return ReviewOutcome.Done;
        round.ReviewStartedUtc = Now;
        round.Version++;
        CallAuditLog.Add(db, clock, actor, call.Id, null, CallAuditActions.ReviewStarted, "Instruction lancée");
        await db.SaveChangesAsync(cancellationToken);
        // The call's public state changed ("under review"): cached fragments and the hub's view follow.
        generations.Advance(tenantContext.Required.Name);
        return ReviewOutcome.Done;
    }

    /// <summary>Applications that can be reviewed: submitted ones (a reopened one is back with its applicant).</summary>
    public IQueryable<CallApplication> Reviewable(int callId)
        => db.Applications.Where(a => a.CallId == callId && a.Status == ApplicationStatus.Submitted);

    public async Task<ReviewOutcome> AssignAsync(CallView call, int applicationId, string? reviewerUserId, CallActor actor, CancellationToken cancellationToken = default)
    {
        if (AssignmentClosed(call) is { } closed) return ReviewOutcome.Refused(closed);
        var application = await Reviewable(call.Id).AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, cancellationToken);
        if (application is null) return ReviewOutcome.Refused("Cette candidature n'existe pas ou n'est pas déposée.");
        var reviewer = await db.Reviewers.AsNoTracking().FirstOrDefaultAsync(r => r.CallId == call.Id && r.UserId == reviewerUserId, cancellationToken);
        if (reviewer is null) return ReviewOutcome.Refused("Choisissez un évaluateur du jury de cet appel.");
        // The pool was checked when they joined; their role may have been withdrawn since.
        if ((await EligibleReviewersAsync(cancellationToken)).All(m => m.UserId != reviewer.UserId))
            return ReviewOutcome.Refused("Ce compte n'a plus le rôle d'évaluateur sur ce site.");
        if (reviewer.UserId == application.ApplicantUserId) return ReviewOutcome.Refused("Un candidat ne peut pas évaluer sa propre candidature.");
        if (await db.Reviews.AnyAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == reviewer.UserId, cancellationToken))
            return ReviewOutcome.Refused("Cette personne évalue déjà cette candidature.");
        if (await ConflictsOf(call.Id).AnyAsync(e => e.ApplicationId == application.Id && e.UserId == reviewer.UserId, cancellationToken))
            return ReviewOutcome.Refused("Cette personne a déclaré un conflit d'intérêts avec cette candidature.");
        Add(call, application, reviewer, actor, "Attribution manuelle");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return ReviewOutcome.Refused("Cette personne évalue déjà cette candidature.");
        }
        return ReviewOutcome.Done;
    }

    /// <summary>Assigns every reviewable application up to the round's number of reviews, evenly across the pool.</summary>
    public async Task<ReviewOutcome> DistributeAsync(CallView call, CallActor actor, CancellationToken cancellationToken = default)
    {
        if (AssignmentClosed(call) is { } closed) return ReviewOutcome.Refused(closed);
        var eligible = (await EligibleReviewersAsync(cancellationToken)).Select(m => m.UserId).ToHashSet(StringComparer.Ordinal);
        var pool = (await PoolAsync(call.Id, cancellationToken)).Where(r => eligible.Contains(r.UserId)).ToList();
        if (pool.Count == 0) return ReviewOutcome.Refused("Le jury de cet appel est vide : ajoutez d'abord des évaluateurs.");
        var applications = await Reviewable(call.Id).AsNoTracking().ToListAsync(cancellationToken);
        if (applications.Count == 0) return ReviewOutcome.Refused("Aucune candidature déposée à répartir.");
        var assigned = (await db.Reviews.AsNoTracking().Where(r => r.CallId == call.Id).Select(r => new { r.ApplicationId, r.ReviewerUserId }).ToListAsync(cancellationToken))
            .ToLookup(r => r.ApplicationId, r => r.ReviewerUserId);
        var conflicts = (await ConflictsOf(call.Id).Select(e => new { e.ApplicationId, e.UserId }).ToListAsync(cancellationToken))
            .ToLookup(e => e.ApplicationId, e => e.UserId);
        var plan = ReviewPlanner.Distribute(
            applications.Select(a => new PlannedApplication(a.Id, a.ApplicantUserId, assigned[a.Id].ToList(), conflicts[a.Id].ToHashSet())),
            pool.Select(r => r.UserId), call.Round.ReviewsPerApplication);
        var byId = applications.ToDictionary(a => a.Id);
        var byUser = pool.ToDictionary(r => r.UserId);
        foreach (var planned in plan) Add(call, byId[planned.ApplicationId], byUser[planned.ReviewerUserId], actor, "Répartition équitable");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // A concurrent assignment took one of the pairs: nothing of this plan was saved; the coordinator runs it again.
            return ReviewOutcome.Refused("Les attributions ont changé pendant la répartition : relancez-la.");
        }
        return new ReviewOutcome(true, Count: plan.Count);
    }

    /// <summary>Removes an assignment not yet submitted (a submitted review is part of the jury's record and stays).</summary>
    public async Task<ReviewOutcome> UnassignAsync(CallView call, int assignmentId, CallActor actor, CancellationToken cancellationToken = default)
    {
        var review = await db.Reviews.FirstOrDefaultAsync(r => r.Id == assignmentId && r.CallId == call.Id, cancellationToken);
        if (review is null) return ReviewOutcome.Done;
        if (review.Status == ReviewStatus.Submitted) return ReviewOutcome.Refused("Cette évaluation est soumise : elle fait partie du dossier du jury et ne peut plus être retirée.");
        db.Reviews.Remove(review);
        CallAuditLog.Add(db, clock, actor, call.Id, review.ApplicationId, CallAuditActions.ReviewerUnassigned, $"Attribution retirée : {review.ReviewerName}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewOutcome.Refused("L'évaluateur vient de modifier cette évaluation : rechargez la page et recommencez.");
        }
        return ReviewOutcome.Done;
    }

    /// <summary>Assignments happen once the deadline has passed (every application is in) and until results are out.</summary>
    private string? AssignmentClosed(CallView call)
    {
        if (call.Round.ResultsPublishedUtc is not null) return "Les résultats sont publiés : les attributions ne changent plus.";
        return CallPhase.IsPastDeadline(call.Fields, Now) && call.State != CallState.Draft
            ? null
            : "Les candidatures s'attribuent après la date limite de dépôt, quand toutes sont arrivées.";
    }

    private IQueryable<CallAuditEntry> ConflictsOf(int callId)
        => db.AuditEntries.Where(e => e.CallId == callId && e.Action == CallAuditActions.ConflictDeclared);

    private void Add(CallView call, CallApplication application, CallReviewer reviewer, CallActor actor, string how)
    {
        db.Reviews.Add(new ReviewAssignment
        {
            CallId = call.Id,
            ApplicationId = application.Id,
            ReviewerUserId = reviewer.UserId,
            ReviewerName = reviewer.DisplayName,
            AssignedUtc = Now,
            AssignedByUserId = actor.UserId,
            Status = ReviewStatus.Assigned,
        });
        CallAuditLog.Add(db, clock, actor, call.Id, application.Id, CallAuditActions.ReviewerAssigned, $"{how} : {reviewer.DisplayName}");
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
