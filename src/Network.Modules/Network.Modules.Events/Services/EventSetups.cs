using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>An event as the Events module works with it: its content item, fields, setup, seats taken and state now.</summary>
/// <param name="SeatsTaken">Seats taken per counter: "" for the event, a workshop's key for the workshop.</param>
public sealed record EventView(ContentItem Item, EventFields Fields, EventSetup Setup, IReadOnlyDictionary<string, int> SeatsTaken, EventState State)
{
    public int Id => Item.Id;

    public int SeatsLeft => Math.Max(0, Fields.Capacity - SeatsTaken.GetValueOrDefault(""));

    /// <summary>Seats left in a workshop (0 for an unknown key or a plenary session).</summary>
    public int WorkshopSeatsLeft(string key)
        => Fields.Sessions.FirstOrDefault(s => s.Key == key && s.IsWorkshop) is { Capacity: { } capacity }
            ? Math.Max(0, capacity - SeatsTaken.GetValueOrDefault(key))
            : 0;

    public IEnumerable<EventSession> Workshops => Fields.Sessions.Where(s => s.IsWorkshop);
}

/// <summary>
/// Loads the tenant's own events (never the hub's copies of regions' events) with their setup and seat counts,
/// creating the setup row the first time an event is worked on, so every event has one whatever created it.
/// </summary>
public sealed class EventSetups(ContentDbContext content, EventsDbContext db, EventType type, TimeProvider clock)
{
    public async Task<EventView?> FindAsync(int eventId, CancellationToken cancellationToken = default)
    {
        var item = await content.Items.AsNoTracking()
            .FirstOrDefaultAsync(i => i.Id == eventId && i.ContentType == EventType.TypeName && i.OriginTenant == null, cancellationToken);
        return item is null ? null : await ViewOfAsync(item, cancellationToken);
    }

    /// <summary>The published event at <paramref name="slug"/> (its public address), or null.</summary>
    public async Task<EventView?> FindPublishedAsync(string slug, CancellationToken cancellationToken = default)
    {
        var item = await PublishedBySlug(content, slug, cancellationToken);
        return item is null ? null : await ViewOfAsync(item, cancellationToken);
    }

    // Compiled: the registration page reads its event on every request, and translating these LINQ queries each time
    // was about a third of the read's cost (bench/README.md, events).
    private static readonly Func<ContentDbContext, string, CancellationToken, Task<ContentItem?>> PublishedBySlug = EF.CompileAsyncQuery(
        (ContentDbContext content, string slug, CancellationToken _) => content.Items.AsNoTracking()
            .FirstOrDefault(i => i.ContentType == EventType.TypeName && i.Slug == slug && i.OriginTenant == null && i.Status == ContentStatus.Published));

    private static readonly Func<EventsDbContext, int, CancellationToken, Task<EventSetup?>> SetupOf = EF.CompileAsyncQuery(
        (EventsDbContext db, int eventId, CancellationToken _) => db.Setups.FirstOrDefault(s => s.EventId == eventId));

    private static readonly Func<EventsDbContext, int, IAsyncEnumerable<SeatCounter>> CountersOf = EF.CompileAsyncQuery(
        (EventsDbContext db, int eventId) => db.SeatCounters.AsNoTracking().Where(c => c.EventId == eventId));

    private async Task<EventView> ViewOfAsync(ContentItem item, CancellationToken cancellationToken)
    {
        var setup = await GetOrCreateAsync(item.Id, cancellationToken);
        var seats = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var counter in CountersOf(db, item.Id).WithCancellation(cancellationToken)) seats[counter.SessionKey] = counter.Taken;
        var fields = type.Read(item);
        return new EventView(item, fields, setup, seats, EventPhase.Of(item.IsPublic, fields, setup, seats.GetValueOrDefault(""), clock.GetUtcNow().UtcDateTime));
    }

    /// <summary>The event's setup, tracked (so a caller may change and save it), created with the defaults when absent.</summary>
    public async Task<EventSetup> GetOrCreateAsync(int eventId, CancellationToken cancellationToken = default)
    {
        if (await SetupOf(db, eventId, cancellationToken) is { } setup) return setup;
        setup = new EventSetup { EventId = eventId };
        db.Setups.Add(setup);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Created by a concurrent request meanwhile: read theirs.
            db.Entry(setup).State = EntityState.Detached;
            setup = await db.Setups.FirstAsync(s => s.EventId == eventId, cancellationToken);
        }
        return setup;
    }
}
