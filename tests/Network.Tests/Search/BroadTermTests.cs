using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Index;
using Network.Modules.Search.Query;

namespace Network.Tests.Search;

/// <summary>
/// A one-word search for a broad term takes its matches in scope from the term's bitmap and reads only its best postings
/// (<see cref="TermPostings.ScoreBest{TSink}"/>). Two indexes hold the same documents, one whose every list keeps a
/// bitmap and one where none does (every posting read and scored): totals, pages, scores and facet counts are the same
/// in every kind of scope (the hub's, one region's, one type's, mixed shared-only tenants), on later pages, after
/// removals, replacements and new documents, and after a reopen.
/// </summary>
public sealed class BroadTermTests : IDisposable
{
    private static readonly string[] Tenants = ["hauts-de-france", "normandie", "bretagne"];
    private static readonly string[] Types = ["showcase", "practice", "event"];
    private static readonly HashSet<string> AllTypes = ["showcase", "practice", "event", "call"];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "search-broad-tests", Guid.NewGuid().ToString("N"));
    private SearchIndex _withBits;
    private SearchIndex _withoutBits;

    public BroadTermTests()
    {
        _withBits = Open("bits", broadMinimum: 1);
        _withoutBits = Open("plain", broadMinimum: int.MaxValue);
    }

    private SearchIndex Open(string name, int broadMinimum)
    {
        var analyzer = new TextAnalyzer();
        return new SearchIndex(Options.Create(new SearchOptions { IndexFolder = Path.Combine(_root, name) }), Options.Create(new NetworkOptions()),
            analyzer, new SearchQueryParser(analyzer)) { BroadTermMinimum = broadMinimum };
    }

    public void Dispose()
    {
        _withBits.Dispose();
        _withoutBits.Dispose();
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }

    // "ville" in every document, from once to past 255 times (title mentions weigh 10), so that every pass over the weight
    // bytes finds postings; "musée" in a third; dates repeat so that equal scores are ordered by date, then rowid.
    private static SearchDocument Document(int i, int version = 0)
    {
        var repeats = i % 53 == 0 ? 300 : 1 + (i * 7 + version) % 40;
        var body = string.Join(' ', Enumerable.Repeat("ville", repeats)) + (i % 3 == 0 ? " musée" : "") + " patrimoine";
        return SearchIndexTests.Doc(i.ToString(), i % 5 == 0 ? "Ville " + i : "Fiche " + i, body, tenant: Tenants[i % 3], type: Types[i / 3 % 3],
            shared: i % 4 != 0, date: new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(i % 17),
            facets: [new SearchFacetValue("domain", "d" + i % 4, "Domaine " + i % 4)]);
    }

    private static readonly IReadOnlyList<SearchScopeTenant>[] Scopes =
    [
        [.. Tenants.Select(t => new SearchScopeTenant(t, AllTypes, SharedOnly: true))],
        [.. Tenants.Select(t => new SearchScopeTenant(t, AllTypes, SharedOnly: false))],
        [new SearchScopeTenant("normandie", AllTypes, SharedOnly: false)],
        [new SearchScopeTenant("bretagne", new HashSet<string> { "practice" }, SharedOnly: false)],
        [new SearchScopeTenant("hauts-de-france", AllTypes, SharedOnly: true), new SearchScopeTenant("bretagne", new HashSet<string> { "event", "showcase" }, SharedOnly: false)],
        [new SearchScopeTenant("unknown", AllTypes, SharedOnly: false)],
    ];

    private void AssertSame()
    {
        foreach (var scope in Scopes)
            foreach (var text in new[] { "ville", "musée", "patrimoine", "villes" })
                foreach (var (page, pageSize) in new[] { (1, 10), (3, 10), (1, SearchRequest.MaxPageSize), (40, 10) })
                    foreach (var sort in new[] { SearchSort.Relevance, SearchSort.Date })
                    {
                        var request = new SearchRequest(text, scope, new Dictionary<string, IReadOnlyList<string>>(), sort, page, pageSize);
                        AssertSameResults(_withoutBits.Search(request), _withBits.Search(request), $"{text} in {string.Join(",", scope.Select(s => s.Tenant))} page {page}");
                    }
        // A facet filter: the bitmap is not used (the filters are applied match by match), the results are the same.
        var filtered = new SearchRequest("ville", Scopes[0], new Dictionary<string, IReadOnlyList<string>> { ["domain"] = ["d1"] }, SearchSort.Relevance, 1, 10);
        AssertSameResults(_withoutBits.Search(filtered), _withBits.Search(filtered), "ville, filtered");
    }

    private static void AssertSameResults(SearchResults expected, SearchResults actual, string what)
    {
        Assert.True(expected.Total == actual.Total, $"{what}: {actual.Total} found, {expected.Total} expected");
        Assert.Equal(expected.Hits.Select(h => (h.Tenant, h.Key, h.Score)), actual.Hits.Select(h => (h.Tenant, h.Key, h.Score)));
        Assert.Equal(expected.Facets.Keys.Order(), actual.Facets.Keys.Order());
        foreach (var (facet, counts) in expected.Facets)
            Assert.Equal(counts.Select(c => (c.Value, c.Count)), actual.Facets[facet].Select(c => (c.Value, c.Count)));
    }

    private async Task ApplyBoth(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<SearchDocumentKey> removals)
    {
        await _withBits.ApplyAsync(upserts, removals);
        await _withoutBits.ApplyAsync(upserts, removals);
    }

    [Fact]
    public async Task A_broad_words_best_postings_give_the_same_results_as_reading_them_all()
    {
        await ApplyBoth([.. Enumerable.Range(0, 900).Select(i => Document(i))], []);
        Assert.True(_withBits.Search(new SearchRequest("ville", Scopes[1], new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, 10)).Total == 900);
        AssertSame();

        // Removals (the bits cleared), replacements with other frequencies, new documents (the bits grown).
        var removed = Enumerable.Range(0, 900).Where(i => i % 7 == 2).Select(i => new SearchDocumentKey(Tenants[i % 3], Types[i / 3 % 3], i.ToString())).ToList();
        await ApplyBoth([.. Enumerable.Range(0, 900).Where(i => i % 11 == 0).Select(i => Document(i, version: 1)), .. Enumerable.Range(900, 5000).Select(i => Document(i))], removed);
        AssertSame();

        _withBits.Dispose();
        _withoutBits.Dispose();
        _withBits = Open("bits", broadMinimum: 1);
        _withoutBits = Open("plain", broadMinimum: int.MaxValue);
        AssertSame();
    }
}
