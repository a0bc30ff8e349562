using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Media;
using Network.Modules.News.Data;

namespace Network.Modules.News.Services;

/// <summary>A news article as a card shows it, from the cached list only (no query per card).</summary>
/// <param name="Url">Its page: in the region it comes from for a hub copy.</param>
/// <param name="ImagePathBase">The path base of the tenant that owns the image files.</param>
/// <param name="Region">The region's name for a hub copy, else null.</param>
/// <param name="HeadingLevel">2 on the list, 3 inside a home block.</param>
public sealed record NewsCardView(ContentItem Item, NewsFields Fields, string Url, ImageRef? Image, string ImagePathBase, string? Region, int HeadingLevel = 2)
{
    /// <summary>Image beside the text (the full list) rather than above it (narrow columns).</summary>
    public bool Horizontal { get; init; }
}

public static class NewsCards
{
    /// <summary>The card of a listed item, or null when it is the copy of a region the catalog no longer knows.</summary>
    public static NewsCardView? Of(HttpContext http, TenantCatalog catalog, NewsType type, ContentCard card, int headingLevel = 2)
    {
        var item = card.Item;
        var url = ContentLinks.PublicUrl(http, catalog, type, item);
        if (url is null) return null;
        var owner = item.OriginTenant is { } origin ? catalog.Find(origin) : null;
        var imageBase = owner is null ? http.Request.PathBase.Value ?? "" : TenantUrls.Link(http, owner, "/").TrimEnd('/');
        var fields = card.FieldsAs<NewsFields>();
        return new NewsCardView(item, fields, url, fields.Image, imageBase, owner?.DisplayName, headingLevel);
    }
}

/// <summary>
/// Home block "news-latest": the latest published news as DSFR cards (on the hub: the network's shared news, linking
/// to their region), from the cached list, with a link to every news.
/// </summary>
public sealed class NewsLatestViewComponent(ContentDbContext db, ContentListCache cache, NewsType type, TenantContext tenantContext, TenantCatalog catalog) : ViewComponent
{
    public const string BlockId = "news-latest";
    public const int DefaultCount = 3;
    public const int MaxCount = 12;

    public sealed record Model(string Title, string ListUrl, string Key, IReadOnlyList<NewsCardView> Cards);

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var count = Math.Clamp(block.Count ?? DefaultCount, 1, MaxCount);
        var snapshot = await cache.GetAsync(db, tenantContext.Required.Name, type, HttpContext.RequestAborted);
        var cards = snapshot.Items.Select(c => NewsCards.Of(HttpContext, catalog, type, c, headingLevel: 3)).OfType<NewsCardView>().Take(count).ToList();
        var title = string.IsNullOrWhiteSpace(block.Title) ? null : block.Title.Trim();
        return View(new Model(title ?? "", (HttpContext.Request.PathBase.Value ?? "") + type.PublicPath, block.Key.Length > 0 ? block.Key : BlockId, cards));
    }
}
