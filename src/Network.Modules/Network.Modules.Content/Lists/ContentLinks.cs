using Microsoft.AspNetCore.Http;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Lists;

/// <summary>Where public lists send visitors.</summary>
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
}
