using System.Security.Claims;
using Network.Modules.Accounts.Services;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>Who acts on an event's registrations (the audit log's "by"); <see cref="Site"/> for the site itself.</summary>
public sealed record EventActor(string UserId, string Name)
{
    /// <summary>A promotion, an expiry, a retention job: done by the site, not by a person.</summary>
    public static readonly EventActor Site = new("", "");

    /// <summary>The signed-in person, named as the tenant's members list shows them.</summary>
    public static async Task<EventActor> OfAsync(ClaimsPrincipal user, TenantMembers members)
    {
        var id = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var member = id.Length == 0 ? null : await members.FindAsync(id);
        return new EventActor(id, member?.DisplayName ?? user.Identity?.Name ?? id);
    }
}

/// <summary>Adds entries to an event's log; they are saved with the change they describe (same SaveChanges).</summary>
public static class EventAuditLog
{
    public static EventAuditEntry Add(EventsDbContext db, TimeProvider clock, EventActor actor, int eventId, int? registrationId, string action, string detail)
    {
        var entry = new EventAuditEntry
        {
            EventId = eventId,
            RegistrationId = registrationId,
            UserId = Truncate(actor.UserId, EventRules.UserIdMaxLength),
            UserName = Truncate(actor.Name, EventRules.NameMaxLength),
            Action = action,
            Detail = Truncate(detail, EventRules.AuditDetailMaxLength),
            AtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
