using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
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
/// shared calls too, whose state comes from their dates (the review and the results live in the region).
/// </summary>
public sealed class CallCatalog(
    ContentListCache lists,
    ContentDbContext content,
    CallsDbContext calls,
    CallType type,
    TenantContext tenantContext,
    TenantCatalog tenants,
    TimeProvider clock)
{
    public DateTime NowUtc { get; } = clock.GetUtcNow().UtcDateTime;

    public Task<ContentSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
        => lists.GetAsync(content, tenantContext.Required.Name, type, cancellationToken);

    /// <summary>The state of every card of <paramref name="snapshot"/> now, keyed by item id.</summary>
    public async Task<IReadOnlyDictionary<int, CallState>> StatesAsync(ContentSnapshot snapshot, CancellationToken cancellationToken = default)
    {
        var rounds = await calls.Rounds.AsNoTracking().ToDictionaryAsync(r => r.CallId, cancellationToken);
        return snapshot.Items.ToDictionary(c => c.Item.Id, c => CallPhase.Of(true, c.FieldsAs<CallFields>(),
            c.Item.OriginTenant is null ? rounds.GetValueOrDefault(c.Item.Id) : null, NowUtc));
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
