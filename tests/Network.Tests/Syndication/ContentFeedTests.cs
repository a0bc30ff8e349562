using System.Globalization;
using System.Net;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Syndication.SyndicationTestKit;

namespace Network.Tests.Syndication;

/// <summary>
/// The RSS 2.0 and Atom 1.0 feeds of every content type (the Content module's one writer; the news' own tests cover the
/// tag filter and the escaping): valid XML with the elements each specification requires, RFC 822 and RFC 3339 dates,
/// absolute links, drafts left out, at most 20 items, 304 for the current ETag, the hub's feed carrying the regions'
/// shared items under the same ids, and the discovery links in the pages' heads.
/// </summary>
public sealed class ContentFeedTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static TheoryData<string> Kinds() => new(FeedKinds);

    private static async Task<XDocument> FeedAsync(HttpClient client, string url, string mediaType)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    private static void AssertAbsolute(string? url) => Assert.True(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", $"not absolute: {url}");

    private static void AssertRfc822(string? value) => Assert.True(DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.None, out _), $"not RFC 822: {value}");

    private static void AssertRfc3339(string? value)
        => Assert.True(DateTimeOffset.TryParseExact(value, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), $"not RFC 3339: {value}");

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_rss_feed_is_valid_rss_2_with_the_published_items_only(string kind)
    {
        var title = Unique("Publié & <visible>");
        var item = await factory.ItemAsync(Region, kind, title);
        var draft = Unique("Brouillon");
        await factory.ItemAsync(Region, kind, draft, publish: false);

        var document = await FeedAsync(factory.CreateClient(), $"/{Region}{kind}/rss.xml", "application/rss+xml");
        var rss = document.Root!;
        Assert.Equal("rss", rss.Name.LocalName);
        Assert.Equal("2.0", rss.Attribute("version")!.Value);
        var channel = rss.Element("channel")!;
        foreach (var required in new[] { "title", "link", "description" }) Assert.False(string.IsNullOrWhiteSpace(channel.Element(required)?.Value), required);
        AssertAbsolute(channel.Element("link")!.Value);
        AssertRfc822(channel.Element("lastBuildDate")!.Value);
        AssertAbsolute(channel.Element(Atom + "link")!.Attribute("href")!.Value);
        Assert.EndsWith($"/{Region}{kind}/rss.xml", channel.Element(Atom + "link")!.Attribute("href")!.Value);

        var items = channel.Elements("item").ToList();
        Assert.InRange(items.Count, 1, 20);
        foreach (var entry in items)
        {
            Assert.False(string.IsNullOrWhiteSpace(entry.Element("title")?.Value));
            AssertAbsolute(entry.Element("link")?.Value);
            Assert.StartsWith("tag:", entry.Element("guid")!.Value);
            AssertRfc822(entry.Element("pubDate")?.Value);
        }
        var mine = items.Single(i => i.Element("title")!.Value == title);
        Assert.Equal($"/{Region}{kind}/{item.Slug}", new Uri(mine.Element("link")!.Value).AbsolutePath);
        Assert.EndsWith($":{Region}{kind}/{item.Id}", mine.Element("guid")!.Value);
        Assert.DoesNotContain(items, i => i.Element("title")!.Value == draft);
        Assert.Contains("Publié &amp; &lt;visible&gt;", await (await factory.CreateClient().GetAsync($"/{Region}{kind}/rss.xml")).Content.ReadAsStringAsync());
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_atom_feed_has_what_rfc_4287_requires(string kind)
    {
        var title = Unique("Entrée Atom");
        var item = await factory.ItemAsync(Region, kind, title);
        var draft = Unique("Brouillon Atom");
        await factory.ItemAsync(Region, kind, draft, publish: false);

        var feed = (await FeedAsync(factory.CreateClient(), $"/{Region}{kind}/atom.xml", "application/atom+xml")).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + required)?.Value), required);
        AssertRfc3339(feed.Element(Atom + "updated")!.Value);
        Assert.False(string.IsNullOrWhiteSpace(feed.Element(Atom + "author")?.Element(Atom + "name")?.Value));
        AssertAbsolute(feed.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "self").Attribute("href")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.InRange(entries.Count, 1, 20);
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated" }) Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value), required);
            AssertRfc3339(entry.Element(Atom + "updated")!.Value);
            AssertRfc3339(entry.Element(Atom + "published")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + "author")?.Element(Atom + "name")?.Value));
            AssertAbsolute(entry.Elements(Atom + "link").Single(l => l.Attribute("rel")!.Value == "alternate").Attribute("href")!.Value);
            Assert.Equal("html", entry.Element(Atom + "content")!.Attribute("type")!.Value);
        }
        var mine = entries.Single(e => e.Element(Atom + "title")!.Value == title);
        Assert.EndsWith($"/{Region}{kind}/{item.Slug}", mine.Elements(Atom + "link").Single().Attribute("href")!.Value);
        Assert.DoesNotContain(entries, e => e.Element(Atom + "title")!.Value == draft);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task A_reader_with_the_current_etag_gets_304_until_an_item_changes(string kind)
    {
        await factory.ItemAsync(Region, kind, Unique("Premier"));
        var client = factory.CreateClient();
        foreach (var file in new[] { "rss.xml", "atom.xml" })
        {
            var path = $"/{Region}{kind}/{file}";
            var first = await client.GetAsync(path);
            var etag = first.Headers.ETag!;
            Assert.NotNull(first.Content.Headers.LastModified);

            var again = new HttpRequestMessage(HttpMethod.Get, path);
            again.Headers.IfNoneMatch.Add(etag);
            var notModified = await client.SendAsync(again);
            Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
            Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

            var since = new HttpRequestMessage(HttpMethod.Get, path);
            since.Headers.IfModifiedSince = first.Content.Headers.LastModified;
            Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(since)).StatusCode);

            await factory.ItemAsync(Region, kind, Unique("Suivant"));
            var changed = new HttpRequestMessage(HttpMethod.Get, path);
            changed.Headers.IfNoneMatch.Add(etag);
            var fresh = await client.SendAsync(changed);
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
            Assert.NotEqual(etag, fresh.Headers.ETag);
        }
    }

    [Fact]
    public async Task A_feed_holds_at_most_twenty_items_newest_first()
    {
        var titles = new List<string>();
        for (var i = 0; i < 22; i++) titles.Add((await factory.ItemAsync("nouvelle-aquitaine", "/pratiques", Unique($"Pratique {i:00}"))).Title);
        var channel = (await FeedAsync(factory.CreateClient(), "/nouvelle-aquitaine/pratiques/rss.xml", "application/rss+xml")).Root!.Element("channel")!;
        var shown = channel.Elements("item").Select(i => i.Element("title")!.Value).ToList();
        Assert.Equal(20, shown.Count);
        Assert.Equal(titles[^1], shown[0]);
        Assert.DoesNotContain(titles[0], shown);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_hub_feed_carries_the_regions_shared_items_with_their_region_and_the_same_id(string kind)
    {
        var title = Unique("Partagé");
        var item = await factory.ItemAsync("nouvelle-aquitaine", kind, title);
        var kept = Unique("Gardé en région");
        await factory.ItemAsync("nouvelle-aquitaine", kind, kept, shared: false);
        await factory.DrainAsync("nouvelle-aquitaine");

        var hub = (await FeedAsync(factory.CreateClient(), $"{kind}/rss.xml", "application/rss+xml")).Root!.Element("channel")!;
        var entry = hub.Elements("item").Single(i => i.Element("title")!.Value.Contains(title));
        Assert.Equal($"[Nouvelle-Aquitaine] {title}", entry.Element("title")!.Value);
        Assert.Contains(entry.Elements("category"), c => c.Attribute("domain")?.Value == "region" && c.Value == "Nouvelle-Aquitaine");
        Assert.EndsWith($"/nouvelle-aquitaine{kind}/{item.Slug}", entry.Element("link")!.Value);
        Assert.DoesNotContain(hub.Elements("item"), i => i.Element("title")!.Value.Contains(kept));

        var regional = (await FeedAsync(factory.CreateClient(), $"/nouvelle-aquitaine{kind}/rss.xml", "application/rss+xml")).Root!.Element("channel")!;
        Assert.Equal(regional.Elements("item").Single(i => i.Element("title")!.Value == title).Element("guid")!.Value, entry.Element("guid")!.Value);

        var atom = (await FeedAsync(factory.CreateClient(), $"{kind}/atom.xml", "application/atom+xml")).Root!;
        Assert.Contains(atom.Elements(Atom + "entry"), e => e.Element(Atom + "id")!.Value == entry.Element("guid")!.Value);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task The_list_and_detail_pages_announce_their_feeds_in_the_head(string kind)
    {
        var item = await factory.ItemAsync(Region, kind, Unique("Annoncé"));
        var parser = new HtmlParser();
        foreach (var page in new[] { $"/{Region}{kind}", $"/{Region}{kind}/{item.Slug}" })
        {
            var document = parser.ParseDocument(await factory.CreateClient().GetStringAsync(page));
            var links = document.Head!.QuerySelectorAll("link[rel='alternate']").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
            Assert.Contains(("application/rss+xml", $"/{Region}{kind}/rss.xml"), links);
            Assert.Contains(("application/atom+xml", $"/{Region}{kind}/atom.xml"), links);
            Assert.All(document.Head.QuerySelectorAll("link[rel='alternate']"), l => Assert.False(string.IsNullOrWhiteSpace(l.GetAttribute("title"))));
        }
        // Another type's pages do not announce this type's feeds.
        var other = kind == "/projets" ? "/pratiques" : "/projets";
        var elsewhere = parser.ParseDocument(await factory.CreateClient().GetStringAsync($"/{Region}{other}"));
        Assert.Empty(elsewhere.Head!.QuerySelectorAll($"link[href='/{Region}{kind}/rss.xml']"));
    }

    [Fact]
    public async Task A_disabled_module_has_no_feed_and_no_link()
    {
        var manager = factory.Service<Network.Core.Tenancy.TenantManager>();
        await manager.DisableFeatureAsync("nouvelle-aquitaine", "Events");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/nouvelle-aquitaine/evenements/rss.xml")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/nouvelle-aquitaine/evenements/atom.xml")).StatusCode);
        }
        finally
        {
            await manager.EnableFeatureAsync("nouvelle-aquitaine", "Events");
        }
    }

    [Fact]
    public async Task Hostile_query_strings_change_nothing_and_an_unknown_filter_is_404()
    {
        await factory.ItemAsync(Region, "/pratiques", Unique("Filtrée"));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Region}/projets/rss.xml?mot-cle=x&page=-1&%00=1")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}/pratiques/rss.xml?mot-cle=" + new string('z', 5000))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Region}/pratiques/atom.xml?mot-cle=mediation")).StatusCode);
    }
}
