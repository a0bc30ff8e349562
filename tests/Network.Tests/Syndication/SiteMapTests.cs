using System.Globalization;
using System.Net;
using System.Xml.Linq;
using Network.Core.Tenancy;
using Network.Tests.Calls;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Pages;
using static Network.Tests.Syndication.SyndicationTestKit;

namespace Network.Tests.Syndication;

/// <summary>
/// <c>/sitemap.xml</c> and <c>/robots.txt</c>: every public page of a tenant (home, lists, every published item, free
/// pages, legal pages, open data) with its lastmod, nothing private (drafts, back office, account, personal links,
/// search results), the hub's index naming the running regions' sitemaps, and files split at the configured size.
/// </summary>
public sealed class SiteMapTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly XNamespace Ns = "http://www.sitemaps.org/schemas/sitemap/0.9";

    internal static async Task<XDocument> XmlAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/xml", response.Content.Headers.ContentType!.MediaType);
        return XDocument.Parse(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The structure the sitemap protocol's schema requires of a urlset: url elements with one absolute loc and at most one W3C-datetime lastmod.</summary>
    internal static IReadOnlyList<(string Loc, string? LastMod)> UrlSet(XDocument document)
    {
        var root = document.Root!;
        Assert.Equal(Ns + "urlset", root.Name);
        Assert.All(root.Elements(), e => Assert.Equal(Ns + "url", e.Name));
        var urls = root.Elements(Ns + "url").Select(u =>
        {
            Assert.All(u.Elements(), e => Assert.Contains(e.Name.LocalName, new[] { "loc", "lastmod" }));
            var loc = Assert.Single(u.Elements(Ns + "loc")).Value;
            Assert.True(Uri.TryCreate(loc, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https", loc);
            Assert.True(loc.Length < 2048);
            var lastmod = u.Elements(Ns + "lastmod").SingleOrDefault()?.Value;
            if (lastmod is not null)
                Assert.True(DateTimeOffset.TryParseExact(lastmod, "yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _), lastmod);
            return (loc, lastmod);
        }).ToList();
        Assert.InRange(urls.Count, 1, 50_000);
        Assert.Equal(urls.Count, urls.Select(u => u.loc).Distinct().Count());
        return urls;
    }

    internal static IReadOnlyList<string> Index(XDocument document)
    {
        Assert.Equal(Ns + "sitemapindex", document.Root!.Name);
        Assert.All(document.Root.Elements(), e => Assert.Equal(Ns + "sitemap", e.Name));
        return document.Root.Elements(Ns + "sitemap").Select(s => Assert.Single(s.Elements(Ns + "loc")).Value).ToList();
    }

    [Fact]
    public async Task A_regions_sitemap_lists_every_public_page_with_lastmod_and_nothing_private()
    {
        var published = new List<(string Path, Network.Modules.Content.Data.ContentItem Item)>();
        var drafts = new List<string>();
        foreach (var kind in FeedKinds)
        {
            published.Add((kind, await factory.ItemAsync(Region, kind, Unique("Plan"))));
            drafts.Add((await factory.ItemAsync(Region, kind, Unique("Caché"), publish: false)).Slug);
        }
        var page = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("Qui sommes-nous")));
        var child = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("Équipe"), parentId: page.Id));
        var draftPage = (await factory.CreateAsync(Region, PageTestKit.Page(Unique("Page brouillon")))).Item!;

        var urls = UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml"));
        var byPath = urls.ToDictionary(u => new Uri(u.Loc).AbsolutePath, u => u.LastMod);
        foreach (var path in new[] { "/", "/projets", "/pratiques", "/appels", "/evenements", "/actualites", "/donnees", "/accessibilite", "/mentions-legales", "/donnees-personnelles", "/contact", "/plan-du-site" })
            Assert.True(byPath.ContainsKey($"/{Region}{(path == "/" ? "/" : path)}"), path);
        foreach (var (kind, item) in published)
        {
            var lastmod = byPath[$"/{Region}{kind}/{item.Slug}"];
            Assert.NotNull(lastmod);
            Assert.True(DateTime.Parse(lastmod!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal) >= item.PublishedUtc!.Value.AddSeconds(-1));
            Assert.NotNull(byPath[$"/{Region}{kind}"]);
        }
        Assert.Contains($"/{Region}/{page.Slug}", byPath.Keys);
        Assert.Contains($"/{Region}/{child.Slug}", byPath.Keys);

        Assert.DoesNotContain(byPath.Keys, p => drafts.Any(d => p.EndsWith("/" + d, StringComparison.Ordinal)) || p.EndsWith("/" + draftPage.Slug, StringComparison.Ordinal));
        foreach (var hidden in new[] { "/admin", "/compte", "/recherche", "/evenements/inscription/", "/candidatures/" })
            Assert.DoesNotContain(byPath.Keys, p => p.StartsWith($"/{Region}{hidden}", StringComparison.Ordinal));
        Assert.DoesNotContain(byPath.Keys, p => p.EndsWith("/inscription", StringComparison.Ordinal) || p.EndsWith("/candidature", StringComparison.Ordinal));
        Assert.All(urls, u => Assert.StartsWith($"http://localhost/{Region}/", u.Loc));
    }

    [Fact]
    public async Task An_archived_item_leaves_the_sitemap()
    {
        var item = await factory.ItemAsync(Region, "/projets", Unique("Archivé bientôt"));
        Assert.Contains(UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml")), u => u.Loc.EndsWith("/projets/" + item.Slug, StringComparison.Ordinal));
        var archived = await Network.Tests.News.NewsTestKit.PerformAsync(factory, Region, item, Network.Modules.Content.Workflow.ContentAction.Archive);
        Assert.True(archived.Succeeded);
        Assert.DoesNotContain(UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml")), u => u.Loc.EndsWith("/projets/" + item.Slug, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_calls_results_page_is_listed_once_its_results_are_published()
    {
        var call = await factory.CreateClosedCallAsync(Region, Unique("Appel aux résultats"));
        var applicant = await factory.PersonAsync(Region, Network.Core.Security.NetworkRoles.Member, "Hélène Lauréate");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, applicant);
        var results = $"http://localhost/{Region}/appels/{call.Item.Slug}/resultats";
        Assert.DoesNotContain(UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml")), u => u.Loc == results);

        await factory.DecideAsync(Region, call, application, Network.Modules.Calls.Data.ApplicationDecision.Accepted, 5_000m);
        Assert.True((await factory.PublishResultsAsync(Region, call)).Succeeded);
        var urls = UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml"));
        Assert.Contains(urls, u => u.Loc == results);
        // Applications, their files and forms are never listed.
        Assert.DoesNotContain(urls, u => u.Loc.Contains("/candidature", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_hub_sitemap_is_an_index_of_its_own_pages_and_the_running_regions_sitemaps()
    {
        var shared = await factory.ItemAsync("nouvelle-aquitaine", "/projets", Unique("Copié au national"));
        await factory.DrainAsync("nouvelle-aquitaine");
        var hubNews = await factory.ItemAsync(TenantRecordHub, "/actualites", Unique("Actualité nationale"));

        var files = Index(await XmlAsync(factory.CreateClient(), "/sitemap.xml"));
        Assert.Contains("http://localhost/sitemap-1.xml", files);
        Assert.Contains("http://localhost/hauts-de-france/sitemap.xml", files);
        Assert.Contains("http://localhost/nouvelle-aquitaine/sitemap.xml", files);
        Assert.All(files, f => Assert.True(Uri.IsWellFormedUriString(f, UriKind.Absolute)));

        var own = UrlSet(await XmlAsync(factory.CreateClient(), "/sitemap-1.xml")).Select(u => new Uri(u.Loc).AbsolutePath).ToList();
        Assert.Contains("/", own);
        Assert.Contains("/projets", own);
        Assert.Contains($"/actualites/{hubNews.Slug}", own);
        // A region's shared item is listed once, at its region's address: never as a hub page.
        Assert.DoesNotContain(own, p => p.EndsWith("/" + shared.Slug, StringComparison.Ordinal));
        var region = UrlSet(await XmlAsync(factory.CreateClient(), "/nouvelle-aquitaine/sitemap.xml"));
        Assert.Contains(region, u => u.Loc == $"http://localhost/nouvelle-aquitaine/projets/{shared.Slug}");

        // Every file the index names answers; a part that does not exist is 404, and so is a region's part while it fits in one file.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sitemap-2.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/sitemap-0.xml")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/hauts-de-france/sitemap-1.xml")).StatusCode);
    }

    private const string TenantRecordHub = "network";

    [Fact]
    public async Task A_disabled_region_is_left_out_of_the_index_and_answers_404()
    {
        var manager = factory.Service<TenantManager>();
        await manager.SetStateAsync("nouvelle-aquitaine", TenantState.Disabled);
        try
        {
            var files = Index(await XmlAsync(factory.CreateClient(), "/sitemap.xml"));
            Assert.DoesNotContain(files, f => f.Contains("nouvelle-aquitaine", StringComparison.Ordinal));
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/nouvelle-aquitaine/sitemap.xml")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync("/nouvelle-aquitaine/robots.txt")).StatusCode);
            Assert.DoesNotContain("/nouvelle-aquitaine/", await factory.CreateClient().GetStringAsync("/robots.txt"));
        }
        finally
        {
            await manager.SetStateAsync("nouvelle-aquitaine", TenantState.Running);
        }
    }

    [Fact]
    public async Task Robots_txt_disallows_the_private_addresses_of_the_hub_and_of_the_regions_below_it_and_names_the_sitemap()
    {
        var response = await factory.CreateClient().GetAsync("/robots.txt");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("User-agent: *", lines[0]);
        foreach (var rule in new[] { "/admin", "/compte", "/recherche", "/evenements/inscription/", "/candidatures/",
                     "/hauts-de-france/admin", "/hauts-de-france/compte", "/hauts-de-france/evenements/inscription/", "/nouvelle-aquitaine/recherche" })
            Assert.Contains("Disallow: " + rule, lines);
        Assert.Contains("Allow: /", lines);
        Assert.Contains("Sitemap: http://localhost/sitemap.xml", lines);
        Assert.All(lines, l => Assert.Matches("^(User-agent|Disallow|Allow|Sitemap): ", l));

        var regional = (await factory.CreateClient().GetStringAsync("/hauts-de-france/robots.txt")).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("Disallow: /hauts-de-france/admin", regional);
        Assert.Contains("Sitemap: http://localhost/hauts-de-france/sitemap.xml", regional);
        Assert.DoesNotContain(regional, l => l.Contains("nouvelle-aquitaine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_plan_du_site_and_the_sitemap_read_the_same_contributions()
    {
        var page = await factory.PublishedPageAsync(Region, PageTestKit.Page(Unique("Partenaires")));
        var plan = await factory.CreateClient().GetStringAsync($"/{Region}/plan-du-site");
        Assert.Contains($"href=\"/{Region}/{page.Slug}\"", plan);
        Assert.Contains($"href=\"/{Region}/donnees\"", plan);
        var urls = UrlSet(await XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml"));
        Assert.Contains(urls, u => u.Loc == $"http://localhost/{Region}/{page.Slug}");
        // The plan stays for people: it does not list every published item.
        var item = await factory.ItemAsync(Region, "/projets", Unique("Pas dans le plan"));
        Assert.DoesNotContain($"/projets/{item.Slug}", await factory.CreateClient().GetStringAsync($"/{Region}/plan-du-site"));
    }
}

/// <summary>A host whose sitemap files hold three addresses, to see the split without 50,000 items.</summary>
public sealed class SmallSiteMapFactory : NetworkWebFactory
{
    public SmallSiteMapFactory() => Settings["SiteMap:MaxUrlsPerFile"] = "3";
}

public sealed class SiteMapSplitTests(SmallSiteMapFactory factory) : IClassFixture<SmallSiteMapFactory>
{
    [Fact]
    public async Task A_sitemap_over_the_limit_becomes_an_index_of_parts_holding_every_address_once()
    {
        var items = new List<string>();
        for (var i = 0; i < 4; i++) items.Add((await factory.ItemAsync(Region, "/projets", Unique("Découpé"))).Slug);
        var parts = SiteMapTests.Index(await SiteMapTests.XmlAsync(factory.CreateClient(), $"/{Region}/sitemap.xml"));
        Assert.True(parts.Count >= 2);
        Assert.All(parts, p => Assert.StartsWith($"http://localhost/{Region}/sitemap-", p));
        var all = new List<string>();
        foreach (var part in parts)
        {
            var urls = SiteMapTests.UrlSet(await SiteMapTests.XmlAsync(factory.CreateClient(), new Uri(part).AbsolutePath));
            Assert.InRange(urls.Count, 1, 3);
            all.AddRange(urls.Select(u => u.Loc));
        }
        Assert.Equal(all.Count, all.Distinct().Count());
        Assert.All(items, slug => Assert.Contains($"http://localhost/{Region}/projets/{slug}", all));
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/{Region}/sitemap-{parts.Count + 1}.xml")).StatusCode);
    }
}
