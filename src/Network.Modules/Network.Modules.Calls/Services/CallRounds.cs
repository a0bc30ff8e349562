using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;

namespace Network.Modules.Calls.Services;

/// <summary>A call as the Calls module works with it: its content item, its fields, its round and its state now.</summary>
public sealed record CallView(ContentItem Item, CallFields Fields, CallRound Round, CallState State)
{
    public int Id => Item.Id;
}

/// <summary>
/// Loads the tenant's own calls (never the hub's copies of regions' calls) with their round, creating the round row the
/// first time a call is worked on, so every call has one whatever created it (the editor, a recipe, a test).
/// </summary>
public sealed class CallRounds(ContentDbContext content, CallsDbContext db, CallType type, TimeProvider clock)
{
    public async Task<CallView?> FindAsync(int callId, CancellationToken cancellationToken = default)
    {
        var item = await content.Items.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == callId && i.ContentType == CallType.TypeName && i.OriginTenant == null, cancellationToken);
        if (item is null) return null;
        var round = await GetOrCreateAsync(callId, cancellationToken);
        var fields = type.Read(item);
        return new CallView(item, fields, round, CallPhase.Of(item.IsPublic, fields, round, clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The call's round, tracked (so a caller may change and save it), created with the defaults when absent.</summary>
    public async Task<CallRound> GetOrCreateAsync(int callId, CancellationToken cancellationToken = default)
    {
        if (await db.Rounds.FirstOrDefaultAsync(r => r.CallId == callId, cancellationToken) is { } round) return round;
        round = new CallRound { CallId = callId };
        db.Rounds.Add(round);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request meanwhile: read theirs.
            db.Entry(round).State = EntityState.Detached;
            round = await db.Rounds.FirstAsync(r => r.CallId == callId, cancellationToken);
        }
        return round;
    }
}
