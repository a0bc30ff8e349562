using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;

namespace Network.Modules.Calls.Services;

/// <summary>A published call as lists show it. <paramref name="Url"/> is the region's own page for a hub copy.</summary>
public sealed record CallCard(ContentItem Item, CallFields Fields, CallState State, string Url, string? RegionName);

/// <summary>
/// The calls the public sees in the current tenant, from the Content module's cached snapshot: a region's own published
/// calls with the state their round gives (one small query of the rounds), and on the hub the copies of the regions'
/// shared calls too, with the rounds of the regions' reviewed calls (the review and the results live in the region),
/// read once per change of the regions (their <see cref="TenantGenerations"/>) and kept in memory meanwhile.
/// </summary>
public sealed class CallCatalog(
    ContentListCache lists,
    ContentDbContext content,
    CallsDbContext calls,
    CallType type,
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

    /// <summary>The state of every card of <paramref name="snapshot"/> now, keyed by item id.</summary>
    public async Task<IReadOnlyDictionary<int, CallState>> StatesAsync(ContentSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var rounds = await calls.Rounds.AsNoTracking().ToDictionaryAsync(r => r.CallId, cancellationToken);
        var regions = snapshot.Items.Any(c => c.Item.OriginTenant is not null) ? await RegionRoundsAsync(cancellationToken) : null;
        return snapshot.Items.ToDictionary(c => c.Item.Id, c => CallPhase.Of(true, c.FieldsAs<CallFields>(),
            c.Item.OriginTenant is { } origin
                ? regions?.GetValueOrDefault((origin, c.Item.OriginId ?? 0))
                : rounds.GetValueOrDefault(c.Item.Id), NowUtc));
    }

    /// <summary>The rounds whose review has started in the running regions with Calls, by region and call id.</summary>
    private async Task<IReadOnlyDictionary<(string Tenant, int CallId), CallRound>> RegionRoundsAsync(CancellationToken cancellationToken)
    {
        var regions = regionScopes.RunningWith(CallsModule.ModuleId);
        // Generations only grow, so their sum changes whenever one region's does (a review started, results published).
        var key = $"calls:hub-rounds:{tenants.Hub?.Version}:{string.Join(',', regions.Select(r => r.Name))}:{regions.Sum(r => generations.Of(r.Name))}";
        return (await cache.GetOrCreateAsync(key, async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10);
            var all = new Dictionary<(string, int), CallRound>();
            var reviewed = await regionScopes.ReadEachAsync(CallsModule.ModuleId, (_, services) => services.GetRequiredService<CallsDbContext>().Rounds.AsNoTracking()
                .Where(r => r.ReviewStartedUtc != null).ToListAsync(cancellationToken));
            foreach (var (region, rounds) in reviewed)
                foreach (var round in rounds) all[(region.Name, round.CallId)] = round;
            return (IReadOnlyDictionary<(string, int), CallRound>)all;
        }))!;
    }

    public CallCard Card(HttpContext http, ContentCard card, CallState state)
    {
        var region = card.Item.OriginTenant is { } origin ? tenants.Find(origin) : null;
        var url = ContentLinks.PublicUrl(http, tenants, type, card.Item) ?? ((http.Request.PathBase.Value ?? "") + type.PublicUrl(card.Item.Slug));
        return new CallCard(card.Item, card.FieldsAs<CallFields>(), state, url, region?.DisplayName);
    }

    /// <summary>Open calls first by nearest deadline, then upcoming by opening, then past ones by latest deadline.</summary>
    public static int Rank(CallState state) => state switch
    {
        CallState.Open => 0,
        CallState.Upcoming => 1,
        _ => 2,
    };
}
