using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>What one pass of <see cref="RegistrationRetention"/> did in a tenant.</summary>
public sealed record RetentionPass(int AnswersDeleted, int Anonymised);

/// <summary>
/// Deletes what registrations no longer need, in the current tenant: the answers to the optional questions
/// <see cref="EventRetentionOptions.AnswersDays"/> days after the event's end, then the personal data
/// <see cref="EventRetentionOptions.AnonymiseMonths"/> months after it (name, address, organisation, account and personal
/// link replaced by placeholders). Statuses, workshop choices and check-ins stay, so the event's figures do not move.
/// Each step is one conditional UPDATE per event (<c>WHERE ... IS NULL</c>) with its log entry in one tenant transaction:
/// a second pass, or two at once, changes nothing more.
/// </summary>
public sealed class RegistrationRetention(EventsDbContext db, ContentDbContext content, EventType type, DatabaseSession session, TimeProvider clock, IOptions<EventRetentionOptions> options)
{
    public const string AnonymousName = "Participant anonymisé";

    /// <summary>The placeholder address: unique per registration (the per-event unique index), never deliverable (.invalid, RFC 2606).</summary>
    public static string AnonymousEmail(int registrationId) => $"anonyme-{registrationId}@anonyme.invalid";

    /// <summary>What the people themselves did, logged under their name (coordinators' own actions stay theirs).</summary>
    private static readonly string[] OwnActions = [EventAuditActions.Registered, EventAuditActions.Waitlisted, EventAuditActions.Promoted,
        EventAuditActions.WorkshopsChanged, EventAuditActions.Cancelled, EventAuditActions.Expired];

    /// <summary>
    /// The one way a registration's personal data is removed (by this job, or at the person's request): name, address,
    /// organisation, account, answers and personal link replaced by placeholders; status, dates, workshop choices and
    /// check-in stay for the counts.
    /// </summary>
    public static void Anonymise(EventRegistration registration, DateTime nowUtc)
    {
        var email = AnonymousEmail(registration.Id);
        registration.FullName = AnonymousName;
        registration.Email = email;
        registration.NormalizedEmail = email.ToUpperInvariant();
        registration.Organisation = "";
        registration.UserId = null;
        // A value no SHA-256 hex can equal (unique per row, like the index wants): the personal link is dead.
        registration.TokenHash = "anonymised-" + registration.Id;
        registration.AnswersJson = "{}";
        registration.AnswersDeletedUtc ??= nowUtc;
        registration.CheckedInByUserId = null;
        registration.AnonymisedUtc = nowUtc;
        registration.UpdatedUtc = nowUtc;
        registration.Version++;
    }

    /// <summary>The log forgets what these registrants did under their name.</summary>
    public static Task ForgetOwnActionsAsync(EventsDbContext db, int eventId, IReadOnlyCollection<int> registrationIds, CancellationToken cancellationToken)
        => db.AuditEntries.Where(e => e.EventId == eventId && e.RegistrationId != null && registrationIds.Contains(e.RegistrationId.Value) && OwnActions.Contains(e.Action))
            .ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, "").SetProperty(e => e.UserName, "").SetProperty(e => e.Detail, ""), cancellationToken);

    public async Task<RetentionPass> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var answersAfter = TimeSpan.FromDays(Math.Max(0, options.Value.AnswersDays));
        var anonymiseMonths = Math.Max(0, options.Value.AnonymiseMonths);

        // Only events with something left to delete.
        var eventIds = await db.Registrations.AsNoTracking().Where(r => r.AnswersDeletedUtc == null || r.AnonymisedUtc == null)
            .Select(r => r.EventId).Distinct().ToListAsync(cancellationToken);
        if (eventIds.Count == 0) return new(0, 0);
        var items = await content.Items.AsNoTracking()
            .Where(i => eventIds.Contains(i.Id) && i.ContentType == EventType.TypeName && i.OriginTenant == null).ToListAsync(cancellationToken);

        int answersDeleted = 0, anonymised = 0;
        foreach (var item in items.OrderBy(i => i.Id))
        {
            var end = type.Read(item).EndUtc;
            if (end == default) continue;
            if (now >= end + answersAfter) answersDeleted += await DeleteAnswersAsync(item.Id, now, cancellationToken);
            if (now >= end.AddMonths(anonymiseMonths)) anonymised += await AnonymiseAsync(item.Id, now, cancellationToken);
        }
        return new(answersDeleted, anonymised);
    }

    private async Task<int> DeleteAnswersAsync(int eventId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var count = await db.Registrations.Where(r => r.EventId == eventId && r.AnswersDeletedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, "{}").SetProperty(r => r.AnswersDeletedUtc, now)
                .SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        if (count == 0) return 0;
        EventAuditLog.Add(db, clock, EventActor.Site, eventId, null, EventAuditActions.AnswersDeleted,
            $"Réponses aux questions facultatives supprimées ({count} inscription(s)), {options.Value.AnswersDays} jour(s) après l'événement.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return count;
    }

    private async Task<int> AnonymiseAsync(int eventId, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        // Flag first (a write takes SQLite's lock at once), then give the flagged rows their placeholders.
        var touched = await db.Registrations.Where(r => r.EventId == eventId && r.AnonymisedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnonymisedUtc, now), cancellationToken);
        if (touched == 0) return 0;
        var registrations = await db.Registrations.Where(r => r.EventId == eventId && r.AnonymisedUtc == now).ToListAsync(cancellationToken);
        foreach (var registration in registrations) Anonymise(registration, now);
        await db.SaveChangesAsync(cancellationToken);
        await ForgetOwnActionsAsync(db, eventId, registrations.Select(r => r.Id).ToList(), cancellationToken);
        EventAuditLog.Add(db, clock, EventActor.Site, eventId, null, EventAuditActions.Anonymised,
            $"Données personnelles de {touched} inscription(s) anonymisées, {options.Value.AnonymiseMonths} mois après l'événement.");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return touched;
    }
}
