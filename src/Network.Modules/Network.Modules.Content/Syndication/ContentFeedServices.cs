using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Syndication;

/// <summary>How a content type's module declares and maps its feeds.</summary>
public static class ContentFeedServices
{
    public static IServiceCollection AddContentFeed<T>(this IServiceCollection services) where T : ContentFeedDefinition
    {
        services.AddSingleton<T>();
        services.AddSingleton<ContentFeedDefinition>(sp => sp.GetRequiredService<T>());
        return services;
    }

    /// <summary>Maps <c>rss.xml</c> and <c>atom.xml</c> under the type's public address, inside the calling module's feature gate.</summary>
    public static void MapContentFeed<T>(this IEndpointRouteBuilder endpoints) where T : ContentFeedDefinition
    {
        foreach (var format in new[] { ContentFeedFormat.Rss, ContentFeedFormat.Atom })
        {
            var path = endpoints.ServiceProvider.GetRequiredService<T>().PathOf(format);
            endpoints.MapMethods(path, [HttpMethods.Get, HttpMethods.Head],
                    (HttpContext http, T feed, ContentFeedWriter writer, ContentDbContext db, TenantContext tenantContext, TenantCatalog catalog, TenantUrls urls)
                        => writer.AnswerAsync(http, feed, format, db, tenantContext, catalog, urls))
                .ExcludeFromDescription();
        }
    }
}

/// <summary>
/// The feed discovery links (<c>link rel="alternate"</c>) of a content type's pages: its list, its items and anything
/// below its public address announce its RSS and Atom feeds (filtered like the page when the feed filters on the same
/// parameter) and what the type adds (the events' calendar). Reads no database.
/// </summary>
public sealed class ContentFeedHeadLinks(IEnumerable<ContentFeedDefinition> feeds) : IHeadLinkSource
{
    public IEnumerable<HeadLink> Links(HttpContext context)
    {
        var tenant = context.RequestServices.GetService<TenantContext>()?.Tenant;
        if (tenant is null) return [];
        var path = context.Request.Path.Value ?? "";
        var feed = feeds.FirstOrDefault(f => tenant.IsEnabled(f.Type.ModuleId)
            && (path.Equals(f.Type.PublicPath, StringComparison.OrdinalIgnoreCase) || path.StartsWith(f.Type.PublicPath + "/", StringComparison.OrdinalIgnoreCase)));
        return feed is null ? [] : For(context, feed, tenant).Select(l => new HeadLink("alternate", l.MediaType, l.Title, l.Href));
    }

    /// <summary>The feeds of <paramref name="feed"/>'s pages, addresses from the current tenant's root (pages show them as links too).</summary>
    public static IReadOnlyList<FeedLink> For(HttpContext context, ContentFeedDefinition feed, TenantInfo tenant)
    {
        var pathBase = context.Request.PathBase.Value ?? "";
        var filter = feed.Filter is { } typeFilter ? ((string?)context.Request.Query[typeFilter.Parameter] ?? "").Trim() : "";
        var query = feed.FilterQuery(filter);
        var title = feed.Title(tenant) + (filter.Length == 0 ? "" : $" – {feed.FilterName} « {filter} »");
        return
        [
            new FeedLink(title + " (RSS)", ContentFeedDefinition.MediaType(ContentFeedFormat.Rss), pathBase + feed.PathOf(ContentFeedFormat.Rss) + query),
            new FeedLink(title + " (Atom)", ContentFeedDefinition.MediaType(ContentFeedFormat.Atom), pathBase + feed.PathOf(ContentFeedFormat.Atom) + query),
            .. feed.AlsoAnnounced(tenant).Select(l => l with { Href = pathBase + l.Href }),
        ];
    }
}
