using Network.Core.Tenancy;
using Network.Core.Theming;

namespace Network.Modules.News.Services;

/// <summary>The feeds a news page announces in its head (<c>link rel="alternate"</c>), filtered like the page when it is.</summary>
public static class NewsFeedLinks
{
    public static IReadOnlyList<FeedLink> For(string pathBase, TenantInfo tenant, string? tag = null, string? tagLabel = null)
    {
        var query = string.IsNullOrEmpty(tag) ? "" : $"?{NewsFeed.TagParameter}={Uri.EscapeDataString(tag)}";
        var title = $"Actualités – {tenant.SiteName}" + (string.IsNullOrEmpty(tag) ? "" : $" – {tagLabel ?? tag}");
        return
        [
            new FeedLink(title + " (RSS)", NewsFeed.MediaType(NewsFeedFormat.Rss), pathBase + NewsFeed.RssPath + query),
            new FeedLink(title + " (Atom)", NewsFeed.MediaType(NewsFeedFormat.Atom), pathBase + NewsFeed.AtomPath + query),
        ];
    }
}
