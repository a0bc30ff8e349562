using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Index;
using Network.Modules.Search.Query;

namespace Network.Tests.Search;

/// <summary>
/// The in-memory postings of frequent terms give exactly FTS5's bm25 ranking and totals (compared with SQL), after
/// upserts, replacements, removals, rowid reuse and a reopen.
/// </summary>
public sealed class TermPostingsTests : IDisposable
{
    // Drawn skewed (the first words often, the last rarely), so IDFs range from the 1e-6 floor to large values.
    private static readonly string[] Words = ["visite", "musée", "théâtre", "guidée", "augmentée", "numérique", "numérisation", "museums", "archives", "ville",
        "spectacle", "herbier", "vitrail", "fresque", "orgue", "tapisserie"];

    private static readonly string[] Queries =
    [
        "visite", "musée", "archives", "musée visite", "musée OR théâtre", "musée OR théâtre visite", "musée -guidée",
        "\"visite augmentée\" musée", "numéri*", "museums musée musées", "ville -musée -visite", "spectacle OR archives OR ville", "herbier", "orgue vitrail", "tapisserie OR fresque", "orgue -herbier", "arch*", "th*", "mus* -visite", "her* OR orgue", "zzz*",
        "\"visite guidée\" -musée", "orgue vitrail herbier", "mus* OR th* -\"visite augmentée\"", "archives -arch* OR ville", "fresque tapisserie -orgue -vitrail",
    ];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-postings-tests", Guid.NewGuid().ToString("N"));
    private readonly Random _random = new(5);
    private SearchIndex _index;

    public TermPostingsTests()
    {
        _index = Open();
    }

    private SearchIndex Open()
    {
        var analyzer = new TextAnalyzer();
        return new SearchIndex(Options.Create(new SearchOptions { IndexFolder = _folder }), Options.Create(new NetworkOptions()), analyzer, new SearchQueryParser(analyzer))
        {
            FrequentTermMinimum = 1,
        };
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private string Text(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => Words[(int)(Words.Length * Math.Pow(_random.NextDouble(), 2.5))]));

    private SearchDocument Doc(int key) => SearchIndexTests.Doc(key.ToString(), Text(_random.Next(1, 5)), Text(_random.Next(5, 40)), summary: Text(3)) with
    {
        Language = key % 7 == 0 ? "en" : "fr",
    };

    private static readonly HashSet<string> AllTypes = ["showcase"];

    private void AssertSameAsSql() => AssertSameAsSql(Queries, SearchRequest.MaxPageSize);

    private void AssertSameAsSql(IEnumerable<string> queries, int pageSize)
    {
        foreach (var text in queries)
        {
            var match = MatchExpression.Build(_index.Parser.Parse(text), _index.Analyzer)!;
            var expected = Matches(match, "docs.key, bm25(terms, 10.0, 1.0)", r => (Key: r.GetString(0), Score: -r.GetDouble(1))).ToDictionary(m => m.Key, m => m.Score);
            var results = _index.Search(new SearchRequest(text, [new SearchScopeTenant("hauts-de-france", AllTypes, false)], new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, pageSize));
            Assert.True(expected.Count == results.Total, $"{text}: {results.Total} found, FTS5 {expected.Count}");
            foreach (var hit in results.Hits)
                Assert.True(Close(expected[hit.Key], hit.Score), $"{text}: {hit.Key} scored {hit.Score}, FTS5 {expected[hit.Key]}");
            var best = expected.Values.OrderByDescending(v => v).Take(results.Hits.Count).ToList();
            Assert.Equal(best, results.Hits.Select(h => h.Score), Close);
        }
    }

