using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Syndication;

public enum ContentFeedFormat { Rss, Atom }

/// <summary>What one item shows in a feed beyond its title, summary, dates and address.</summary>
/// <param name="Author">Who the item is by (a signature, an organisation, the tenant's operator).</param>
/// <param name="Markdown">The text given as the entry's HTML content, through SafeMarkdown.</param>
/// <param name="Categories">(term, label) pairs: a filter value when the feed filters on them.</param>
public sealed record ContentFeedParts(string Author, string Markdown, IReadOnlyList<(string Term, string Label)> Categories);

/// <summary>
/// A content type's RSS 2.0 and Atom 1.0 feeds at <c>{PublicPath}/rss.xml</c> and <c>{PublicPath}/atom.xml</c>: what
/// its entries show. Register with <see cref="ContentFeedServices.AddContentFeed{T}"/> and map with
/// <see cref="ContentFeedServices.MapContentFeed{T}"/> in the type's own module (so its feature gate applies); the writer,
/// the ids, the caching, the conditional GET and the head's discovery links are the Content module's.
/// </summary>
public abstract class ContentFeedDefinition
{
    public const string RssFile = "/rss.xml";
    public const string AtomFile = "/atom.xml";

    public abstract ContentTypeDefinition Type { get; }

    public string PathOf(ContentFeedFormat format) => Type.PublicPath + (format == ContentFeedFormat.Rss ? RssFile : AtomFile);

    public static string MediaType(ContentFeedFormat format) => format == ContentFeedFormat.Rss ? "application/rss+xml" : "application/atom+xml";

    /// <summary>
    /// The filter the feed takes, as the type's list page does (news: "mot-cle" on its tags), or null; the facet's
    /// values are the <see cref="ContentFeedParts.Categories"/> terms.
    /// </summary>
    public virtual Lists.ContentFilter? Filter => null;

    /// <summary>How a filter is named in the feed's title ("mot-clé").</summary>
    public virtual string FilterName => "mot-clé";

    /// <summary>The query string that keeps a feed or list address to <paramref name="filter"/>: empty without a filter.</summary>
    public string FilterQuery(string filter)
        => filter.Length == 0 || Filter is not { } byValue ? "" : $"?{byValue.Parameter}={Uri.EscapeDataString(filter)}";

    public virtual string Title(TenantInfo tenant) => $"{Type.PluralName} – {tenant.SiteName}";

    public abstract string Description(TenantInfo tenant);

    /// <summary>The entry's parts; <paramref name="owner"/> is the tenant the item belongs to (the region of a hub copy).</summary>
    public abstract ContentFeedParts PartsOf(ContentCard card, TenantInfo owner);

    /// <summary>Other feeds the type's pages announce beside its RSS and Atom ones (events: the iCalendar feed), paths relative to the tenant.</summary>
    public virtual IEnumerable<FeedLink> AlsoAnnounced(TenantInfo tenant) => [];
}

/// <summary>A feed definition of a type whose fields are <typeparamref name="TFields"/>.</summary>
public abstract class ContentFeedDefinition<TFields>(ContentType<TFields> type) : ContentFeedDefinition where TFields : class, new()
{
    public override ContentTypeDefinition Type => type;

    public override ContentFeedParts PartsOf(ContentCard card, TenantInfo owner) => PartsOf(card.Item, card.FieldsAs<TFields>(), owner);

    protected abstract ContentFeedParts PartsOf(ContentItem item, TFields fields, TenantInfo owner);

    /// <summary>The tenant's operator (or site) name, for items published by the organisation itself (calls, events).</summary>
    protected static string Publisher(TenantInfo owner) => owner.OperatorName.Length > 0 ? owner.OperatorName : owner.SiteName;
}
