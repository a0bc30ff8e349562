using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Index;
using Network.Modules.Search.Query;

namespace Network.Tests.Search;

public sealed class SearchIndexTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-index-tests", Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;

    public SearchIndexTests()
    {
        _index = Open();
    }

    private SearchIndex Open()
    {
        var analyzer = new TextAnalyzer();
        return new SearchIndex(Options.Create(new SearchOptions { IndexFolder = _folder }), Options.Create(new NetworkOptions()), analyzer, new SearchQueryParser(analyzer));
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    internal static SearchDocument Doc(string key, string title, string body = "", string tenant = "hauts-de-france", string type = "showcase",
        bool shared = true, string summary = "", DateTime? date = null, params SearchFacetValue[] facets)
        => new()
        {
            Tenant = tenant, Type = type, Key = key, Path = "/projets/" + key, Title = title, Summary = summary, Body = body,
            DateUtc = date ?? new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), Shared = shared, Facets = facets,
        };

    private static readonly HashSet<string> AllTypes = ["showcase", "practice", "call", "event"];

    private static SearchScopeTenant Region(string tenant, bool sharedOnly = false) => new(tenant, AllTypes, sharedOnly);

    private SearchResults Search(string? text, SearchSort sort = SearchSort.Relevance, int page = 1, int pageSize = 10,
        Dictionary<string, IReadOnlyList<string>>? filters = null, params SearchScopeTenant[] scope)
        => _index.Search(new SearchRequest(text, scope.Length == 0 ? [Region("hauts-de-france"), Region("nouvelle-aquitaine")] : scope,
            filters ?? [], sort, page, pageSize));

    private static string[] Keys(SearchResults results) => results.Hits.Select(h => h.Key).ToArray();

    [Fact]
    public async Task Upsert_replace_and_remove_are_idempotent()
    {
        await _index.ApplyAsync([Doc("1", "Visite augmentée du musée"), Doc("2", "Atelier numérique")], []);
        Assert.Equal(2, _index.Count);
        Assert.Equal(["1"], Keys(Search("musée")));

        // Replacing: the old text is gone, the new one is found; a replay changes nothing.
        await _index.ApplyAsync([Doc("1", "Bibliothèque ouverte")], []);
        await _index.ApplyAsync([Doc("1", "Bibliothèque ouverte")], []);
        Assert.Equal(2, _index.Count);
        Assert.Empty(Search("musée").Hits);
        Assert.Equal(["1"], Keys(Search("bibliotheque")));

        await _index.ApplyAsync([], [new SearchDocumentKey("hauts-de-france", "showcase", "1")]);
        await _index.ApplyAsync([], [new SearchDocumentKey("hauts-de-france", "showcase", "1"), new SearchDocumentKey("nowhere", "showcase", "9")]);
        Assert.Equal(1, _index.Count);
        Assert.Empty(Search("bibliotheque").Hits);
        Assert.Equal(0, Search("bibliotheque").Total);
    }

    [Fact]
    public async Task A_key_twice_in_one_batch_is_one_document()
    {
        await _index.ApplyAsync([Doc("1", "Premier titre"), Doc("1", "Second titre")], []);
        Assert.Equal(1, _index.Count);
        Assert.Equal(["1"], Keys(Search("second")));
        Assert.Empty(Search("premier").Hits);
        // Removals apply before upserts: a key in both is present afterwards.
        await _index.ApplyAsync([Doc("1", "Troisième titre")], [new SearchDocumentKey("hauts-de-france", "showcase", "1")]);
        Assert.Equal(["1"], Keys(Search("troisième")));
        Assert.Equal(1, _index.Count);
    }

    [Fact]
    public async Task Missing_texts_are_empty()
    {
        await _index.ApplyAsync([Doc("1", "Musée") with { Summary = null!, Body = null!, Language = null!, Path = null! }], []);
        Assert.Equal("", Search("musée").Hits.Single().SnippetHtml);
    }

    [Fact]
    public async Task The_index_survives_reopening()
    {
        await _index.ApplyAsync([Doc("1", "Visite augmentée", facets: new SearchFacetValue("domain", "musees", "Musées"))], []);
        _index.Dispose();
        using var reopened = Open();
        var results = reopened.Search(new SearchRequest("visite", [Region("hauts-de-france")], new Dictionary<string, IReadOnlyList<string>>()));
        Assert.Equal(1, results.Total);
        Assert.Equal("Musées", results.Facets["domain"].Single().Label);
    }

    [Fact]
    public async Task Scope_keeps_tenants_apart_and_shared_only_hides_unshared()
    {
        await _index.ApplyAsync([
            Doc("1", "Musée du Nord", tenant: "hauts-de-france", shared: true),
            Doc("2", "Musée privé", tenant: "hauts-de-france", shared: false),
            Doc("3", "Musée de Bordeaux", tenant: "nouvelle-aquitaine", shared: false),
            Doc("4", "Musée pratique", tenant: "nouvelle-aquitaine", type: "practice", shared: true),
        ], []);

        Assert.Equal(["1", "2"], Keys(Search("musée", scope: Region("hauts-de-france"))).Order());
        Assert.Equal(["3", "4"], Keys(Search("musée", scope: Region("nouvelle-aquitaine"))).Order());
        Assert.Equal(["1"], Keys(Search("musée", scope: Region("hauts-de-france", sharedOnly: true))));
        // The hub: its own documents plus the regions' shared ones, only the types enabled there.
        var hub = Search("musée", scope: [Region("network"), Region("hauts-de-france", true), new SearchScopeTenant("nouvelle-aquitaine", new HashSet<string> { "showcase" }, true)]);
        Assert.Equal(["1"], Keys(hub));
        Assert.Equal(1, hub.Total);
        Assert.Equal(0, Search("musée", scope: Region("bretagne")).Total);
        Assert.Equal(0, _index.Search(new SearchRequest("musée", [], new Dictionary<string, IReadOnlyList<string>>())).Total);
    }

    [Fact]
    public async Task Facets_count_drill_sideways()
    {
        await _index.ApplyAsync([
            Doc("1", "Projet musée", facets: [new("domain", "musees", "Musées"), new("technology", "rv", "Réalité virtuelle"), new("year", "2023", "2023")]),
            Doc("2", "Projet théâtre", facets: [new("domain", "spectacle", "Spectacle vivant"), new("technology", "rv", "Réalité virtuelle"), new("year", "2024", "2024")]),
            Doc("3", "Projet musée", tenant: "nouvelle-aquitaine", facets: [new("domain", "musees", "Musées"), new("domain", "spectacle", "Spectacle vivant"), new("year", "2024", "2024")]),
            Doc("4", "Projet pratique", type: "practice", facets: [new("domain", "musees", "Musées")]),
        ], []);

        var all = Search("projet");
        Assert.Equal(4, all.Total);
        Assert.Equal([("musees", 3), ("spectacle", 2)], all.Facets["domain"].Select(f => (f.Value, f.Count)));
        Assert.Equal([("hauts-de-france", 3), ("nouvelle-aquitaine", 1)], all.Facets["region"].Select(f => (f.Value, f.Count)));
        Assert.Equal([("showcase", 3), ("practice", 1)], all.Facets["type"].Select(f => (f.Value, f.Count)));
        Assert.Equal("hauts-de-france", all.Facets["region"][0].Label);

        var filtered = Search("projet", filters: new() { ["domain"] = ["musees"], ["year"] = ["2024"] });
        Assert.Equal(["3"], Keys(filtered));
        Assert.Equal(1, filtered.Total);
        // Domain counts ignore the domain filter but keep the year's; year counts ignore the year filter but keep the domain's.
        Assert.Equal([("musees", 1, true), ("spectacle", 2, false)], filtered.Facets["domain"].Select(f => (f.Value, f.Count, f.Selected)).OrderBy(f => f.Value));
        Assert.Equal([("2023", 1, false), ("2024", 1, true)], filtered.Facets["year"].Select(f => (f.Value, f.Count, f.Selected)).OrderBy(f => f.Value));
        Assert.Equal([("nouvelle-aquitaine", 1)], filtered.Facets["region"].Select(f => (f.Value, f.Count)));

        // Values of one facet are alternatives.
        Assert.Equal(4, Search("projet", filters: new() { ["domain"] = ["musees", "spectacle"] }).Total);
        Assert.Equal(["2", "3"], Keys(Search("projet", filters: new() { ["domain"] = ["spectacle"] })).Order());
        Assert.Equal(["3"], Keys(Search("projet", filters: new() { ["region"] = ["nouvelle-aquitaine"], ["domain"] = ["spectacle"] })));
        Assert.Equal(["4"], Keys(Search("projet", filters: new() { ["type"] = ["practice"] })));

        // An unknown selected value matches nothing and still shows, selected.
        var unknown = Search("projet", filters: new() { ["domain"] = ["inconnu"] });
        Assert.Equal(0, unknown.Total);
        Assert.Contains(unknown.Facets["domain"], f => f.Value == "inconnu" && f.Selected && f.Count == 0);
        // An unknown facet name is ignored.
        Assert.Equal(4, Search("projet", filters: new() { ["color"] = ["red"] }).Total);
    }

    [Fact]
    public async Task Syntax_words_phrase_exclusion_prefix_and_or()
    {
        await _index.ApplyAsync([
            Doc("1", "Musée numérique", "une visite augmentée du musée"),
            Doc("2", "Numérisation des archives", "les archives de la ville"),
            Doc("3", "Visite du musée", "une visite guidée en réalité augmentée"),
            Doc("4", "Théâtre", "un spectacle vivant"),
        ], []);

        Assert.Equal(["1", "3"], Keys(Search("musée visite")).Order());
        Assert.Equal(["1"], Keys(Search("\"visite augmentée\"")));
        Assert.Equal(["1"], Keys(Search("musée -guidée")));
        Assert.Equal(["1", "2"], Keys(Search("numéri*")).Order());
        Assert.Equal(["2", "4"], Keys(Search("archives OR spectacle")).Order());
        Assert.Equal(["1", "3"], Keys(Search("musées")).Order());
        Assert.Equal(["1"], Keys(Search("numerique")));
    }

    [Fact]
    public async Task Accents_and_inflections_match()
    {
        await _index.ApplyAsync([Doc("1", "Cultures Numériques"), Doc("2", "Le musée d'art"), Doc("3", "Museums and libraries") with { Language = "en" }], []);
        Assert.Equal(["1"], Keys(Search("numerique")));
        Assert.Equal(["2"], Keys(Search("musées")));
        Assert.Equal(["2"], Keys(Search("MUSEE")));
        Assert.Equal(["3"], Keys(Search("library")));
    }

    [Theory]
    [InlineData("NEAR(musée visite)")]
    [InlineData("musée AND visite")]
    [InlineData("musée NOT visite")]
    [InlineData("title:musée")]
    [InlineData("^musée")]
    [InlineData("{title text}: musée")]
    [InlineData("\"musée")]
    [InlineData("musée\"")]
    [InlineData("* - \" ( ) : ^ + { } [ ]")]
    [InlineData("musée*\"*")]
    [InlineData("-musée")]
    [InlineData("\u0000musée\u0007\u001b")]
    [InlineData("\ud800musée\udc00")]
    [InlineData("OR OR musée OR")]
    [InlineData("'")]
    [InlineData("")]
    [InlineData(null)]
    public async Task Hostile_input_never_throws(string? text)
    {
        await _index.ApplyAsync([Doc("1", "Visite du musée", "near and not title")], []);
        var results = Search(text);
        Assert.True(results.Total is 0 or 1);
    }

    [Fact]
    public async Task Operators_are_plain_words()
    {
        await _index.ApplyAsync([Doc("1", "Near musée", "the title: musée") with { Language = "en" }, Doc("2", "Musée", "visite")], []);
        Assert.Equal(["1"], Keys(Search("NEAR(musée)")));
        Assert.Equal(["1"], Keys(Search("title:musée")));
    }

    [Fact]
    public async Task Very_long_and_empty_queries()
    {
        await _index.ApplyAsync([Doc("1", "Visite du musée")], []);
        var longQuery = Search(string.Concat(Enumerable.Repeat("musée ", 2000)));
        Assert.Equal(1, longQuery.Total);
        Assert.True(longQuery.QueryTruncated);
        Assert.Equal(0, Search(new string('x', 10_000)).Total);
        var empty = Search("le la les");
        Assert.True(empty.QueryIsEmpty);
        Assert.Empty(empty.Hits);
        Assert.True(Search("   ").QueryIsEmpty);
        Assert.True(Search("!!! ???").QueryIsEmpty);
    }

    [Fact]
    public async Task Snippets_escape_everything_and_mark_only_matches()
    {
        await _index.ApplyAsync([Doc("1", "Musée <b>&</b>", "Le musée <script>alert('x')</script> \"ouvert\" et d'autres choses.")], []);
        var hit = Search("musée").Hits.Single();
        Assert.Equal("<mark>Musée</mark> &lt;b&gt;&amp;&lt;/b&gt;", hit.TitleHtml);
        Assert.Contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", hit.SnippetHtml);
        Assert.Contains("<mark>musée</mark>", hit.SnippetHtml);
        Assert.DoesNotContain("<script", hit.SnippetHtml);
        var withoutMarks = hit.SnippetHtml.Replace("<mark>musée</mark>", "");
        Assert.DoesNotContain("<", withoutMarks);
        Assert.DoesNotContain(">", withoutMarks.Replace("&gt;", ""));
    }

    [Fact]
    public async Task Snippet_is_a_window_around_the_match()
    {
        var words = string.Join(' ', Enumerable.Range(0, 200).Select(i => "mot" + i));
        await _index.ApplyAsync([Doc("1", "Titre", words + " une bibliothèque ouverte " + words, summary: "Un résumé sans rapport.")], []);
        var snippet = Search("bibliotheque").Hits.Single().SnippetHtml;
        Assert.Contains("<mark>bibliothèque</mark>", snippet);
        Assert.StartsWith("… ", snippet);
        Assert.EndsWith(" …", snippet);
        Assert.InRange(snippet.Split(' ').Length, 20, 45);
        // Without a match in the text (title-only match), the summary is the snippet.
        Assert.Equal("Un résumé sans rapport.", Search("titre").Hits.Single().SnippetHtml);
    }

    [Fact]
    public async Task Snippet_of_a_long_body_stops_after_its_window()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 3000).Select(i => "mot" + i));
        await _index.ApplyAsync([Doc("1", "Titre", "Début " + string.Join(' ', Enumerable.Range(0, 31).Select(i => "avant" + i)) + " bibliothèque " + filler + " fin")], []);
        var snippet = Search("bibliotheque").Hits.Single().SnippetHtml;
        Assert.Contains("<mark>bibliothèque</mark>", snippet);
        Assert.DoesNotContain("fin", snippet);
        Assert.EndsWith(" …", snippet);
        Assert.InRange(snippet.Length, 100, 400);
    }

    [Fact]
    public async Task A_title_match_with_a_long_unmatched_body_shows_the_start_of_the_body()
    {
        var filler = string.Join(' ', Enumerable.Range(0, 3000).Select(i => "mot" + i));
        await _index.ApplyAsync([Doc("1", "Bibliothèque", filler + " <fin>")], []);
        var snippet = Search("bibliotheque").Hits.Single().SnippetHtml;
        Assert.StartsWith("mot0 mot1", snippet);
        Assert.EndsWith(" …", snippet);
        Assert.DoesNotContain("fin", snippet);
    }

    [Fact]
    public async Task Prefix_highlights_words_starting_with_it()
    {
        await _index.ApplyAsync([Doc("1", "Numérisation du patrimoine")], []);
        Assert.Equal("<mark>Numérisation</mark> du patrimoine", Search("numéri*").Hits.Single().TitleHtml);
    }

    [Fact]
    public async Task Suggestion_replaces_an_unknown_word_with_a_close_frequent_word()
    {
        await _index.ApplyAsync([
            Doc("1", "Bibliothèque de Lille", summary: "La bibliothèque ouvre"),
            Doc("2", "Bibliothèque numérique"),
            Doc("3", "Archives"),
        ], []);
        var results = Search("bibliotheqe lille");
        Assert.Equal(0, results.Total);
        Assert.Equal("bibliothèque lille", results.Suggestion);
        Assert.Null(Search("xyzxyzxyz").Suggestion);
        Assert.Null(Search("bibliothèque").Suggestion);
    }

    [Fact]
    public async Task Sort_by_date_and_relevance()
    {
        await _index.ApplyAsync([
            Doc("old", "Musée", "musée musée", date: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            Doc("new", "Visite", "un musée", date: new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
            Doc("mid", "Atelier", "le musée", date: new DateTime(2022, 1, 1, 0, 0, 0, DateTimeKind.Utc)),
        ], []);
        Assert.Equal(["new", "mid", "old"], Keys(Search("musée", SearchSort.Date)));
        var relevance = Search("musée");
        Assert.Equal("old", relevance.Hits[0].Key);
        Assert.True(relevance.Hits[0].Score > relevance.Hits[1].Score);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), relevance.Hits[0].DateUtc);
    }

    [Theory]
    [InlineData("musée")]
    [InlineData("musée visite")]
    [InlineData("musée OR théâtre")]
    [InlineData("musée OR théâtre visite")]
    [InlineData("musée -guidée")]
    [InlineData("\"visite augmentée\" musée")]
    [InlineData("numéri*")]
    [InlineData("museums musée musées")]
    public async Task Scores_and_totals_are_those_of_fts5_bm25_on_the_whole_expression(string text)
    {
        var random = new Random(3);
        string[] words = ["musée", "visite", "théâtre", "guidée", "augmentée", "numérique", "numérisation", "museums", "archives", "ville", "spectacle"];
        string Text(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)]));
        await _index.ApplyAsync(Enumerable.Range(0, 120).Select(i => Doc(i.ToString(), Text(random.Next(1, 5)), Text(random.Next(5, 40)), summary: Text(3)) with
        {
            Language = i % 7 == 0 ? "en" : "fr",
        }).ToList(), []);

        var match = MatchExpression.Build(_index.Parser.Parse(text), _index.Analyzer)!;
        var expected = new Dictionary<string, double>();
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, SearchIndex.FileName)};Mode=ReadOnly;Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT docs.key, bm25(terms, 10.0, 1.0) FROM terms JOIN docs ON docs.id = terms.rowid WHERE terms MATCH $match";
            command.Parameters.AddWithValue("$match", match.Fts);
            using var reader = command.ExecuteReader();
            while (reader.Read()) expected[reader.GetString(0)] = -reader.GetDouble(1);
        }
        Assert.NotEmpty(expected);
        var results = Search(text, pageSize: SearchRequest.MaxPageSize);
        Assert.Equal(expected.Count, results.Total);
        foreach (var hit in results.Hits) Assert.Equal(expected[hit.Key], hit.Score, 0.0001 * Math.Max(1, Math.Abs(hit.Score)));
        // The page holds the best scores.
        var best = expected.Values.OrderByDescending(v => v).Take(results.Hits.Count).ToList();
        Assert.Equal(best, results.Hits.Select(h => h.Score), (a, b) => Math.Abs(a - b) < 0.0001 * Math.Max(1, Math.Abs(a)));
    }

    [Fact]
    public async Task Title_matches_weigh_more_than_body_matches()
    {
        await _index.ApplyAsync([
            Doc("body", "Atelier", "une bibliothèque parmi d'autres lieux de la ville et du territoire"),
            Doc("title", "Bibliothèque", "un lieu de la ville et du territoire parmi d'autres lieux"),
        ], []);
        Assert.Equal(["title", "body"], Keys(Search("bibliothèque")));
    }

    [Fact]
    public async Task Pagination_clamps_and_pages()
    {
        await _index.ApplyAsync(Enumerable.Range(0, 25).Select(i => Doc(i.ToString(), "Musée " + i, date: new DateTime(2000 + i, 1, 1, 0, 0, 0, DateTimeKind.Utc))).ToList(), []);
        var first = Search("musée", SearchSort.Date, page: 1, pageSize: 10);
        Assert.Equal(25, first.Total);
        Assert.Equal(["24", "23", "22", "21", "20", "19", "18", "17", "16", "15"], Keys(first));
        Assert.Equal(["4", "3", "2", "1", "0"], Keys(Search("musée", SearchSort.Date, page: 3, pageSize: 10)));
        Assert.Empty(Search("musée", SearchSort.Date, page: 4, pageSize: 10).Hits);
        Assert.Equal(Keys(first), Keys(Search("musée", SearchSort.Date, page: -5, pageSize: 10)));
        Assert.Single(Search("musée", page: 1, pageSize: 0).Hits);
        Assert.Equal(SearchRequest.MaxPageSize > 25 ? 25 : SearchRequest.MaxPageSize, Search("musée", page: 1, pageSize: 1000).Hits.Count);
        Assert.Empty(Search("musée", page: int.MaxValue, pageSize: int.MaxValue).Hits);
        // Relevance pages do not overlap.
        var pages = Enumerable.Range(1, 3).SelectMany(p => Keys(Search("musée", page: p, pageSize: 10))).ToList();
        Assert.Equal(25, pages.Distinct().Count());
    }

    [Fact]
    public async Task Rebuild_answers_from_the_old_index_until_complete()
    {
        await _index.ApplyAsync([Doc("1", "Ancien musée"), Doc("2", "Ancienne bibliothèque")], []);
        await using (var rebuild = _index.BeginRebuild(null))
        {
            Assert.Throws<InvalidOperationException>(() => _index.BeginRebuild(["hauts-de-france"]));
            await rebuild.AddAsync([Doc("1", "Nouveau musée"), Doc("3", "Nouvelle archive")]);
            // Searches still answer from the current index.
            Assert.Equal(["1"], Keys(Search("ancien musée")));
            Assert.Empty(Search("nouveau").Hits);
            // A change during the rebuild reaches the live index now and the new one at completion.
            await _index.ApplyAsync([Doc("4", "Exposition temporaire")], [new SearchDocumentKey("hauts-de-france", "showcase", "3")]);
            Assert.Equal(["4"], Keys(Search("exposition")));
            await rebuild.CompleteAsync();
        }
        Assert.Equal(["1"], Keys(Search("nouveau musée")));
        Assert.Empty(Search("ancienne").Hits);
        Assert.Empty(Search("archive").Hits);
        Assert.Equal(["4"], Keys(Search("exposition")));
        Assert.Equal(2, _index.Count);
        Assert.False(File.Exists(Path.Combine(_index.Folder, SearchIndex.RebuildFileName)));

        // A new rebuild may start once the previous one completed, and the swapped-in index keeps working for writes.
        await _index.ApplyAsync([Doc("5", "Festival")], []);
        Assert.Equal(["5"], Keys(Search("festival")));
        await using var next = _index.BeginRebuild(null);
    }

    [Fact]
    public async Task Rebuild_of_one_tenant_keeps_the_others()
    {
        await _index.ApplyAsync([Doc("1", "Musée lillois"), Doc("2", "Musée bordelais", tenant: "nouvelle-aquitaine")], []);
        await using (var rebuild = _index.BeginRebuild(["hauts-de-france"]))
        {
            await rebuild.AddAsync([Doc("3", "Musée amiénois")]);
            Assert.Equal(["1", "2"], Keys(Search("musée")).Order());
            await rebuild.CompleteAsync();
        }
        Assert.Equal(["2", "3"], Keys(Search("musée")).Order());
        Assert.Equal(new Dictionary<string, int> { ["hauts-de-france"] = 1, ["nouvelle-aquitaine"] = 1 }, _index.Stats().DocumentsPerTenant);
    }

    [Fact]
    public async Task Abandoned_rebuild_leaves_the_index_and_deletes_the_staging_file()
    {
        await _index.ApplyAsync([Doc("1", "Musée")], []);
        await using (var rebuild = _index.BeginRebuild(null))
        {
            await rebuild.AddAsync([Doc("2", "Archive")]);
            Assert.True(File.Exists(Path.Combine(_index.Folder, SearchIndex.RebuildFileName)));
        }
        Assert.False(File.Exists(Path.Combine(_index.Folder, SearchIndex.RebuildFileName)));
        Assert.Equal(["1"], Keys(Search("musée")));
        Assert.Empty(Search("archive").Hits);
        await using var again = _index.BeginRebuild(null);
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_rebuild_leaves_the_live_index_whole()
    {
        await _index.ApplyAsync([Doc("1", "Musée"), Doc("2", "Archive")], []);
        var crashed = _folder + "-crashed";
        await using (var rebuild = _index.BeginRebuild(null))
        {
            await rebuild.AddAsync(Enumerable.Range(10, 300).Select(i => Doc(i.ToString(), "Nouveau musée " + i, "visite")).ToList());
            // What a crash now leaves on disk: the live file with its log, and a staging file written without journal.
            Directory.CreateDirectory(crashed);
            foreach (var file in Directory.GetFiles(_folder))
            {
                using var source = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var copy = File.Create(Path.Combine(crashed, Path.GetFileName(file)));
                source.CopyTo(copy);
            }
            Assert.True(File.Exists(Path.Combine(crashed, SearchIndex.RebuildFileName)));
        }
        var analyzer = new TextAnalyzer();
        using (var restarted = new SearchIndex(Options.Create(new SearchOptions { IndexFolder = crashed }), Options.Create(new NetworkOptions()), analyzer, new SearchQueryParser(analyzer)))
        {
            Assert.Equal(2, restarted.Count);
            Assert.False(File.Exists(Path.Combine(crashed, SearchIndex.RebuildFileName)));
            var found = restarted.Search(new SearchRequest("musée", [Region("hauts-de-france")], new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, 10));
            Assert.Equal(["1"], Keys(found));
        }
        try { Directory.Delete(crashed, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Searches_during_a_rebuild_and_its_swap_never_fail()
    {
        await _index.ApplyAsync(Enumerable.Range(0, 200).Select(i => Doc(i.ToString(), "Musée " + i, "visite du musée numéro " + i)).ToList(), []);
        using var stop = new CancellationTokenSource();
        var searches = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            var count = 0;
            do
            {
                var results = Search("musée");
                Assert.Equal(200, results.Total);
                count++;
            }
            while (!stop.IsCancellationRequested);
            return count;
        })).ToList();
        for (var round = 0; round < 3; round++)
        {
            await using var rebuild = _index.BeginRebuild(null);
            await rebuild.AddAsync(Enumerable.Range(0, 200).Select(i => Doc(i.ToString(), "Musée " + i, "visite")).ToList());
            await rebuild.CompleteAsync();
        }
        stop.Cancel();
        foreach (var search in searches) Assert.True(await search > 0);
    }

    [Fact]
    public async Task Stats_report_documents_per_tenant_and_size()
    {
        await _index.ApplyAsync([Doc("1", "Musée"), Doc("2", "Archive"), Doc("3", "Théâtre", tenant: "nouvelle-aquitaine")], []);
        var stats = _index.Stats();
        Assert.Equal(3, stats.Documents);
        Assert.Equal(2, stats.DocumentsPerTenant["hauts-de-france"]);
        Assert.True(stats.FileSizeBytes > 0);
        Assert.False(stats.RebuildInProgress);
    }

    [Fact]
    public void Stored_facets_read_back_as_the_serializer_reads_them()
    {
        SearchFacetValue[][] lists =
        [
            [],
            [new("domain", "musees", "Musées")],
            [new("technology", "rv", "Réalité \"virtuelle\" <3> & l'art"), new("year", "2024", "2024"), new("programme", "pnv", null!)],
        ];
        foreach (var list in lists)
        {
            var json = System.Text.Json.JsonSerializer.Serialize<IReadOnlyList<SearchFacetValue>>(list);
            Assert.Equal(list, IndexFile.ReadFacets(json));
        }
        foreach (var json in new[] { "null", "[{\"Value\":\"v\",\"Facet\":\"f\"}]", "[{\"Facet\":\"f\",\"Value\":\"v\",\"Label\":\"l\",\"Other\":1}]" })
            Assert.Equal(System.Text.Json.JsonSerializer.Deserialize<SearchFacetValue[]>(json) ?? [], IndexFile.ReadFacets(json));
    }
}
