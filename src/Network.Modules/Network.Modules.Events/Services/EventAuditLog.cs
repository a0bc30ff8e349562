using System.Security.Claims;
using Network.Modules.Accounts.Services;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>Who acts, as the event's log records it; <see cref="System"/> for the site itself (jobs, promotions).</summary>
public sealed record EventActor(string UserId, string Name)
{
    public static readonly EventActor System = new("", "");

    /// <summary>The signed-in person with their display name in this tenant.</summary>
    public static async Task<EventActor> OfAsync(ClaimsPrincipal user, TenantMembers members, CancellationToken cancellationToken = default)
    {
        var id = user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "" : "";
        var member = id.Length > 0 ? await members.FindAsync(id, cancellationToken) : null;
        return new EventActor(id, member?.DisplayName ?? user.Identity?.Name ?? id);
    }
}

/// <summary>Adds entries to an event's log; they are saved with the change they describe (same SaveChanges).</summary>
public static class EventAuditLog
{
    public static void Add(EventsDbContext db, TimeProvider clock, EventActor actor, int eventId, int? registrationId, string action, string detail)
        => db.AuditEntries.Add(new EventAuditEntry
        {
            EventId = eventId,
            RegistrationId = registrationId,
            UserId = actor.UserId,
            UserName = Truncate(actor.Name, EventRules.NameMaxLength),
            Action = action,
            Detail = Truncate(detail, EventRules.AuditDetailMaxLength),
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
