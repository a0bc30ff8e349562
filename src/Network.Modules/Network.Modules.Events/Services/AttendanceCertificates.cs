using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>What an attendance certificate states.</summary>
/// <param name="Sessions">The sessions attended, in programme order.</param>
/// <param name="Attended">Their total length, overlaps counted once; the event's length when it has no programme.</param>
/// <param name="Office">Who issues it: the tenant's operator (the regional office), else its name.</param>
public sealed record AttendanceCertificate(EventView Event, EventRegistration Registration, IReadOnlyList<EventSession> Sessions, TimeSpan Attended, string Office, string SiteName, DateTime IssuedUtc);

/// <summary>
/// Attendance certificates, for attendees marked present only. The plenary sessions count for whoever was at the
/// event; a workshop counts when the person was marked present at it.
/// </summary>
public sealed class AttendanceCertificates(EventsDbContext db, EventSetups setups, TenantContext tenantContext, TimeProvider clock)
{
    /// <summary>The certificate of a present attendee of the tenant's event; null for anyone else.</summary>
    public async Task<AttendanceCertificate?> FindAsync(int eventId, int registrationId, CancellationToken cancellationToken = default)
    {
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.Id == registrationId && r.EventId == eventId, cancellationToken);
        return registration is null ? null : await OfAsync(registration, cancellationToken);
    }

    /// <summary>The certificate reached from the person's own link (the secret whose SHA-256 is stored); null for a wrong token or an absentee.</summary>
    public async Task<AttendanceCertificate?> FindByTokenAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (!RegistrationTokens.IsWellFormed(token)) return null;
        var hash = RegistrationTokens.Hash(token!);
        var registration = await db.Registrations.AsNoTracking().FirstOrDefaultAsync(r => r.TokenHash == hash, cancellationToken);
        return registration is null ? null : await OfAsync(registration, cancellationToken);
    }

    private async Task<AttendanceCertificate?> OfAsync(EventRegistration registration, CancellationToken cancellationToken)
    {
        if (registration.CheckedInUtc is null || registration.Status != RegistrationStatus.Confirmed || registration.AnonymisedUtc is not null) return null;
        if (await setups.FindAsync(registration.EventId, cancellationToken) is not { } view) return null;
        var workshopsAttended = await db.WorkshopChoices.AsNoTracking()
            .Where(c => c.RegistrationId == registration.Id && c.CheckedInUtc != null).Select(c => c.SessionKey).ToListAsync(cancellationToken);
        var sessions = view.Fields.Sessions.Where(s => !s.IsWorkshop || workshopsAttended.Contains(s.Key)).OrderBy(s => s.StartUtc).ToList();
        var attended = sessions.Count > 0 ? Duration(sessions.Select(s => (s.StartUtc, s.EndUtc))) : view.Fields.EndUtc - view.Fields.StartUtc;
        var tenant = tenantContext.Required;
        var office = string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName;
        return new AttendanceCertificate(view, registration, sessions, attended, office, tenant.SiteName, clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>The length of the union of the intervals: two overlapping sessions are not attended twice.</summary>
    public static TimeSpan Duration(IEnumerable<(DateTime Start, DateTime End)> intervals)
    {
        var total = TimeSpan.Zero;
        DateTime? start = null, end = null;
        foreach (var (s, e) in intervals.Where(i => i.End > i.Start).OrderBy(i => i.Start))
        {
            if (end is { } currentEnd && s <= currentEnd)
            {
                if (e > currentEnd) end = e;
                continue;
            }
            if (start is { } currentStart) total += end!.Value - currentStart;
            (start, end) = (s, e);
        }
        if (start is { } lastStart) total += end!.Value - lastStart;
        return total;
    }

    /// <summary>"jeudi 11 juin 2026" (Paris) in French, "Thursday, June 11, 2026" in English.</summary>
    public static string Day(DateTime utc, CultureInfo culture)
        => ParisTime.FromUtc(utc).ToString(culture.TwoLetterISOLanguageName == "fr" ? "dddd d MMMM yyyy" : "D", culture);

    /// <summary>"9 h 00" (Paris) in French, the culture's short time otherwise.</summary>
    public static string Hour(DateTime utc, CultureInfo culture)
    {
        var local = ParisTime.FromUtc(utc);
        return culture.TwoLetterISOLanguageName == "fr" ? $"{local.Hour} h {local.Minute:00}" : local.ToString("t", culture);
    }

    /// <summary>Whether the event starts and ends on the same Paris day.</summary>
    public static bool SameDay(DateTime startUtc, DateTime endUtc) => ParisTime.FromUtc(startUtc).Date == ParisTime.FromUtc(endUtc).Date;

    /// <summary>"7 h 30", "3 h", "45 min".</summary>
    public static string FormatDuration(TimeSpan duration)
    {
        var hours = (int)duration.TotalHours;
        var minutes = duration.Minutes;
        if (hours == 0) return $"{minutes} min";
        return minutes == 0 ? $"{hours} h" : $"{hours} h {minutes:00}";
    }
}
