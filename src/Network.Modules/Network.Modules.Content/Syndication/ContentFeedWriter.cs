using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Network.Core.Hosting;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;

namespace Network.Modules.Content.Syndication;

/// <summary>
/// The RSS 2.0 and Atom 1.0 feeds of every content type (<see cref="ContentFeedDefinition"/>): the latest items of the
/// tenant's cached list (on the hub, the regions' shared items with their region), with absolute links, stable ids
/// (tag: URIs of the original item, the same in the region's feed and the hub's) and the sanitized text as HTML. The
/// document is built once per list state and answered with an ETag and Last-Modified, so readers polling an unchanged
/// feed get 304 without any work.
/// </summary>
public sealed class ContentFeedWriter(ContentListCache cache, SafeMarkdown markdown)
{
    public const int ItemCount = 20;

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    // The last document of each (tenant, type, format, filter), reused while its ETag is still the current one.
    private readonly ConcurrentDictionary<(string Tenant, string Type, ContentFeedFormat Format, string Filter), (string ETag, byte[] Body)> _documents = new();

    public async Task<IResult> AnswerAsync(HttpContext http, ContentFeedDefinition feed, ContentFeedFormat format, ContentDbContext db,
        TenantContext tenantContext, TenantCatalog catalog, TenantUrls urls)
    {
        var tenant = tenantContext.Required;
        var snapshot = await cache.GetAsync(db, tenant.Name, feed.Type, http.RequestAborted);
        var filter = feed.Filter is { } typeFilter ? ((string?)http.Request.Query[typeFilter.Parameter] ?? "").Trim() : "";
        bool Matches(ContentCard card) => filter.Length == 0 || card.Facets[feed.Filter!.Facet].Contains(filter, StringComparer.Ordinal);
        // On the hub: the regions' shared items (copies) and the hub's own.
        var cards = snapshot.Items.Where(Matches).Take(ItemCount).ToList();
        if (filter.Length > 0 && cards.Count == 0) return Results.NotFound();

        var origin = http.Request.Scheme + "://" + http.Request.Host.ToUriComponent();
        var lastModified = cards.Count == 0 ? DateTime.UnixEpoch : cards.Max(c => Updated(c.Item));
        var etag = ETagOf(feed, format, origin + http.Request.PathBase, filter, tenant, cards);

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(etag);
        headers.LastModified = new DateTimeOffset(lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond)));
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (ConditionalGet.NotModified(http.Request, etag, lastModified)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var key = (tenant.Name, feed.Type.Name, format, filter);
        if (!_documents.TryGetValue(key, out var cached) || cached.ETag != etag)
        {
            var entries = cards.Select(c => EntryOf(feed, tenant, catalog, urls, c)).OfType<Entry>().ToList();
            var query = feed.FilterQuery(filter);
            var title = feed.Title(tenant);
            if (filter.Length > 0)
                title += $" – {feed.FilterName} « {entries.SelectMany(e => e.Categories).FirstOrDefault(c => c.Term == filter).Label ?? filter} »";
            var channel = new Channel(title, feed.Description(tenant), urls.Absolute(tenant, feed.Type.PublicPath + query),
                urls.Absolute(tenant, feed.PathOf(format) + query), tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName, lastModified);
            cached = (etag, format == ContentFeedFormat.Rss ? Rss(channel, entries) : Atom(channel, entries));
            _documents[key] = cached;
        }
        return Results.Bytes(cached.Body, ContentFeedDefinition.MediaType(format) + "; charset=utf-8");
    }

    /// <summary>When the item last changed as the feed shows it (its publication, or a later edit), in UTC.</summary>
    public static DateTime Updated(ContentItem item)
    {
        var published = item.PublishedUtc ?? item.CreatedUtc;
        return DateTime.SpecifyKind(item.UpdatedUtc > published ? item.UpdatedUtc : published, DateTimeKind.Utc);
    }

    /// <summary>Changes with every item shown (id, version), the filter, the format and the address it is served at.</summary>
    private static string ETagOf(ContentFeedDefinition feed, ContentFeedFormat format, string baseUrl, string filter, TenantInfo tenant, IReadOnlyList<ContentCard> cards)
    {
        var text = new StringBuilder().Append(feed.Type.Name).Append('|').Append(format).Append('|').Append(baseUrl).Append('|').Append(filter)
            .Append('|').Append(tenant.DisplayName).Append('|').Append(tenant.SiteName);
        foreach (var card in cards) text.Append('|').Append(card.Item.Id).Append(':').Append(card.Item.Version).Append(':').Append(card.Item.OriginTenant);
        return ConditionalGet.ETagOf(text.ToString());
    }

    private sealed record Channel(string Title, string Description, string Link, string Self, string Publisher, DateTime Updated);

    /// <summary>One item as both formats need it.</summary>
    private sealed record Entry(string Title, string Url, string Id, DateTime Published, DateTime Updated, string Author, string Summary, string Html,
        IReadOnlyList<(string Term, string Label)> Categories, string? Region);

    private Entry? EntryOf(ContentFeedDefinition feed, TenantInfo tenant, TenantCatalog catalog, TenantUrls urls, ContentCard card)
    {
        var item = card.Item;
        var owner = tenant;
        string? region = null;
        if (item.OriginTenant is { } originName)
        {
            if (catalog.Find(originName) is not { } origin) return null;
            owner = origin;
            region = origin.DisplayName;
        }
        var parts = feed.PartsOf(card, owner);
        var url = urls.Absolute(owner, feed.Type.PublicUrl(item.Slug));
        var root = urls.Absolute(owner, "/").TrimEnd('/');
        var html = ToHtml(markdown.Render(parts.Markdown, root, "site externe"));
        var published = DateTime.SpecifyKind(item.PublishedUtc ?? item.CreatedUtc, DateTimeKind.Utc);
        var title = region is null ? item.Title : $"[{region}] {item.Title}";
        return new Entry(title, url, IdOf(feed, owner, item, new Uri(url).Host), published, Updated(item), parts.Author, item.Summary, html, parts.Categories, region);
    }

    /// <summary>
    /// The original item's identity as a tag: URI (RFC 4151): the same id in the region's feed and in the hub's (a copy
    /// carries its origin), whatever the item's address becomes.
    /// </summary>
    public static string IdOf(ContentFeedDefinition feed, TenantInfo owner, ContentItem item, string host)
        => $"tag:{host},{DateTime.SpecifyKind(item.CreatedUtc, DateTimeKind.Utc):yyyy-MM-dd}:{owner.Name}{feed.Type.PublicPath}/{item.OriginId ?? item.Id}";

    private static byte[] Rss(Channel channel, IReadOnlyList<Entry> entries) => Write(writer =>
    {
        writer.WriteStartElement("rss");
        writer.WriteAttributeString("version", "2.0");
        writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
        writer.WriteAttributeString("xmlns", "content", null, ContentNamespace);
        writer.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
        writer.WriteStartElement("channel");
        writer.WriteElementString("title", channel.Title);
        writer.WriteElementString("link", channel.Link);
        writer.WriteElementString("description", channel.Description);
        writer.WriteElementString("language", "fr");
        writer.WriteElementString("lastBuildDate", Rfc822(channel.Updated));
        writer.WriteElementString("generator", "Réseau");
        writer.WriteStartElement("atom", "link", AtomNamespace);
        writer.WriteAttributeString("href", channel.Self);
        writer.WriteAttributeString("rel", "self");
        writer.WriteAttributeString("type", ContentFeedDefinition.MediaType(ContentFeedFormat.Rss));
        writer.WriteEndElement();
        foreach (var entry in entries)
        {
            writer.WriteStartElement("item");
            writer.WriteElementString("title", entry.Title);
            writer.WriteElementString("link", entry.Url);
            writer.WriteStartElement("guid");
            writer.WriteAttributeString("isPermaLink", "false");
            writer.WriteString(entry.Id);
            writer.WriteEndElement();
            writer.WriteElementString("pubDate", Rfc822(entry.Published));
            writer.WriteElementString("dc", "creator", DublinCoreNamespace, entry.Author);
            if (entry.Region is not null)
            {
                writer.WriteStartElement("category");
                writer.WriteAttributeString("domain", "region");
                writer.WriteString(entry.Region);
                writer.WriteEndElement();
            }
            foreach (var (_, label) in entry.Categories) writer.WriteElementString("category", label);
            writer.WriteElementString("description", entry.Summary);
            writer.WriteStartElement("content", "encoded", ContentNamespace);
            // CDATA cannot hold "]]>": split it across two sections.
            var parts = entry.Html.Split("]]>");
            for (var i = 0; i < parts.Length; i++) writer.WriteCData(i < parts.Length - 1 ? parts[i] + "]]" : (i > 0 ? ">" : "") + parts[i]);
            writer.WriteEndElement();
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
        writer.WriteEndElement();
    });

    private static byte[] Atom(Channel channel, IReadOnlyList<Entry> entries)
    {
        return Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, "fr");
            writer.WriteElementString("title", AtomNamespace, channel.Title);
            writer.WriteElementString("subtitle", AtomNamespace, channel.Description);
            writer.WriteElementString("id", AtomNamespace, channel.Self);
            writer.WriteElementString("updated", AtomNamespace, Rfc3339(channel.Updated));
            Link(writer, "self", ContentFeedDefinition.MediaType(ContentFeedFormat.Atom), channel.Self);
            Link(writer, "alternate", "text/html", channel.Link);
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, channel.Publisher);
            writer.WriteEndElement();
            writer.WriteElementString("generator", AtomNamespace, "Réseau");
            foreach (var entry in entries)
            {
                writer.WriteStartElement("entry", AtomNamespace);
                writer.WriteElementString("title", AtomNamespace, entry.Title);
                writer.WriteElementString("id", AtomNamespace, entry.Id);
                Link(writer, "alternate", "text/html", entry.Url);
                writer.WriteElementString("published", AtomNamespace, Rfc3339(entry.Published));
                writer.WriteElementString("updated", AtomNamespace, Rfc3339(entry.Updated));
                writer.WriteStartElement("author", AtomNamespace);
                writer.WriteElementString("name", AtomNamespace, entry.Author);
                writer.WriteEndElement();
                if (entry.Region is not null) Category(writer, Slugs.FromTitle(entry.Region), entry.Region, "region");
                foreach (var (term, label) in entry.Categories) Category(writer, term, label, null);
                writer.WriteStartElement("summary", AtomNamespace);
                writer.WriteAttributeString("type", "text");
                writer.WriteString(entry.Summary);
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNamespace);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(entry.Html);
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });

        static void Link(XmlWriter writer, string rel, string mediaType, string href)
        {
            writer.WriteStartElement("link", AtomNamespace);
            writer.WriteAttributeString("rel", rel);
            writer.WriteAttributeString("type", mediaType);
            writer.WriteAttributeString("href", href);
            writer.WriteEndElement();
        }

        static void Category(XmlWriter writer, string term, string label, string? scheme)
        {
            writer.WriteStartElement("category", AtomNamespace);
            writer.WriteAttributeString("term", term);
            writer.WriteAttributeString("label", label);
            if (scheme is not null) writer.WriteAttributeString("scheme", scheme);
            writer.WriteEndElement();
        }
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    private static string ToHtml(Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    /// <summary>RFC 822 (RFC 1123 form) in GMT, as RSS 2.0 requires.</summary>
    public static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC, as Atom and schema.org dates use.</summary>
    public static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
