using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>What the public knows of an event's setup: its status (and why), its version (for calendars) and seats taken.</summary>
/// <param name="SeatsTaken">Seats of the event taken (for a hub copy, as its region counted them at most a minute ago).</param>
public sealed record EventPublicStatus(EventStatus Status, string Note, int Version, int? SeatsTaken)
{
    public static readonly EventPublicStatus Default = new(EventStatus.Scheduled, "", 0, 0);

    public EventSetup AsSetup() => new() { Status = Status, StatusNote = Note, Version = Version };
}

/// <summary>A published event as lists, feeds and the home block show it. <paramref name="Url"/> is the region's page for a hub copy.</summary>
public sealed record EventCard(ContentItem Item, EventFields Fields, EventState State, EventPublicStatus Status, string Url, string? RegionName)
{
    public int? SeatsLeft => Status.SeatsTaken is { } taken ? Math.Max(0, Fields.Capacity - taken) : null;
}

/// <summary>
/// The events the public sees in the current tenant, from the Content module's cached snapshot: a region's own published
/// events with their status and seats (two small queries), and on the hub the copies of the regions' shared events
/// with the status and seats their region gave them (they live in the region's database), read once per change of the
/// regions (their <see cref="TenantGenerations"/>) and at most every minute.
/// </summary>
public sealed class EventCatalog(
    ContentListCache lists,
    ContentDbContext content,
    EventsDbContext events,
    EventType type,
    TenantContext tenantContext,
    TenantCatalog tenants,
    TenantGenerations generations,
    RegionScopes regionScopes,
    IMemoryCache cache,
    TimeProvider clock)
{
    public DateTime NowUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public Task<ContentSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
        => lists.GetAsync(content, tenantContext.Required.Name, type, cancellationToken);

    /// <summary>The public status of every card of <paramref name="snapshot"/>, keyed by item id.</summary>
    public async Task<IReadOnlyDictionary<int, EventPublicStatus>> StatusesAsync(ContentSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var statusOf = await StatusLookupAsync(snapshot.Items.Any(c => c.Item.OriginTenant is null), snapshot.Items.Any(c => c.Item.OriginTenant is not null), cancellationToken);
        return snapshot.Items.ToDictionary(c => c.Item.Id, c => statusOf(c.Item));
    }

    /// <summary>
    /// The public status of any published event of the tenant: its own (<paramref name="own"/>: setups and seats, two
    /// small queries) and, on the hub, the regions' copies (<paramref name="copies"/>: the statuses their regions gave).
    /// </summary>
    public async Task<Func<ContentItem, EventPublicStatus>> StatusLookupAsync(bool own, bool copies, CancellationToken cancellationToken = default)
    {
        var setups = own ? await events.Setups.AsNoTracking().ToDictionaryAsync(s => s.EventId, cancellationToken) : [];
        var seats = own
            ? await events.SeatCounters.AsNoTracking().Where(c => c.SessionKey == "").ToDictionaryAsync(c => c.EventId, c => c.Taken, cancellationToken)
            : [];
        var regions = copies ? await RegionStatusesAsync(cancellationToken) : null;
        return item =>
        {
            if (item.OriginTenant is { } origin)
                return regions?.GetValueOrDefault((origin, item.OriginId ?? 0)) ?? EventPublicStatus.Default;
            var setup = setups.GetValueOrDefault(item.Id);
            return new EventPublicStatus(setup?.Status ?? EventStatus.Scheduled, setup?.StatusNote ?? "", setup?.Version ?? 0, seats.GetValueOrDefault(item.Id));
        };
    }

    /// <summary>The state of an event now (for a hub copy, from its region's seats as read at most a minute ago).</summary>
    public EventState StateOf(ContentCard card, EventPublicStatus status)
        => EventPhase.Of(true, card.FieldsAs<EventFields>(), status.AsSetup(), status.SeatsTaken ?? 0, NowUtc);

    /// <summary>
    /// The regions' statuses (cancelled, postponed) and event seats taken, by region and event id. Read again when a
    /// region's generation moves (a status change advances it) and at least every minute, for the seats: registrations
    /// do not advance generations, so "full" reaches the hub within a minute.
    /// </summary>
    private async Task<IReadOnlyDictionary<(string Tenant, int EventId), EventPublicStatus>> RegionStatusesAsync(CancellationToken cancellationToken)
    {
        var regions = regionScopes.RunningWith(EventsModule.ModuleId);
        // Generations only grow, so their sum changes whenever one region's does.
        var key = $"events:hub-statuses:{tenants.Hub?.Version}:{string.Join(',', regions.Select(r => r.Name))}:{regions.Sum(r => generations.Of(r.Name))}";
        return (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(1);
            var all = new Dictionary<(string, int), EventPublicStatus>();
            var read = await regionScopes.ReadEachAsync(EventsModule.ModuleId, async (_, services) =>
            {
                var db = services.GetRequiredService<EventsDbContext>();
                var setups = await db.Setups.AsNoTracking().Where(s => s.Status != EventStatus.Scheduled).ToListAsync(cancellationToken);
                var seats = await db.SeatCounters.AsNoTracking().Where(c => c.SessionKey == "").ToDictionaryAsync(c => c.EventId, c => c.Taken, cancellationToken);
                return (Setups: setups, Seats: seats);
            });
            foreach (var (region, (setups, seats)) in read)
            {
                foreach (var (eventId, taken) in seats) all[(region.Name, eventId)] = EventPublicStatus.Default with { SeatsTaken = taken };
                foreach (var setup in setups)
                    all[(region.Name, setup.EventId)] = new EventPublicStatus(setup.Status, setup.StatusNote, setup.Version, seats.GetValueOrDefault(setup.EventId));
            }
            return (IReadOnlyDictionary<(string, int), EventPublicStatus>)all;
        }))!;
    }

    public EventCard Card(HttpContext http, ContentCard card, EventPublicStatus status)
    {
        var region = card.Item.OriginTenant is { } origin ? tenants.Find(origin) : null;
        var url = ContentLinks.PublicUrl(http, tenants, type, card.Item) ?? ((http.Request.PathBase.Value ?? "") + type.PublicUrl(card.Item.Slug));
        return new EventCard(card.Item, card.FieldsAs<EventFields>(), StateOf(card, status), status, url, region?.DisplayName);
    }

    /// <summary>Not over yet (running or to come; cancelled and postponed ones included, so people see it).</summary>
    public bool IsUpcoming(ContentCard card) => card.FieldsAs<EventFields>().EndUtc > NowUtc;
}
