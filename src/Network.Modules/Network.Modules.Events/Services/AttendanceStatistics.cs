using Microsoft.EntityFrameworkCore;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <param name="CheckedIn">Present at the event (only confirmed registrations can be).</param>
/// <param name="AwaitingVerification">Guests holding a seat or a place in line who have not confirmed their address yet.</param>
public sealed record AttendanceFigures(int Registrations, int Confirmed, int Waitlisted, int Cancelled, int Expired, int AwaitingVerification, int CheckedIn,
    int Capacity, IReadOnlyList<WorkshopFigures> Workshops)
{
    /// <summary>Present among the confirmed, null before anyone is confirmed.</summary>
    public double? AttendanceRate => Confirmed == 0 ? null : (double)CheckedIn / Confirmed;
}

public sealed record WorkshopFigures(EventSession Workshop, int Confirmed, int Waitlisted, int CheckedIn)
{
    public double? AttendanceRate => Confirmed == 0 ? null : (double)CheckedIn / Confirmed;
}

/// <summary>An event's figures for its coordinators, counted from the registrations (anonymised ones included: only their identity went).</summary>
public sealed class AttendanceStatistics(EventsDbContext db)
{
    public async Task<AttendanceFigures> OfAsync(EventView view, CancellationToken cancellationToken = default)
    {
        var registrations = await db.Registrations.AsNoTracking().Where(r => r.EventId == view.Id)
            .Select(r => new { r.Id, r.Status, r.CheckedInUtc, r.AddressVerifiedUtc }).ToListAsync(cancellationToken);
        var choices = await db.WorkshopChoices.AsNoTracking().Where(c => c.EventId == view.Id)
            .Select(c => new { c.SessionKey, c.Status, c.CheckedInUtc }).ToListAsync(cancellationToken);
        int Count(RegistrationStatus status) => registrations.Count(r => r.Status == status);
        var workshops = view.Workshops.Select(w =>
        {
            var own = choices.Where(c => c.SessionKey == w.Key).ToList();
            return new WorkshopFigures(w, own.Count(c => c.Status == WorkshopChoiceStatus.Confirmed), own.Count(c => c.Status == WorkshopChoiceStatus.Waitlisted),
                own.Count(c => c.Status == WorkshopChoiceStatus.Confirmed && c.CheckedInUtc != null));
        }).ToList();
        return new AttendanceFigures(registrations.Count, Count(RegistrationStatus.Confirmed), Count(RegistrationStatus.Waitlisted), Count(RegistrationStatus.Cancelled),
            Count(RegistrationStatus.Expired),
            registrations.Count(r => r.AddressVerifiedUtc == null && r.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted),
            registrations.Count(r => r.Status == RegistrationStatus.Confirmed && r.CheckedInUtc != null),
            view.Fields.Capacity, workshops);
    }
}
