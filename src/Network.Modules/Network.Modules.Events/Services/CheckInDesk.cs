using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

public enum CheckInOutcome
{
    /// <summary>Recorded (or undone) now, and logged.</summary>
    Done,
    /// <summary>Already in the state asked for (a second tap, another phone): nothing changed, nothing logged.</summary>
    Unchanged,
    /// <summary>No such registration in this event, or no such workshop choice.</summary>
    NotFound,
    /// <summary>The person holds no confirmed seat (of the event, or of the workshop).</summary>
    NotConfirmed,
}

/// <summary>
/// Marks attendees present (or not) at the event and at its workshops, from several phones at once. Each change is ONE
/// conditional UPDATE (<c>WHERE CheckedInUtc IS NULL</c> to mark, <c>IS NOT NULL</c> to undo) in a tenant transaction
/// with its log entry, so marking twice records once and logs once, whoever taps first.
/// </summary>
public sealed class CheckInDesk(EventsDbContext db, DatabaseSession session, TimeProvider clock)
{
    /// <summary>
    /// Marks <paramref name="registrationId"/> present (or undoes it). With <paramref name="workshop"/>, at that workshop:
    /// being at a workshop also means being at the event, so the event's check-in follows; undoing the event's check-in
    /// undoes the workshops' too (the person was not there).
    /// </summary>
    public async Task<CheckInOutcome> SetAsync(int eventId, int registrationId, string? workshop, bool present, EventActor actor, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
        if (registration is null) return CheckInOutcome.NotFound;
        var key = string.IsNullOrEmpty(workshop) ? null : workshop;
        WorkshopChoice? choice = null;
        if (key is not null)
        {
            choice = await db.WorkshopChoices.AsNoTracking().FirstOrDefaultAsync(c => c.RegistrationId == registrationId && c.SessionKey == key, cancellationToken);
            if (choice is null) return CheckInOutcome.NotFound;
        }
        if (present && (registration.Status != RegistrationStatus.Confirmed || choice is { Status: not WorkshopChoiceStatus.Confirmed }))
            return CheckInOutcome.NotConfirmed;

        var now = clock.GetUtcNow().UtcDateTime;
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        // The first statement writes, so concurrent taps queue on SQLite's write lock instead of failing to upgrade a read.
        int changed;
        if (key is null)
        {
            changed = present
                ? await db.Registrations.Where(r => r.Id == registrationId && r.EventId == eventId && r.CheckedInUtc == null && r.Status == RegistrationStatus.Confirmed)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, now).SetProperty(r => r.CheckedInByUserId, actor.UserId)
                        .SetProperty(r => r.UpdatedUtc, now).SetProperty(r => r.Version, r => r.Version + 1), cancellationToken)
                : await db.Registrations.Where(r => r.Id == registrationId && r.EventId == eventId && r.CheckedInUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, (DateTime?)null).SetProperty(r => r.CheckedInByUserId, (string?)null)
                        .SetProperty(r => r.UpdatedUtc, now).SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
            if (changed > 0 && !present)
                await db.WorkshopChoices.Where(c => c.RegistrationId == registrationId && c.CheckedInUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInUtc, (DateTime?)null), cancellationToken);
        }
        else
        {
            changed = present
                ? await db.WorkshopChoices.Where(c => c.Id == choice!.Id && c.CheckedInUtc == null && c.Status == WorkshopChoiceStatus.Confirmed)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInUtc, now), cancellationToken)
                : await db.WorkshopChoices.Where(c => c.Id == choice!.Id && c.CheckedInUtc != null)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInUtc, (DateTime?)null), cancellationToken);
            if (changed > 0 && present)
                await db.Registrations.Where(r => r.Id == registrationId && r.CheckedInUtc == null && r.Status == RegistrationStatus.Confirmed)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CheckedInUtc, now).SetProperty(r => r.CheckedInByUserId, actor.UserId)
                        .SetProperty(r => r.UpdatedUtc, now).SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
        }
        if (changed == 0) return CheckInOutcome.Unchanged;

        EventAuditLog.Add(db, clock, actor, eventId, registrationId, present ? EventAuditActions.CheckedIn : EventAuditActions.CheckInUndone,
            key is null
                ? (present ? "Présence enregistrée." : "Présence annulée.")
                : (present ? $"Présence à l'atelier {key} enregistrée." : $"Présence à l'atelier {key} annulée."));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CheckInOutcome.Done;
    }
}
