using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>What a coordinator posts for one application.</summary>
public sealed record DecisionInput(ApplicationDecision Decision, decimal? AmountGranted, string? Justification, DateOnly? DecisionDate, DateOnly? ConventionDate);

/// <summary>The outcome of a coordinator's action on a call: done, or refused with messages by field (nothing changed).</summary>
public sealed class CallActionResult
{
    public IReadOnlyList<(string Field, string Message)> Errors { get; private init; } = [];
    public bool NotFound { get; private init; }

    /// <summary>Someone changed it since the page was loaded: nothing was written.</summary>
    public bool Conflict { get; private init; }

    public bool Succeeded => Errors.Count == 0 && !NotFound;

    public static CallActionResult Ok { get; } = new();
    public static CallActionResult Missing() => new() { NotFound = true, Errors = [("", "Cette candidature n'existe pas pour cet appel.")] };
    public static CallActionResult Refused(string field, string message) => new() { Errors = [(field, message)] };
    public static CallActionResult Refused(IEnumerable<(string, string)> errors) => new() { Errors = errors.ToList() };
    public static CallActionResult Stale() => new()
    {
        Conflict = true,
        Errors = [("", "Cette candidature a été modifiée par quelqu'un d'autre depuis que vous avez ouvert la page. Rien n'a été enregistré : rechargez la page, vérifiez la décision actuelle puis recommencez.")],
    };
}

/// <summary>
/// The coordinators' decisions on a call's submitted applications: accepted with the amount granted, waitlisted or
/// rejected, each justified, dated and logged. Decisions are possible once the deadline has passed and until the
/// results are published (then they are what applicants were told).
/// </summary>
public sealed class CallDecisions(CallsDbContext db, DatabaseSession session, CallRounds rounds, TimeProvider clock)
{
    /// <summary>Today in Europe/Paris: the default decision date.</summary>
    public DateOnly Today => DateOnly.FromDateTime(ParisTime.FromUtc(clock.GetUtcNow().UtcDateTime));

    /// <summary>Why decisions cannot be taken on this call now, or null when they can.</summary>
    public string? RefusalFor(CallView call)
    {
        if (call.Round.ResultsPublishedUtc is not null) return "Les résultats de cet appel sont publiés : les décisions communiquées aux candidats ne peuvent plus changer.";
        if (!CallPhase.IsPastDeadline(call.Fields, clock.GetUtcNow().UtcDateTime))
            return $"L'appel n'est pas encore clos (date limite : {ParisTime.Format(call.Fields.ClosesUtc)}) : les décisions se prennent après la date limite de dépôt.";
        return null;
    }

    public static IEnumerable<(string Field, string Message)> Check(DecisionInput input, CallApplication application)
    {
        if (input.Decision is not (ApplicationDecision.Accepted or ApplicationDecision.Waitlisted or ApplicationDecision.Rejected))
            yield return ("Decision", "Choisissez une décision : retenue, liste complémentaire ou non retenue.");
        var justification = (input.Justification ?? "").Trim();
        if (justification.Length == 0) yield return ("Justification", "Justifiez la décision : le candidat la recevra avec les résultats.");
        else if (justification.Length > CallRules.JustificationMaxLength) yield return ("Justification", $"La justification ne peut dépasser {CallRules.JustificationMaxLength} caractères.");
        if (input.DecisionDate is null) yield return ("DecisionDate", "Indiquez la date de la décision.");
        if (input.Decision == ApplicationDecision.Accepted)
        {
            if (input.AmountGranted is not { } granted) yield return ("AmountGranted", "Indiquez le montant accordé en euros.");
            else if (granted <= 0) yield return ("AmountGranted", "Le montant accordé doit être supérieur à zéro.");
            else if (decimal.Round(granted, 2) != granted) yield return ("AmountGranted", "Le montant accordé s'exprime en euros et centimes au plus.");
            else if (application.AmountRequested is { } requested && granted > requested)
                yield return ("AmountGranted", $"Le montant accordé ne peut dépasser le montant demandé ({Euros.Format(requested)}).");
            if (input.ConventionDate is { } convention && input.DecisionDate is { } decided && convention < decided)
                yield return ("ConventionDate", "La convention ne peut être datée d'avant la décision.");
        }
        else
        {
            if (input.AmountGranted is not null) yield return ("AmountGranted", "Seule une candidature retenue reçoit un montant.");
            if (input.ConventionDate is not null) yield return ("ConventionDate", "Seule une candidature retenue donne lieu à une convention.");
        }
    }

    public async Task<CallActionResult> DecideAsync(int callId, int applicationId, int expectedVersion, DecisionInput input, CallActor actor, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var call = await rounds.FindAsync(callId, cancellationToken);
        if (call is null) return CallActionResult.Missing();
        // Read inside the transaction: a publication that committed meanwhile is seen here.
        if (RefusalFor(call) is { } refusal) return CallActionResult.Refused("", refusal);
        var application = await db.Applications.FirstOrDefaultAsync(a => a.Id == applicationId && a.CallId == callId, cancellationToken);
        if (application is null) return CallActionResult.Missing();
        if (application.Status != ApplicationStatus.Submitted)
            return CallActionResult.Refused("", application.Status == ApplicationStatus.Reopened
                ? "Cette candidature a été rouverte pour correction : décidez une fois qu'elle aura été déposée à nouveau."
                : "Cette candidature n'a pas été déposée : seules les candidatures déposées reçoivent une décision.");
        if (application.Version != expectedVersion) return CallActionResult.Stale();
        var errors = Check(input, application).ToList();
        if (errors.Count > 0) return CallActionResult.Refused(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var accepted = input.Decision == ApplicationDecision.Accepted;
        application.Decision = input.Decision;
        application.AmountGranted = accepted ? input.AmountGranted : null;
        application.DecisionJustification = input.Justification!.Trim();
        application.DecisionDate = input.DecisionDate;
        application.ConventionDate = accepted ? input.ConventionDate : null;
        application.DecidedByUserId = actor.UserId;
        application.DecidedUtc = now;
        application.Version++;
        CallAuditLog.Add(db, clock, actor, callId, application.Id, CallAuditActions.Decided,
            $"{application.Reference} : {Label(input.Decision)}"
            + (accepted ? $" ({Euros.Format(input.AmountGranted!.Value, System.Globalization.CultureInfo.GetCultureInfo("fr"))})" : "")
            + $". {application.DecisionJustification}");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return CallActionResult.Stale();
        }
        await transaction.CommitAsync(cancellationToken);
        return CallActionResult.Ok;
    }

    public static string Label(ApplicationDecision decision) => decision switch
    {
        ApplicationDecision.Accepted => "Retenue",
        ApplicationDecision.Waitlisted => "Liste complémentaire",
        ApplicationDecision.Rejected => "Non retenue",
        _ => "Sans décision",
    };
}
