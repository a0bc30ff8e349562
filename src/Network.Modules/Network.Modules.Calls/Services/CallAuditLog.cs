using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>Who acts (for the audit log and the assignments' "assigned by").</summary>
public sealed record CallActor(string UserId, string Name);

/// <summary>Adds entries to the call's log; they are saved with the change they describe (same SaveChanges).</summary>
public static class CallAuditLog
{
    public static void Add(CallsDbContext db, TimeProvider clock, CallActor actor, int callId, int? applicationId, string action, string detail)
        => db.AuditEntries.Add(new CallAuditEntry
        {
            CallId = callId,
            ApplicationId = applicationId,
            UserId = actor.UserId,
            UserName = Truncate(actor.Name, CallRules.NameMaxLength),
            Action = action,
            Detail = Truncate(detail, CallRules.AuditDetailMaxLength),
            AtUtc = clock.GetUtcNow().UtcDateTime,
        });

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>The signed-in person as the Calls module logs them.</summary>
public static class CallActors
{
    public static async Task<CallActor> OfAsync(System.Security.Claims.ClaimsPrincipal user, Network.Modules.Accounts.Services.TenantMembers members)
    {
        var id = ApplicationAccess.UserIdOf(user) ?? "";
        var member = await members.FindAsync(id);
        return new CallActor(id, member?.DisplayName ?? user.Identity?.Name ?? id);
    }
}