    /// <summary>The documents FTS5 matches for the expression, read from SQL (columns of <c>terms</c> and <c>docs</c>).</summary>
    private List<T> Matches<T>(MatchExpression match, string columns, Func<Microsoft.Data.Sqlite.SqliteDataReader, T> read)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(_folder, SearchIndex.FileName)};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {columns} FROM terms JOIN docs ON docs.id = terms.rowid WHERE terms MATCH $match";
        command.Parameters.AddWithValue("$match", match.Fts);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(read(reader));
        return rows;
    }

    // Relative: scores at the IDF floor (1e-6) must match too. Contributions are kept as floats (7 digits).
    private static bool Close(double a, double b) => Math.Abs(a - b) <= 1e-5 * Math.Abs(a) + 1e-12;

    [Fact]
    public async Task Frequent_terms_score_as_fts5_after_upserts_replacements_removals_and_a_reopen()
    {
        await _index.ApplyAsync(Enumerable.Range(0, 150).Select(Doc).ToList(), []);
        AssertSameAsSql();

        // Replacements (new text under the same rowid), new documents, a key twice in one batch.
        await _index.ApplyAsync([.. Enumerable.Range(0, 150).Where(i => i % 3 == 0).Select(Doc), .. Enumerable.Range(150, 40).Select(Doc), Doc(7), Doc(7)], []);
        AssertSameAsSql();

        // Removals, then the highest rowid removed and a new document (SQLite may reuse the rowid).
        await _index.ApplyAsync([], Enumerable.Range(0, 190).Where(i => i % 4 == 1).Select(i => new SearchDocumentKey("hauts-de-france", "showcase", i.ToString())).ToList());
        AssertSameAsSql();
        await _index.ApplyAsync([], [new SearchDocumentKey("hauts-de-france", "showcase", "189")]);
        await _index.ApplyAsync([Doc(500), Doc(501)], []);
        AssertSameAsSql();

        // Removed and upserted in one batch.
        await _index.ApplyAsync([Doc(2), Doc(502)], [new SearchDocumentKey("hauts-de-france", "showcase", "2"), new SearchDocumentKey("hauts-de-france", "showcase", "3")]);
        AssertSameAsSql();

        _index.Dispose();
        _index = Open();
        AssertSameAsSql();
        await _index.ApplyAsync(Enumerable.Range(600, 30).Select(Doc).ToList(), [new SearchDocumentKey("hauts-de-france", "showcase", "0")]);
        AssertSameAsSql();
    }

    /// <summary>
    /// A broad word (every document), a mid one (a third) and rare ones (a few): an AND of a rare and a broad word is
    /// evaluated by seeking into the broad list, an AND or OR of broad and mid words by scanning the lists into bitmaps,
    /// and only the documents whose best possible score could enter the page are scored. Totals, the page's scores, a
    /// date sort's page and the facet counts all match SQL, before and after removals.
    /// </summary>
    [Fact]
    public async Task Seeking_scanning_and_bounded_scoring_give_fts5s_results()
    {
        string Body(int i) => string.Join(' ', new[] { "ville", i % 3 == 0 ? "musée" : "", i % 97 == 0 ? "herbier" : "", i % 211 == 0 ? "orgue" : "",
            i % 5 == 0 ? "ville ville" : "" }.Where(w => w.Length > 0));
        SearchDocument Document(int i) => SearchIndexTests.Doc(i.ToString(), i % 7 == 0 ? "Ville " + i : "Fiche " + i, Body(i),
            date: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i % 1000));
        await _index.ApplyAsync(Enumerable.Range(0, 3000).Select(Document).ToList(), []);
        string[] queries = ["ville herbier", "herbier ville", "orgue ville musée", "ville musée", "musée OR herbier", "ville -musée", "ville -herbier",
            "herbier -ville", "musée OR orgue ville", "\"ville musée\" ville", "vill* musée", "ville"];
        AssertSameAsSql(queries, 10);
        AssertSameAsSql(queries, SearchRequest.MaxPageSize);
        AssertDateSortAsSql(queries);
        await _index.ApplyAsync([], Enumerable.Range(0, 3000).Where(i => i % 4 == 0).Select(i => new SearchDocumentKey("hauts-de-france", "showcase", i.ToString())).ToList());
        AssertSameAsSql(queries, 10);
        AssertDateSortAsSql(queries);
    }

    /// <summary>
    /// A phrase read from FTS5 is scored from its instances per column (the <c>phrase_hits</c> function registered on every
    /// read connection, not bm25()): the function is there, counts a phrase's title and text instances, and the scores it
    /// gives are FTS5's (the phrase queries of <see cref="Queries"/> compare them with SQL's bm25()).
    /// </summary>
    [Fact]
    public async Task Phrases_are_scored_from_their_instances_per_column()
    {
        await _index.ApplyAsync([SearchIndexTests.Doc("1", "Visite guidée du musée", "Une visite guidée, puis une autre visite guidée. La visite se termine.")], []);
        using var reader = new ReadConnection($"Data Source={Path.Combine(_folder, SearchIndex.FileName)};Mode=ReadOnly;Pooling=False");
        Assert.True(reader.HasPhraseHits);
        var hits = new List<(long Id, int Title, int Text)>();
        var phrase = MatchExpression.Build(_index.Parser.Parse("\"visite guidée\""), _index.Analyzer)!.Fts;
        reader.PhraseHits(phrase, (id, title, text) => hits.Add((id, title, text)));
        Assert.Equal(1, hits.Single().Title);
        Assert.Equal(2, hits.Single().Text);
        await _index.ApplyAsync(Enumerable.Range(10, 60).Select(Doc).ToList(), []);
        AssertSameAsSql(["\"visite guidée\"", "\"visite augmentée\" OR \"visite guidée\" musée", "\"musée visite\" -guidée"], 10);
    }

    /// <summary>A date sort's page is the newest matches (rowid breaking ties), whatever their scores.</summary>
    private void AssertDateSortAsSql(IEnumerable<string> queries)
    {
        foreach (var text in queries)
        {
            var match = MatchExpression.Build(_index.Parser.Parse(text), _index.Analyzer)!;
            var expected = Matches(match, "docs.date, docs.id, docs.key", r => (Date: r.GetInt64(0), Id: r.GetInt64(1), Key: r.GetString(2)));
            var results = _index.Search(new SearchRequest(text, [new SearchScopeTenant("hauts-de-france", AllTypes, false)], new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Date, 1, 10));
            Assert.Equal(expected.Count, results.Total);
            Assert.Equal(expected.OrderByDescending(e => e.Date).ThenByDescending(e => e.Id).Take(10).Select(e => e.Key), results.Hits.Select(h => h.Key));
        }
    }

    [Fact]
    public async Task A_rebuilt_index_scores_as_fts5()
    {
        await _index.ApplyAsync(Enumerable.Range(0, 60).Select(Doc).ToList(), []);
        await using (var rebuild = _index.BeginRebuild(null))
        {
            await rebuild.AddAsync(Enumerable.Range(100, 80).Select(Doc).ToList());
            await _index.ApplyAsync([Doc(5), Doc(300)], []);
            await rebuild.CompleteAsync();
        }
        AssertSameAsSql();
    }

    [Fact]
    public async Task A_whole_index_rebuild_written_in_batches_scores_as_fts5_and_as_the_same_changes_applied()
    {
        // The rebuild keeps its postings while its batches are written in one transaction (terms grow frequent
        // mid-load, FTS5's totals are committed only at the end); changes applied meanwhile are replayed on it.
        await _index.ApplyAsync(Enumerable.Range(0, 50).Select(Doc).ToList(), []);
        var batches = Enumerable.Range(0, 6).Select(b => Enumerable.Range(100 + b * 40, 40).Select(Doc).ToList()).ToList();
        var during = (Upserts: new List<SearchDocument> { Doc(105), Doc(400) }, Removals: new List<SearchDocumentKey> { new("hauts-de-france", "showcase", "110") });
        await using (var rebuild = _index.BeginRebuild(null))
        {
            foreach (var batch in batches) await rebuild.AddAsync(batch);
            await _index.ApplyAsync(during.Upserts, during.Removals);
            await rebuild.CompleteAsync();
        }
        AssertSameAsSql();

        // The same documents through ApplyAsync into another folder: the same results, totals and scores.
        var folder = _folder + "-applied";
        var analyzer = new TextAnalyzer();
        using (var applied = new SearchIndex(Options.Create(new SearchOptions { IndexFolder = folder }), Options.Create(new NetworkOptions()), analyzer, new SearchQueryParser(analyzer)) { FrequentTermMinimum = 1 })
        {
            foreach (var batch in batches) await applied.ApplyAsync(batch, []);
            await applied.ApplyAsync(during.Upserts, during.Removals);
            Assert.Equal(applied.Count, _index.Count);
            foreach (var text in Queries)
            {
                var request = new SearchRequest(text, [new SearchScopeTenant("hauts-de-france", AllTypes, false)], new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, SearchRequest.MaxPageSize);
                var expected = applied.Search(request);
                var actual = _index.Search(request);
                Assert.Equal(expected.Total, actual.Total);
                Assert.Equal(expected.Hits.Select(h => h.Score), actual.Hits.Select(h => h.Score), Close);
                Assert.Equal(expected.Hits.Select(h => h.Key).Order(), actual.Hits.Select(h => h.Key).Order());
            }
        }
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [Fact]
    public async Task Terms_grown_frequent_after_opening_are_held_and_exact()
    {
        // Empty at open: nothing is frequent yet; every term grows frequent batch after batch.
        for (var batch = 0; batch < 5; batch++)
        {
            await _index.ApplyAsync(Enumerable.Range(batch * 30, 30).Select(Doc).ToList(), []);
            AssertSameAsSql();
        }
    }

    [Theory]
    [InlineData("\"numer\"", "numer")]
    [InlineData("\"numer\"*", null)]
    [InlineData("\"visite augment\"", null)]
    [InlineData("\"\"", null)]
    [InlineData("numer", null)]
    public void Only_a_quoted_single_term_is_read_from_memory(string phrase, string? term)
        => Assert.Equal(term, PhraseEvaluator.SingleTerm(phrase));

    [Theory]
    [InlineData("\"numer\"*", "numer")]
    [InlineData("\"numer\"", null)]
    [InlineData("\"visite augment\"*", null)]
    [InlineData("\"\"*", null)]
    [InlineData("numer*", null)]
    public void Only_a_quoted_single_prefix_is_expanded_in_memory(string phrase, string? prefix)
        => Assert.Equal(prefix, PhraseEvaluator.SinglePrefix(phrase));
}
