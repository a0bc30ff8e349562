using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.News.Data;

namespace Network.Modules.News.Services;

public enum NewsFeedFormat { Rss, Atom }

/// <summary>
/// The RSS 2.0 and Atom 1.0 feeds of the news (<c>/actualites/rss.xml</c>, <c>/actualites/atom.xml</c>, optionally
/// filtered by <c>?mot-cle=</c>): the latest items of the tenant's cached list (on the hub, the regions' shared
/// news with their region), with absolute links, stable ids (tag: URIs of the original item, the same in the region's
/// feed and the hub's) and the sanitized body as HTML. The document is built once per list state and answered with
/// an ETag and Last-Modified, so readers polling an unchanged feed get 304 without any work.
/// </summary>
public sealed class NewsFeed(ContentListCache cache, NewsType type, SafeMarkdown markdown)
{
    public const int ItemCount = 20;
    public const string RssPath = "/actualites/rss.xml";
    public const string AtomPath = "/actualites/atom.xml";
    public const string TagParameter = "mot-cle";

    private const string AtomNamespace = "http://www.w3.org/2005/Atom";
    private const string ContentNamespace = "http://purl.org/rss/1.0/modules/content/";
    private const string DublinCoreNamespace = "http://purl.org/dc/elements/1.1/";

    // The last document of each (tenant, format, tag), reused while its ETag is still the current one.
    private readonly ConcurrentDictionary<(string Tenant, NewsFeedFormat Format, string Tag), (string ETag, byte[] Body)> _documents = new();

    public static string MediaType(NewsFeedFormat format) => format == NewsFeedFormat.Rss ? "application/rss+xml" : "application/atom+xml";

    public static string PathOf(NewsFeedFormat format) => format == NewsFeedFormat.Rss ? RssPath : AtomPath;

    public async Task<IResult> AnswerAsync(HttpContext http, NewsFeedFormat format, ContentDbContext db, TenantContext tenantContext, TenantCatalog catalog, TenantUrls urls)
    {
        var tenant = tenantContext.Required;
        var snapshot = await cache.GetAsync(db, tenant.Name, type, http.RequestAborted);
        var tag = ((string?)http.Request.Query[TagParameter] ?? "").Trim();
        // On the hub: the regions' shared news (copies) and the hub's own.
        var cards = snapshot.Items
            .Where(c => tag.Length == 0 || c.Facets[NewsType.TagFacet].Contains(tag, StringComparer.Ordinal))
            .Take(ItemCount).ToList();
        if (tag.Length > 0 && !snapshot.Items.Any(c => c.Facets[NewsType.TagFacet].Contains(tag, StringComparer.Ordinal)))
            return Results.NotFound();

        var origin = http.Request.Scheme + "://" + http.Request.Host.ToUriComponent();
        var lastModified = cards.Count == 0 ? DateTime.UnixEpoch : cards.Max(c => c.Item.UpdatedUtc > (c.Item.PublishedUtc ?? c.Item.UpdatedUtc) ? c.Item.UpdatedUtc : c.Item.PublishedUtc!.Value);
        lastModified = DateTime.SpecifyKind(lastModified, DateTimeKind.Utc);
        var etag = ETagOf(format, origin + http.Request.PathBase, tag, tenant, cards);

        var headers = http.Response.GetTypedHeaders();
        headers.ETag = new EntityTagHeaderValue(etag);
        headers.LastModified = new DateTimeOffset(lastModified.AddTicks(-(lastModified.Ticks % TimeSpan.TicksPerSecond)));
        http.Response.Headers.CacheControl = "public, max-age=300";
        if (NotModified(http.Request, etag, lastModified)) return Results.StatusCode(StatusCodes.Status304NotModified);

        var key = (tenant.Name, format, tag);
        if (!_documents.TryGetValue(key, out var cached) || cached.ETag != etag)
        {
            var body = format == NewsFeedFormat.Rss
                ? Rss(http, tenant, catalog, urls, cards, tag, lastModified)
                : Atom(http, tenant, catalog, urls, cards, tag, lastModified);
            cached = (etag, body);
            _documents[key] = cached;
        }
        return Results.Bytes(cached.Body, MediaType(format) + "; charset=utf-8");
    }

