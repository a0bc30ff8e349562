using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Xml.Linq;
using Network.Modules.News.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.News.NewsTestKit;

namespace Network.Tests.News;

/// <summary>
/// The RSS 2.0 and Atom 1.0 feeds, parsed as XML and checked against the elements each specification requires
/// (RSS 2.0: channel title, link, description; item title or description. RFC 4287: feed id, title, updated, author;
/// entry id, title, updated, alternate link), with absolute links and well-formed dates.
/// </summary>
public sealed class NewsFeedTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace ContentNs = "http://purl.org/rss/1.0/modules/content/";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";

    private static async Task<(HttpResponseMessage Response, XDocument Document)> GetFeedAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Parsing fails on anything not well-formed.
        return (response, XDocument.Parse(await response.Content.ReadAsStringAsync()));
    }

    private static void AssertAbsolute(string? url) => Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"not absolute: {url}");

    [Fact]
    public async Task The_rss_feed_is_valid_rss_2_with_absolute_links_rfc_822_dates_escaped_titles_and_the_body_as_html()
    {
        var tag = Tag();
        var title = Unique("Ateliers & rencontres <numériques>");
        var item = await factory.PublishedNewsAsync(Region, title, new NewsFields { Body = "Un **atelier** sur [la médiation](/projets).\n\n<script>alert(1)</script> ]]> fin", Tags = [tag, "Médiation"], Signature = "Service communication de la DRAC" });
        var (response, document) = await GetFeedAsync(factory.CreateClient(), "/hauts-de-france/actualites/rss.xml");
        Assert.Equal("application/rss+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);

        var rss = document.Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("title")?.Value));
        Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")?.Value));
        AssertAbsolute(channel.Element("link")?.Value);
        Assert.Equal("self", channel.Element(Atom + "link")!.Attribute("rel")!.Value);
        AssertAbsolute(channel.Element(Atom + "link")!.Attribute("href")!.Value);
        var items = channel.Elements("item").ToList();
        Assert.InRange(items.Count, 1, 20);
        foreach (var entry in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element("title")?.Value));
            AssertAbsolute(entry.Element("link")?.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element("guid")?.Value));
            Assert.True(DateTimeOffset.TryParseExact(entry.Element("pubDate")!.Value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _));
        }

        var mine = items.Single(i => i.Element("title")!.Value == title);
        Assert.Equal($"/hauts-de-france/actualites/{item.Slug}", new Uri(mine.Element("link")!.Value).AbsolutePath);
        Assert.StartsWith("tag:", mine.Element("guid")!.Value);
        Assert.Equal("Service communication de la DRAC", mine.Element(Dc + "creator")!.Value);
        Assert.Contains(tag, mine.Elements("category").Select(c => c.Value));
        Assert.Equal("Le chapô de l'actualité.", mine.Element("description")!.Value);
        var html = mine.Element(ContentNs + "encoded")!.Value;
        Assert.Contains("<strong>atelier</strong>", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("]]&gt; fin", html);
        // Links inside the body are absolute too.
        Assert.Contains("href=\"http://localhost/hauts-de-france/projets\"", html);
        var raw = await response.Content.ReadAsStringAsync();
        Assert.Contains("Ateliers &amp; rencontres &lt;numériques&gt;", raw);
    }

    [Fact]
    public async Task The_atom_feed_has_the_elements_rfc_4287_requires_and_honours_the_tag_filter()
    {
        var tag = Tag();
        var title = Unique("Appel Cultures connectées & <résultats>");
        var item = await factory.PublishedNewsAsync(Region, title, Fields("Texte **gras**.", tag));
        await factory.PublishedNewsAsync(Region, Unique("Sans ce mot-clé"));
        var (response, document) = await GetFeedAsync(factory.CreateClient(), $"/hauts-de-france/actualites/atom.xml?mot-cle={tag}");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);

        var feed = document.Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        Assert.NotNull(feed.Element(Atom + "author")?.Element(Atom + "name"));
        AssertAbsolute(feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value);
        Assert.True(DateTimeOffset.TryParseExact(feed.Element(Atom + "updated")!.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _));

        var entry = Assert.Single(feed.Elements(Atom + "entry"));
        Assert.Equal(title, entry.Element(Atom + "title")!.Value);
        Assert.StartsWith("tag:", entry.Element(Atom + "id")!.Value);
        foreach (var date in new[] { "updated", "published" })
            Assert.True(DateTimeOffset.TryParseExact(entry.Element(Atom + date)!.Value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), date);
        var link = entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value;
        AssertAbsolute(link);
        Assert.EndsWith($"/hauts-de-france/actualites/{item.Slug}", link);
        Assert.Equal(tag, entry.Element(Atom + "category")!.Attribute("term")!.Value);
        Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        Assert.Contains("<strong>gras</strong>", entry.Element(Atom + "content")!.Value);
        Assert.Equal("Le chapô de l'actualité.", entry.Element(Atom + "summary")!.Value);

        // The RSS feed filters the same way; an unknown tag has no feed.
        var (_, rss) = await GetFeedAsync(factory.CreateClient(), $"/hauts-de-france/actualites/rss.xml?mot-cle={tag}");
        Assert.Single(rss.Root!.Element("channel")!.Elements("item"));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/hauts-de-france/actualites/rss.xml?mot-cle=inconnu-" + Guid.NewGuid().ToString("N"))).StatusCode);
    }

    [Fact]
    public async Task A_reader_with_the_current_etag_gets_304_and_a_new_article_changes_it()
    {
        await factory.PublishedNewsAsync(Region, Unique("Première"));
        var client = factory.CreateClient();
        foreach (var path in new[] { "/hauts-de-france/actualites/rss.xml", "/hauts-de-france/actualites/atom.xml" })
        {
            var first = await client.GetAsync(path);
            var etag = first.Headers.ETag!;
            Assert.NotNull(first.Content.Headers.LastModified);

            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            await factory.PublishedNewsAsync(Region, Unique("Nouvelle"));
            var changed = new HttpRequestMessage(HttpMethod.Get, path);
            changed.Headers.IfNoneMatch.Add(etag);
            var fresh = await client.SendAsync(changed);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.NotEqual(etag, fresh.Headers.ETag);
        }
    }

    [Fact]
    public async Task The_hub_feed_aggregates_the_regions_shared_news_with_their_region()
    {
        var title = Unique("Lauréats ADNI");
        var item = await factory.PublishedNewsAsync("nouvelle-aquitaine", title);
        await factory.DrainAsync("nouvelle-aquitaine");
        var (_, rss) = await GetFeedAsync(factory.CreateClient(), "/actualites/rss.xml");
        var entry = rss.Root!.Element("channel")!.Elements("item").Single(i => i.Element("title")!.Value.Contains(title));
        Assert.Equal($"[Nouvelle-Aquitaine] {title}", entry.Element("title")!.Value);
        Assert.Contains(entry.Elements("category"), c => c.Attribute("domain")?.Value == "region" && c.Value == "Nouvelle-Aquitaine");
        Assert.EndsWith($"/nouvelle-aquitaine/actualites/{item.Slug}", entry.Element("link")!.Value);

        // The same article has the same id in its region's feed and in the hub's.
        var (_, regional) = await GetFeedAsync(factory.CreateClient(), "/nouvelle-aquitaine/actualites/rss.xml");
        var original = regional.Root!.Element("channel")!.Elements("item").Single(i => i.Element("title")!.Value == title);
        Assert.Equal(original.Element("guid")!.Value, entry.Element("guid")!.Value);

        var (_, atom) = await GetFeedAsync(factory.CreateClient(), "/actualites/atom.xml");
        Assert.Contains(atom.Root!.Elements(Atom + "entry"), e => e.Element(Atom + "title")!.Value.Contains(title)
            && e.Elements(Atom + "category").Any(c => c.Attribute("label")?.Value == "Nouvelle-Aquitaine"));
    }
}
