using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Search;
using Network.Core.Tenancy;
using Network.Modules.Search.Index;
using Network.Tests.Infrastructure;

namespace Network.Tests.Search;

/// <summary>The host with a search document source of its own, so the pages can be tested on documents put straight in the index.</summary>
public sealed class SearchPagesFactory : NetworkWebFactory
{
    public static readonly SearchDocumentType Project = new("test-projet", "Projet d'essai", "Projets d'essai", "Showcases", "/projets");
    public static readonly SearchDocumentType Practice = new("test-pratique", "Pratique d'essai", "Pratiques d'essai", "Practices", "/pratiques");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ISearchDocumentSource, TestSource>());
    }

    private sealed class TestSource : ISearchDocumentSource
    {
        public IReadOnlyList<SearchDocumentType> Types => [Project, Practice];
        public Task<int> CountAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken) => Task.FromResult(0);
        public IAsyncEnumerable<SearchDocument> ReadAllAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken) => AsyncEnumerable.Empty<SearchDocument>();
    }
}

/// <summary>/recherche, /recherche.json and the OpenSearch description: scope per tenant, facets, sort, pages, hostile input, escaping.</summary>
public sealed class SearchPagesTests(SearchPagesFactory factory) : IClassFixture<SearchPagesFactory>
{
    private const string Hub = "network";
    private const string Region = "hauts-de-france";
    private const string Other = "nouvelle-aquitaine";

    private static int _counter;

    /// <summary>A made-up word no other test uses, so tests sharing the index do not see each other's documents.</summary>
    private static string UniqueWord()
    {
        var n = Interlocked.Increment(ref _counter) + Random.Shared.Next(1000) * 100;
        var letters = new char[6];
        for (var i = 0; i < letters.Length; i++) { letters[i] = (char)('a' + n % 26); n /= 26; }
        return "zorg" + new string(letters);
    }

    private static SearchDocument Doc(string tenant, string title, string body, bool shared = true, SearchDocumentType? type = null, DateTime? date = null, params SearchFacetValue[] facets)
        => new()
        {
            Tenant = tenant,
            Type = (type ?? SearchPagesFactory.Project).Name,
            Key = Guid.NewGuid().ToString("N"),
            Path = "/projets/" + Guid.NewGuid().ToString("N")[..8],
            Title = title,
            Body = body,
            Summary = "",
            DateUtc = date ?? new DateTime(2026, 3, 14, 9, 0, 0, DateTimeKind.Utc),
            Shared = shared,
            Facets = facets,
        };

    private Task IndexAsync(params SearchDocument[] documents) => factory.Service<SearchIndex>().ApplyAsync(documents, []);

