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

    /// <summary>Seats left of an event of <paramref name="capacity"/>, or null when its seats are not known here.</summary>
    public int? SeatsLeft(int capacity) => SeatsTaken is { } taken ? Math.Max(0, capacity - taken) : null;
}

/// <summary>A published event as lists, feeds and the home block show it. <paramref name="Url"/> is the region's page for a hub copy.</summary>
public sealed record EventCard(ContentItem Item, EventFields Fields, EventState State, EventPublicStatus Status, string Url, string? RegionName)
{
    public int? SeatsLeft => Status.SeatsLeft(Fields.Capacity);
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
        var mine = own ? await ReadStatusesAsync(events, withScheduled: true, cancellationToken) : null;
        var regions = copies ? await RegionStatusesAsync(cancellationToken) : null;
        return item => (item.OriginTenant is { } origin
            ? regions?.GetValueOrDefault((origin, item.OriginId ?? 0))
            : mine?.GetValueOrDefault(item.Id)) ?? EventPublicStatus.Default;
    }

    /// <summary>
    /// The statuses of one tenant database's events that have a setup (<paramref name="withScheduled"/>: scheduled ones
    /// too, else only the cancelled and postponed) or seats taken; an event in neither is <see cref="EventPublicStatus.Default"/>.
    /// </summary>
    private static async Task<Dictionary<int, EventPublicStatus>> ReadStatusesAsync(EventsDbContext db, bool withScheduled, CancellationToken cancellationToken)
    {
        var setups = await db.Setups.AsNoTracking().Where(s => withScheduled || s.Status != EventStatus.Scheduled).ToListAsync(cancellationToken);
        var seats = await db.SeatCounters.AsNoTracking().Where(c => c.SessionKey == "").ToDictionaryAsync(c => c.EventId, c => c.Taken, cancellationToken);
        var statuses = seats.ToDictionary(s => s.Key, s => EventPublicStatus.Default with { SeatsTaken = s.Value });
        foreach (var setup in setups)
            statuses[setup.EventId] = new EventPublicStatus(setup.Status, setup.StatusNote, setup.Version, seats.GetValueOrDefault(setup.EventId));
        return statuses;
    }

    /// <summary>The state of an event now (for a hub copy, from its region's seats as read at most a minute ago).</summary>
    public EventState StateOf(ContentCard card, EventPublicStatus status)
        => EventPhase.Of(true, card.FieldsAs<EventFields>(), status.AsSetup(), status.SeatsTaken ?? 0, NowUtc);

    /// <summary>
    /// When a coordinator last changed an event's status (cancelled, postponed, back on) in this tenant and, with
    /// <paramref name="regions"/>, in the regions whose copies the hub shows: what changes an event's public status but
    /// not its content item.
    /// </summary>
    public async Task<DateTime?> LatestStatusChangeUtcAsync(bool regions, CancellationToken cancellationToken = default)
    {
        static Task<DateTime?> LatestAsync(EventsDbContext db, CancellationToken cancellationToken)
            => db.Setups.AsNoTracking().MaxAsync(s => s.StatusChangedUtc, cancellationToken);
        var latest = await LatestAsync(events, cancellationToken);
        if (!regions) return latest;
        var read = await regionScopes.ReadEachAsync(EventsModule.ModuleId,
            (_, services) => LatestAsync(services.GetRequiredService<EventsDbContext>(), cancellationToken));
        return read.Select(r => r.Result).Append(latest).Max();
    }

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
            var read = await regionScopes.ReadEachAsync(EventsModule.ModuleId,
                (_, services) => ReadStatusesAsync(services.GetRequiredService<EventsDbContext>(), withScheduled: false, cancellationToken));
            return (IReadOnlyDictionary<(string, int), EventPublicStatus>)read
                .SelectMany(r => r.Result.Select(s => (Key: (r.Region.Name, s.Key), s.Value)))
                .ToDictionary(e => e.Key, e => e.Value);
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