    /// <summary>Changes with every item shown (id, version), the filter, the format and the address it is served at.</summary>
    private static string ETagOf(NewsFeedFormat format, string baseUrl, string tag, TenantInfo tenant, IReadOnlyList<ContentCard> cards)
    {
        var text = new StringBuilder().Append(format).Append('|').Append(baseUrl).Append('|').Append(tag).Append('|').Append(tenant.DisplayName);
        foreach (var card in cards) text.Append('|').Append(card.Item.Id).Append(':').Append(card.Item.Version).Append(':').Append(card.Item.OriginTenant);
        return "\"" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..32].ToLowerInvariant() + "\"";
    }

    private static bool NotModified(HttpRequest request, string etag, DateTime lastModified)
    {
        var ifNoneMatch = request.GetTypedHeaders().IfNoneMatch;
        if (ifNoneMatch is { Count: > 0 })
            return ifNoneMatch.Any(e => e.Equals(EntityTagHeaderValue.Any) || e.Tag.Equals(etag, StringComparison.Ordinal));
        return request.GetTypedHeaders().IfModifiedSince is { } since && lastModified <= since.UtcDateTime.AddSeconds(1);
    }

    /// <summary>One item as both formats need it.</summary>
    private sealed record Entry(string Title, string Url, string Id, DateTime Published, DateTime Updated, string Author, string Summary, string Html, IReadOnlyList<(string Term, string Label)> Categories, string? Region);

    private Entry? EntryOf(HttpContext http, TenantInfo tenant, TenantCatalog catalog, TenantUrls urls, ContentCard card)
    {
        var item = card.Item;
        var fields = card.FieldsAs<NewsFields>();
        var owner = tenant;
        string? region = null;
        if (item.OriginTenant is { } originName)
        {
            if (catalog.Find(originName) is not { } origin) return null;
            owner = origin;
            region = origin.DisplayName;
        }
        var url = urls.Absolute(owner, type.PublicUrl(item.Slug));
        var root = urls.Absolute(owner, "/").TrimEnd('/');
        var html = markdown.Render(fields.Body, root, "site externe").ToHtmlString();
        var published = DateTime.SpecifyKind(item.PublishedUtc ?? item.CreatedUtc, DateTimeKind.Utc);
        var updated = DateTime.SpecifyKind(item.UpdatedUtc > published ? item.UpdatedUtc : published, DateTimeKind.Utc);
        // The original item's identity: the same id in the region's feed and in the hub's, whatever the address becomes.
        var host = new Uri(url).Host;
        var id = $"tag:{host},{DateTime.SpecifyKind(item.CreatedUtc, DateTimeKind.Utc):yyyy-MM-dd}:{owner.Name}/actualites/{item.OriginId ?? item.Id}";
        var categories = fields.Tags.Select(t => (NewsType.TagValue(t), t)).ToList();
        var title = region is null ? item.Title : $"[{region}] {item.Title}";
        return new Entry(title, url, id, published, updated, NewsType.AuthorOf(item, fields), item.Summary, html, categories, region);
    }

    private string FeedTitle(TenantInfo tenant, string tag, IReadOnlyList<Entry> entries)
    {
        var title = $"Actualités – {tenant.SiteName}";
        if (tag.Length == 0) return title;
        var label = entries.SelectMany(e => e.Categories).FirstOrDefault(c => c.Term == tag).Label ?? tag;
        return $"{title} – mot-clé « {label} »";
    }

    private byte[] Rss(HttpContext http, TenantInfo tenant, TenantCatalog catalog, TenantUrls urls, IReadOnlyList<ContentCard> cards, string tag, DateTime lastModified)
    {
        var entries = cards.Select(c => EntryOf(http, tenant, catalog, urls, c)).OfType<Entry>().ToList();
        var query = tag.Length == 0 ? "" : $"?{TagParameter}={Uri.EscapeDataString(tag)}";
        return Write(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, AtomNamespace);
            writer.WriteAttributeString("xmlns", "content", null, ContentNamespace);
            writer.WriteAttributeString("xmlns", "dc", null, DublinCoreNamespace);
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", FeedTitle(tenant, tag, entries));
            writer.WriteElementString("link", urls.Absolute(tenant, type.PublicPath + query));
            writer.WriteElementString("description", tenant.IsHub
                ? "Les actualités partagées par les régions du réseau."
                : $"Les dernières actualités de {tenant.DisplayName}.");
            writer.WriteElementString("language", "fr");
            writer.WriteElementString("lastBuildDate", Rfc822(lastModified));
            writer.WriteElementString("generator", "Réseau");
            writer.WriteStartElement("atom", "link", AtomNamespace);
            writer.WriteAttributeString("href", urls.Absolute(tenant, RssPath + query));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", MediaType(NewsFeedFormat.Rss));
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
    }

    private byte[] Atom(HttpContext http, TenantInfo tenant, TenantCatalog catalog, TenantUrls urls, IReadOnlyList<ContentCard> cards, string tag, DateTime lastModified)
    {
        var entries = cards.Select(c => EntryOf(http, tenant, catalog, urls, c)).OfType<Entry>().ToList();
        var query = tag.Length == 0 ? "" : $"?{TagParameter}={Uri.EscapeDataString(tag)}";
        var self = urls.Absolute(tenant, AtomPath + query);
        return Write(writer =>
        {
            writer.WriteStartElement("feed", AtomNamespace);
            writer.WriteAttributeString("xml", "lang", null, "fr");
            writer.WriteElementString("title", AtomNamespace, FeedTitle(tenant, tag, entries));
            writer.WriteElementString("subtitle", AtomNamespace, tenant.IsHub
                ? "Les actualités partagées par les régions du réseau."
                : $"Les dernières actualités de {tenant.DisplayName}.");
            writer.WriteElementString("id", AtomNamespace, self);
            writer.WriteElementString("updated", AtomNamespace, Rfc3339(lastModified));
            Link(writer, "self", MediaType(NewsFeedFormat.Atom), self);
            Link(writer, "alternate", "text/html", urls.Absolute(tenant, type.PublicPath + query));
            writer.WriteStartElement("author", AtomNamespace);
            writer.WriteElementString("name", AtomNamespace, tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName);
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
                if (entry.Region is not null) Category(writer, Slug(entry.Region), entry.Region, "region");
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

    private static string Slug(string text) => Slugs.FromTitle(text);

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

    /// <summary>RFC 822 (RFC 1123 form) in GMT, as RSS 2.0 requires.</summary>
    public static string Rfc822(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);

    /// <summary>RFC 3339 in UTC, as Atom requires.</summary>
    public static string Rfc3339(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

internal static class HtmlContentText
{
    public static string ToHtmlString(this Microsoft.AspNetCore.Html.IHtmlContent content)
    {
        using var writer = new StringWriter();
        content.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }
}
