using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Home;

/// <summary>One item as the home page shows it.</summary>
public sealed record HomeCard(string Title, string Url, string Summary, string TypeName, string? RegionName, DateTime? PublishedUtc);

/// <summary>What a list block of one content type shows. <paramref name="DefaultHeading"/> is French, translated by the view.</summary>
public sealed record HomeListModel(HomeBlock Block, string DefaultHeading, ContentTypeDefinition Type, string ListUrl, IReadOnlyList<HomeCard> Cards);

/// <summary>A region on the hub: its site and how many shared items of each type it has.</summary>
public sealed record HomeRegion(TenantInfo Tenant, string Url, IReadOnlyList<(ContentTypeDefinition Type, int Count)> Counts);

/// <summary>
/// What the home blocks of content types show, computed from the tenant's cached lists (<see cref="ContentListCache"/>):
/// no query per visit once the lists are warm. On the hub, the copies of the regions' shared items (linking to the
/// item in its region); in a region, its own published items.
/// </summary>
public sealed class ContentHomeData(ContentDbContext db, ContentListCache cache, ContentTypeRegistry types, TenantContext tenantContext, TenantCatalog catalog)
{
    /// <summary>The largest count a coordinator may give a list block.</summary>
    public const int MaxCount = 12;

    public static int CountOf(HomeBlock block, int fallback) => Math.Clamp(block.Count ?? fallback, 1, MaxCount);

    /// <summary>The newest published items of <paramref name="type"/> (on the hub: the regions' shared copies).</summary>
    public Task<IReadOnlyList<HomeCard>> LatestAsync(HttpContext http, ContentTypeDefinition type, int count, CancellationToken cancellationToken)
        => CardsAsync(http, type, _ => true, count, cancellationToken);

    /// <summary>The newest featured items of <paramref name="type"/> (on the hub: those the regions feature, with their region).</summary>
    public Task<IReadOnlyList<HomeCard>> FeaturedAsync(HttpContext http, ContentTypeDefinition type, int count, CancellationToken cancellationToken)
        => CardsAsync(http, type, item => item.Featured, count, cancellationToken);

    private async Task<IReadOnlyList<HomeCard>> CardsAsync(HttpContext http, ContentTypeDefinition type, Func<ContentItem, bool> filter, int count, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        return snapshot.Items
            .Where(c => (c.Item.OriginTenant is not null) == tenant.IsHub && filter(c.Item))
            .Select(c => Card(http, type, c.Item)).OfType<HomeCard>()
            .Take(count).ToList();
    }

    /// <summary>Every running region (for the hub) with its counts of shared items of the types enabled both there and here.</summary>
    public async Task<IReadOnlyList<HomeRegion>> RegionsAsync(HttpContext http, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var snapshots = new List<(ContentTypeDefinition Type, ContentSnapshot Snapshot)>();
        foreach (var type in types.All.Where(t => tenant.IsEnabled(t.ModuleId)))
            snapshots.Add((type, await cache.GetAsync(db, tenant.Name, type, cancellationToken)));

        var french = StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr"), ignoreCase: true);
        return catalog.All.Where(t => t.State == TenantState.Running && !t.IsHub).OrderBy(t => t.DisplayName, french)
            .Select(region => new HomeRegion(region, TenantUrls.Link(http, region, "/"),
                snapshots.Where(s => region.IsEnabled(s.Type.ModuleId))
                    .Select(s => (s.Type, s.Snapshot.Items.Count(c => c.Item.OriginTenant == region.Name))).ToList()))
            .ToList();
    }

    private HomeCard? Card(HttpContext http, ContentTypeDefinition type, ContentItem item)
    {
        var url = ContentLinks.PublicUrl(http, catalog, type, item);
        if (url is null) return null;
        var region = item.OriginTenant is { } origin ? catalog.Find(origin)?.DisplayName : null;
        return new HomeCard(item.Title, url, item.Summary, type.DisplayName, region, item.PublishedUtc);
    }
}

/// <summary>
/// Home block: the newest published items of one content type. Each content-type module subclasses it with its type
/// (<c>ShowcasesLatestViewComponent : ContentLatestViewComponent&lt;ShowcaseType&gt;</c>) and declares the block type.
/// </summary>
public abstract class ContentLatestViewComponent<TType>(ContentHomeData data, TType type, TenantContext tenantContext) : ViewComponent
    where TType : ContentTypeDefinition
{
    public const int DefaultCount = 3;

    /// <summary>French heading when the coordinator gives none ("Derniers projets"); <paramref name="hub"/>: the hub's regions' items.</summary>
    protected abstract string DefaultHeading(bool hub);

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var cards = await data.LatestAsync(HttpContext, type, ContentHomeData.CountOf(block, DefaultCount), HttpContext.RequestAborted);
        return View(ContentHomeViews.List, new HomeListModel(block, DefaultHeading(tenantContext.Required.IsHub), type, (HttpContext.Request.PathBase.Value ?? "") + type.PublicPath, cards));
    }
}

/// <summary>Home block: the featured items of one content type (in a region its own, on the hub the regions').</summary>
public abstract class ContentFeaturedViewComponent<TType>(ContentHomeData data, TType type, TenantContext tenantContext) : ViewComponent
    where TType : ContentTypeDefinition
{
    public const int DefaultCount = 6;

    /// <summary>French heading when the coordinator gives none; <paramref name="hub"/>: the hub's regions' items.</summary>
    protected abstract string DefaultHeading(bool hub);

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var cards = await data.FeaturedAsync(HttpContext, type, ContentHomeData.CountOf(block, DefaultCount), HttpContext.RequestAborted);
        return View(ContentHomeViews.List, new HomeListModel(block, DefaultHeading(tenantContext.Required.IsHub), type, (HttpContext.Request.PathBase.Value ?? "") + type.PublicPath, cards));
    }
}

/// <summary>Hub home block: the regional sites with their counts of shared items.</summary>
public sealed class ContentRegionsViewComponent(ContentHomeData data) : ViewComponent
{
    public const string BlockTypeId = "regions";

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
        => View((block, await data.RegionsAsync(HttpContext, HttpContext.RequestAborted)));
}

/// <summary>The views shared by every content type's blocks (absolute, so subclasses in other modules find them).</summary>
public static class ContentHomeViews
{
    public const string List = "/Pages/Shared/Components/ContentHomeList/Default.cshtml";
}
