using Microsoft.AspNetCore.Mvc;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Home;

/// <summary>One item as the home page shows it.</summary>
public sealed record HomeCard(string Title, string Url, string Summary, string TypeName, string? RegionName, DateTime? PublishedUtc);

/// <summary>The latest items of one type, with the address of its full list.</summary>
public sealed record HomeTypeBlock(ContentTypeDefinition Type, string ListUrl, IReadOnlyList<HomeCard> Cards);

/// <summary>A region on the hub: its site, how many shared items of each type it has, its featured items.</summary>
public sealed record HomeRegion(TenantInfo Tenant, string Url, IReadOnlyList<(ContentTypeDefinition Type, int Count)> Counts, IReadOnlyList<HomeCard> Featured);

/// <summary>
/// What the home page blocks of the Content module show, computed from the tenant's cached lists
/// (<see cref="ContentListCache"/>): no query per visit once the lists are warm. On the hub, the copies of the
/// regions' shared items; in a region, its own published items.
/// </summary>
public sealed class ContentHomeData(ContentDbContext db, ContentListCache cache, ContentTypeRegistry types, TenantContext tenantContext, TenantCatalog catalog)
{
    public const int LatestOnHub = 6;
    public const int LatestInRegion = 3;

    /// <summary>The types whose module the current tenant has enabled.</summary>
    public IReadOnlyList<ContentTypeDefinition> EnabledTypes => types.All.Where(t => tenantContext.Required.IsEnabled(t.ModuleId)).ToList();

    public async Task<IReadOnlyList<HomeTypeBlock>> LatestAsync(Microsoft.AspNetCore.Http.HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var blocks = new List<HomeTypeBlock>();
        foreach (var type in EnabledTypes)
        {
            var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
            var cards = tenant.IsHub
                ? snapshot.Items.Where(c => c.Item.OriginTenant is not null).Take(LatestOnHub)
                : snapshot.Items.Where(c => c.Item.OriginTenant is null).Take(LatestInRegion);
            var list = cards.Select(c => Card(http, type, c.Item)).OfType<HomeCard>().ToList();
            if (list.Count > 0) blocks.Add(new HomeTypeBlock(type, (http.Request.PathBase.Value ?? "") + type.PublicPath, list));
        }
        return blocks;
    }

    /// <summary>Every running region (hub only) with its counts of shared items and its featured items (at most six, newest first).</summary>
    public async Task<IReadOnlyList<HomeRegion>> RegionsAsync(Microsoft.AspNetCore.Http.HttpContext http, CancellationToken cancellationToken)
        => _regions ??= await ComputeRegionsAsync(http, cancellationToken);

    // Two blocks of the same page read the regions: computed once per request.
    private IReadOnlyList<HomeRegion>? _regions;

    private async Task<IReadOnlyList<HomeRegion>> ComputeRegionsAsync(Microsoft.AspNetCore.Http.HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var typesHere = EnabledTypes;
        var snapshots = new List<(ContentTypeDefinition Type, ContentSnapshot Snapshot)>();
        foreach (var type in typesHere) snapshots.Add((type, await cache.GetAsync(db, tenant.Name, type, cancellationToken)));

        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr"), ignoreCase: true);
        var regions = catalog.All.Where(t => t.State == TenantState.Running && !t.IsHub).OrderBy(t => t.DisplayName, french).ToList();
        var result = new List<HomeRegion>();
        foreach (var region in regions)
        {
            var counts = new List<(ContentTypeDefinition, int)>();
            var featured = new List<(DateTime?, HomeCard)>();
            foreach (var (type, snapshot) in snapshots)
            {
                if (!region.IsEnabled(type.ModuleId)) continue;
                var own = snapshot.Items.Where(c => c.Item.OriginTenant == region.Name).ToList();
                counts.Add((type, own.Count));
                foreach (var card in own.Where(c => c.Item.Featured))
                {
                    if (Card(http, type, card.Item) is { } home) featured.Add((card.Item.PublishedUtc, home));
                }
            }
            var top = featured.OrderByDescending(f => f.Item1).Take(ContentRules.MaxFeaturedPerTenant).Select(f => f.Item2).ToList();
            result.Add(new HomeRegion(region, TenantUrls.Link(http, region, "/"), counts, top));
        }
        return result;
    }

    private HomeCard? Card(Microsoft.AspNetCore.Http.HttpContext http, ContentTypeDefinition type, ContentItem item)
    {
        var url = ContentLinks.PublicUrl(http, catalog, type, item);
        if (url is null) return null;
        var region = item.OriginTenant is { } origin ? catalog.Find(origin)?.DisplayName : null;
        return new HomeCard(item.Title, url, item.Summary, type.DisplayName, region, item.PublishedUtc);
    }
}

/// <summary>Home block: the latest shared items of every region (hub), or the region's own latest items.</summary>
public sealed class ContentLatestViewComponent(ContentHomeData data, TenantContext tenantContext) : ViewComponent
{
    public const string SectionId = "content-latest";

    public async Task<IViewComponentResult> InvokeAsync()
        => View((tenantContext.Required.IsHub, await data.LatestAsync(HttpContext, HttpContext.RequestAborted)));
}

/// <summary>Hub home block: each region's featured items.</summary>
public sealed class ContentFeaturedViewComponent(ContentHomeData data) : ViewComponent
{
    public const string SectionId = "content-featured";

    public async Task<IViewComponentResult> InvokeAsync()
        => View((await data.RegionsAsync(HttpContext, HttpContext.RequestAborted)).Where(r => r.Featured.Count > 0).ToList());
}

/// <summary>Hub home block: the regional sites with their counts of shared items (replaces the theme's plain list).</summary>
public sealed class ContentRegionsViewComponent(ContentHomeData data) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync()
        => View(await data.RegionsAsync(HttpContext, HttpContext.RequestAborted));
}
