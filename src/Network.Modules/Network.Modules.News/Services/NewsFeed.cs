using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Syndication;
using Network.Modules.News.Data;

namespace Network.Modules.News.Services;

/// <summary>
/// The news feeds (<c>/actualites/rss.xml</c>, <c>/actualites/atom.xml</c>, optionally filtered by <c>?mot-cle=</c>):
/// the article's body, its signature as author and its tags as categories.
/// </summary>
public sealed class NewsFeed(NewsType type) : ContentFeedDefinition<NewsFields>(type)
{
    public override ContentFilter? Filter => NewsType.TagFilter;

    public override string Description(TenantInfo tenant) => tenant.IsHub
        ? "Les actualités partagées par les régions du réseau."
        : $"Les dernières actualités de {tenant.DisplayName}.";

    protected override ContentFeedParts PartsOf(ContentItem item, NewsFields fields, TenantInfo owner)
        => new(NewsType.AuthorOf(item, fields), fields.Body, fields.Tags.Select(t => (NewsType.TagValue(t), t)).ToList());
}