    private async Task<JsonElement> JsonAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    private async Task<string> PageAsync(string url)
    {
        var response = await factory.CreateClient().GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} → {(int)response.StatusCode}\n{html}");
        return html;
    }

    private static List<string> Titles(JsonElement json) => json.GetProperty("hits").EnumerateArray().Select(h => h.GetProperty("title").GetString()!).ToList();

    [Fact]
    public async Task A_region_finds_only_its_own_documents_shared_or_not()
    {
        var word = UniqueWord();
        await IndexAsync(
            Doc(Region, $"Musée {word} partagé", $"Visite numérique du {word}."),
            Doc(Region, $"Atelier {word} régional", "Réservé à la région.", shared: false),
            Doc(Other, $"Chantier {word} ailleurs", "Une autre région."));

        var json = await JsonAsync($"/{Region}/recherche.json?q={word}");
        Assert.Equal(2, json.GetProperty("total").GetInt32());
        Assert.All(Titles(json), t => Assert.DoesNotContain("ailleurs", t));
        Assert.False(json.GetProperty("facets").TryGetProperty("region", out _));
        var hit = json.GetProperty("hits")[0];
        Assert.StartsWith($"http://localhost/{Region}/projets/", hit.GetProperty("url").GetString());
        Assert.Equal("Projet d'essai", hit.GetProperty("typeLabel").GetString());
        Assert.Contains(json.GetProperty("hits").EnumerateArray(), h => h.GetProperty("snippetHtml").GetString()!.Contains($"<mark>{word}</mark>"));

        var html = await PageAsync($"/{Region}/recherche?q={word}");
        Assert.Contains($"2 résultats pour « {word} »", html);
        Assert.Contains("Atelier", html);
        Assert.DoesNotContain("Chantier", html);
        Assert.Contains("fr-badge", html);
        Assert.Contains($"href=\"/{Region}/projets/", html);
    }

    [Fact]
    public async Task The_hub_finds_the_shared_documents_of_every_region_with_a_region_facet_and_never_unshared_ones()
    {
        var word = UniqueWord();
        await IndexAsync(
            Doc(Region, $"Musée {word} du Nord", "Partagé."),
            Doc(Region, $"Brouillon {word} secret", "Non partagé.", shared: false),
            Doc(Other, $"Musée {word} d'Aquitaine", "Partagé."),
            Doc(Hub, $"Guide {word} national", "Sur le site national."));

        var json = await JsonAsync($"/recherche.json?q={word}");
        var titles = Titles(json);
        Assert.Equal(3, titles.Count);
        Assert.DoesNotContain(titles, t => t.Contains("secret"));
        var regions = json.GetProperty("facets").GetProperty("region").EnumerateArray().ToDictionary(r => r.GetProperty("value").GetString()!, r => r.GetProperty("label").GetString());
        Assert.Equal("Hauts-de-France", regions[Region]);
        Assert.Contains(Other, regions.Keys);
        var northern = json.GetProperty("hits").EnumerateArray().Single(h => h.GetProperty("tenant").GetString() == Region);
        Assert.StartsWith($"http://localhost/{Region}/projets/", northern.GetProperty("url").GetString());
        Assert.Equal("Hauts-de-France", northern.GetProperty("region").GetString());

        var html = await PageAsync($"/recherche?q={word}");
        Assert.Contains("filtre-region", html);
        Assert.Contains($"href=\"/{Region}/projets/", html);
        Assert.DoesNotContain("secret", html);

        var filtered = await JsonAsync($"/recherche.json?q={word}&region={Other}");
        Assert.Equal([$"Musée {word} d'Aquitaine"], Titles(filtered));
        var selected = filtered.GetProperty("facets").GetProperty("region").EnumerateArray().Single(r => r.GetProperty("value").GetString() == Other);
        Assert.True(selected.GetProperty("selected").GetBoolean());
    }

    [Fact]
    public async Task Facets_filter_through_the_query_string_and_show_as_tags_that_toggle()
    {
        var word = UniqueWord();
        await IndexAsync(
            Doc(Region, $"Projet {word} un", "Texte.", facets: [new(SearchFacets.Domain, "musees", "Musées"), new(SearchFacets.Year, "2025", "2025")]),
            Doc(Region, $"Projet {word} deux", "Texte.", facets: [new(SearchFacets.Domain, "spectacle", "Spectacle vivant"), new(SearchFacets.Technology, "rv", "Réalité virtuelle")]),
            Doc(Region, $"Pratique {word} trois", "Texte.", type: SearchPagesFactory.Practice, facets: [new(SearchFacets.Domain, "musees", "Musées")]));

        Assert.Equal(2, (await JsonAsync($"/{Region}/recherche.json?q={word}&domaine=musees")).GetProperty("total").GetInt32());
        Assert.Equal(3, (await JsonAsync($"/{Region}/recherche.json?q={word}&domaine=musees&domaine=spectacle")).GetProperty("total").GetInt32());
        Assert.Equal([$"Pratique {word} trois"], Titles(await JsonAsync($"/{Region}/recherche.json?q={word}&domaine=musees&type=test-pratique")));
        Assert.Equal([$"Projet {word} deux"], Titles(await JsonAsync($"/{Region}/recherche.json?q={word}&technologie=rv")));
        Assert.Equal([$"Projet {word} un"], Titles(await JsonAsync($"/{Region}/recherche.json?q={word}&annee=2025")));
        // Values that cannot be: ignored (type, year) or shown as a removable filter with nothing found (domain).
        Assert.Equal(3, (await JsonAsync($"/{Region}/recherche.json?q={word}&type=inconnu&annee=deux-mille&region={Other}")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await JsonAsync($"/{Region}/recherche.json?q={word}&domaine=inexistant")).GetProperty("total").GetInt32());

        var html = await PageAsync($"/{Region}/recherche?q={word}&domaine=musees");
        Assert.Contains("aria-current=\"true\"", html);
        Assert.Contains($"href=\"/{Region}/recherche?q={word}&amp;type=test-pratique&amp;domaine=musees\"", html);
        // The chosen tag links to the search without it.
        Assert.Contains($"href=\"/{Region}/recherche?q={word}\"", html);
        Assert.Contains("Projets d&#x27;essai", html);
    }

    [Fact]
    public async Task Results_sort_by_date_and_page_with_out_of_range_pages_normalised()
    {
        var word = UniqueWord();
        var documents = Enumerable.Range(1, 23).Select(i => Doc(Region, $"Fiche {word} numéro {i}", "Texte.", date: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i))).ToArray();
        await IndexAsync(documents);

        var byDate = await JsonAsync($"/{Region}/recherche.json?q={word}&tri=date");
        Assert.Equal("date", byDate.GetProperty("sort").GetString());
        Assert.Equal(23, byDate.GetProperty("total").GetInt32());
        Assert.Equal($"Fiche {word} numéro 23", Titles(byDate)[0]);
        var dates = byDate.GetProperty("hits").EnumerateArray().Select(h => DateTimeOffset.Parse(h.GetProperty("date").GetString()!)).ToList();
        Assert.Equal(dates.OrderByDescending(d => d), dates);

        var third = await JsonAsync($"/{Region}/recherche.json?q={word}&tri=date&page=3");
        Assert.Equal(3, third.GetProperty("page").GetInt32());
        Assert.Equal(3, Titles(third).Count);
        Assert.Equal(3, (await JsonAsync($"/{Region}/recherche.json?q={word}&page=999999")).GetProperty("page").GetInt32());
        Assert.Equal(1, (await JsonAsync($"/{Region}/recherche.json?q={word}&page=abc")).GetProperty("page").GetInt32());
        Assert.Equal(1, (await JsonAsync($"/{Region}/recherche.json?q={word}&page=-1")).GetProperty("page").GetInt32());
        Assert.Equal("pertinence", (await JsonAsync($"/{Region}/recherche.json?q={word}&tri=n%27importe")).GetProperty("sort").GetString());

        var html = await PageAsync($"/{Region}/recherche?q={word}&tri=date&page=2");
        Assert.Contains("fr-pagination", html);
        Assert.Contains($"href=\"/{Region}/recherche?q={word}&amp;tri=date&amp;page=3\"", html);
        Assert.Contains("page 2 sur 3", html);
    }

    public static TheoryData<string> HostileQueries => new()
    {
        "\"open", "***", "-", "*", "\"", "(", ")", "NEAR(a b)", "a AND OR NOT b", "title:musée", "^musée", "{a b}", "musée\"", "' OR 1=1 --",
        "%00", "mus%00ée", "%01%02%1F", "%E2%80%AE", "%F0%9F%8E%AD", "%ED%A0%80", new string('a', 10_000), string.Join(" OR ", Enumerable.Repeat("musée*", 500)),
        "-musée", "OR", "\"\"", "musée&page=abc&tri=%00&type=%00&region=..%2F&annee=99999999999&domaine=" + new string('x', 5000),
        "x&page=2147483647", "x&page=-2147483648", "x&page=1e9", "x&tri[]=date",
    };

    [Theory]
    [MemberData(nameof(HostileQueries))]
    public async Task Hostile_input_gets_a_sensible_page_never_an_error(string q)
    {
        var escaped = q.Contains('%') || q.Contains('&') ? q : Uri.EscapeDataString(q);
        foreach (var tenant in new[] { "", "/" + Region })
        {
            var html = await PageAsync($"{tenant}/recherche?q={escaped}");
            Assert.Contains("<h1>", html);
            await JsonAsync($"{tenant}/recherche.json?q={escaped}");
        }
    }

    [Fact]
    public async Task A_very_long_query_is_cut_and_the_page_says_so()
    {
        var word = UniqueWord();
        await IndexAsync(Doc(Region, $"Titre {word}", "Corps " + word));
        var q = word + string.Concat(Enumerable.Repeat(" musée", 2_000));
        var html = await PageAsync($"/{Region}/recherche?q={Uri.EscapeDataString(q)}");
        Assert.Contains("Votre recherche était très longue", html);
        html = await PageAsync($"/{Region}/recherche?q={word}");
        Assert.DoesNotContain("Votre recherche était très longue", html);
        // The header's box keeps the query on the results page, so it can be changed from there too.
        Assert.Matches($"id=\"recherche-q\"[^>]*value=\"{word}\"", html);
    }

    [Fact]
    public async Task The_query_is_escaped_everywhere_it_is_shown()
    {
        const string script = "<script>alert(1)</script>";
        var word = UniqueWord();
        await IndexAsync(Doc(Region, $"Titre <b>{word}</b> & co", "Corps <img src=x onerror=alert(1)> " + word));
        foreach (var q in new[] { script, $"{word} {script}", $"{word}" })
        {
            var html = await PageAsync($"/{Region}/recherche?q={Uri.EscapeDataString(q)}");
            Assert.DoesNotContain("<script>alert", html);
            Assert.DoesNotContain("<b>", html);
            Assert.DoesNotContain("<img src=x", html);
        }
        var page = await PageAsync($"/{Region}/recherche?q={Uri.EscapeDataString(script)}");
        Assert.Contains("&lt;script&gt;", page);
        var json = await factory.CreateClient().GetStringAsync($"/{Region}/recherche.json?q={word}");
        Assert.DoesNotContain("<img", json);
        Assert.DoesNotContain("<b>", json.Replace("\\u003C", "<"));
    }

    [Fact]
    public async Task Nothing_found_offers_the_suggestion_tips_and_lists_to_browse_and_an_empty_query_the_tips()
    {
        await IndexAsync(Enumerable.Range(0, 5).Select(i => Doc(Region, $"Patrimoine immatériel {i}", "Le patrimoine et la médiation du patrimoine.")).ToArray());

        var html = await PageAsync($"/{Region}/recherche?q=patrimoime");
        Assert.Contains("Aucun résultat pour « patrimoime »", html);
        Assert.Contains("Conseils de recherche", html);
        Assert.Contains($"href=\"/{Region}/projets\"", html);
        Assert.Contains("Projets d&#x27;essai", html);
        // Free pages have no list of their own: nothing to browse for them.
        Assert.DoesNotContain(">Pages</a>", html);
        var json = await JsonAsync($"/{Region}/recherche.json?q=patrimoime");
        if (json.GetProperty("suggestion").ValueKind == JsonValueKind.String)
        {
            Assert.Contains("Vouliez-vous dire", html);
            Assert.Contains($"href=\"/{Region}/recherche?q={Uri.EscapeDataString(json.GetProperty("suggestion").GetString()!)}\"", html);
        }
        else
        {
            Assert.Fail("The engine offered no suggestion for 'patrimoime' close to the frequent term 'patrimoine'.");
        }

        var empty = await PageAsync($"/{Region}/recherche");
        Assert.Contains("Conseils de recherche", empty);
        Assert.DoesNotContain("role=\"status\"", empty);
        Assert.Contains("<title>Rechercher - ", empty);
    }

    [Fact]
    public async Task Results_pages_are_kept_out_of_search_engines()
    {
        var response = await factory.CreateClient().GetAsync($"/{Region}/recherche?q=musee");
        Assert.Contains("noindex", response.Headers.GetValues("X-Robots-Tag").Single());
    }

    [Fact]
    public async Task The_OpenSearch_description_is_valid_and_points_at_the_tenant_search()
    {
        var response = await factory.CreateClient().GetAsync($"/{Region}/recherche/opensearch.xml");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/opensearchdescription+xml", response.Content.Headers.ContentType?.MediaType);
        XNamespace ns = "http://a9.com/-/spec/opensearch/1.1/";
        var root = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(ns + "OpenSearchDescription", root.Name);
        Assert.InRange(root.Element(ns + "ShortName")!.Value.Length, 1, 16);
        Assert.False(string.IsNullOrWhiteSpace(root.Element(ns + "Description")!.Value));
        Assert.Equal("UTF-8", root.Element(ns + "InputEncoding")!.Value);
        Assert.StartsWith("http://localhost/_content/Network.Themes.Public/", root.Element(ns + "Image")!.Value);
        var templates = root.Elements(ns + "Url").ToDictionary(u => u.Attribute("type")!.Value, u => u.Attribute("template")!.Value);
        Assert.Equal($"http://localhost/{Region}/recherche?q={{searchTerms}}", templates["text/html"]);
        Assert.Equal($"http://localhost/{Region}/recherche.json?q={{searchTerms}}", templates["application/json"]);
    }

    [Fact]
    public async Task The_head_link_and_the_header_box_exist_only_where_Search_is_enabled()
    {
        var home = await PageAsync($"/{Other}/");
        // Razor writes the "+" of the media type as a character reference, which browsers read back.
        Assert.Matches($"<link rel=\"search\" type=\"application/opensearchdescription(\\+|&#x2B;)xml\" title=\"[^\"]+\" href=\"/{Other}/recherche/opensearch.xml\">", home);
        Assert.Contains($"action=\"/{Other}/recherche\"", home);
        Assert.Contains("id=\"recherche-q\"", home);

        var manager = factory.Service<TenantManager>();
        await manager.DisableFeatureAsync(Other, "Search");
        try
        {
            var without = await PageAsync($"/{Other}/");
            Assert.DoesNotContain("opensearch", without);
            Assert.DoesNotContain("id=\"recherche-q\"", without);
            Assert.DoesNotContain("bouton-recherche", without);
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Other}/recherche?q=musee")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Other}/recherche.json?q=musee")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Other}/recherche/opensearch.xml")).StatusCode);
        }
        finally
        {
            await manager.EnableFeatureAsync(Other, "Search");
        }
    }

    [Fact]
    public async Task The_page_speaks_English_to_English_visitors()
    {
        var word = UniqueWord();
        await IndexAsync(Doc(Region, $"Musée {word}", "Texte."));
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", Network.Core.Hosting.NetworkHost.CultureCookie + "=" + Uri.EscapeDataString("c=en|uic=en"));
        var html = await client.GetStringAsync($"/{Region}/recherche?q={word}");
        Assert.Contains($"1 result for “{word}”", html);
        Assert.Contains("Sort by:", html);
    }
}
