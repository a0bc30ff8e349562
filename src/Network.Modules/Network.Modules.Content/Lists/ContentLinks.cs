using Microsoft.AspNetCore.Http;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Lists;

/// <summary>Where public lists send visitors, and which hub copies they may see.</summary>
public static class ContentLinks
{
    /// <summary>
    /// The public page of an item: in the current tenant for its own items; for a hub copy, the page in the region
    /// it comes from (null when that region is unknown).
    /// </summary>
    public static string? PublicUrl(HttpContext context, TenantCatalog catalog, ContentTypeDefinition type, ContentItem item)
    {
        if (item.OriginTenant is null) return (context.Request.PathBase.Value ?? "") + type.PublicUrl(item.Slug);
        return catalog.Find(item.OriginTenant) is { } region ? TenantUrls.Link(context, region, type.PublicUrl(item.Slug)) : null;
    }

    /// <summary>The running region a hub copy comes from, with the type's module still enabled there; null for any other.</summary>
    public static TenantInfo? VisibleOrigin(TenantCatalog catalog, ContentTypeDefinition type, ContentItem item)
        => item.OriginTenant is { } name && catalog.Find(name) is { State: TenantState.Running, IsHub: false } region && region.IsEnabled(type.ModuleId)
            ? region
            : null;

    /// <summary>
    /// What a tenant's public lists show of its snapshot: its own items, and on the hub the copies of regions that
    /// are running (a disabled or deleted region's copies disappear at once, before the hub copy catches up).
    /// </summary>
    public static Func<ContentCard, bool> Visible(TenantCatalog catalog, ContentTypeDefinition type)
        => card => card.Item.OriginTenant is null || VisibleOrigin(catalog, type, card.Item) is not null;
}
