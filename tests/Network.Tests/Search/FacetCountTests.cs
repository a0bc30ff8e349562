using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Index;
using Network.Modules.Search.Query;

namespace Network.Tests.Search;

/// <summary>
/// An unfiltered search sets a bit per match and counts its facets at the end, from the matches' values when they are
/// few, else as the popcount of the matches' bits ANDed with each value's documents (<see cref="DocumentTable.ValueBits"/>,
/// <see cref="QueryExecution"/>): the totals and every facet count are those of the documents found, counted one by one
/// here, for single words, prefixes, OR and AND clauses and exclusions, after removals too, with many matches and with
/// more facet values than a document keeps inline.
/// </summary>
public sealed class FacetCountTests : IDisposable
{
    private static readonly string[] Tenants = ["hauts-de-france", "bretagne", "normandie"];
    private static readonly string[] Types = ["showcase", "news"];
    private static readonly string[] Domains = ["musees", "archives", "spectacle", "patrimoine"];
    private static readonly HashSet<string> AllTypes = [.. Types];

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "search-facet-count-tests", Guid.NewGuid().ToString("N"));
    private readonly SearchIndex _index;
    private readonly Dictionary<string, (SearchDocument Document, HashSet<string> Words)> _documents = new(StringComparer.Ordinal);

    public FacetCountTests()
    {
        var analyzer = new TextAnalyzer();
        _index = new SearchIndex(Options.Create(new SearchOptions { IndexFolder = _folder }), Options.Create(new NetworkOptions()), analyzer, new SearchQueryParser(analyzer));
    }

    public void Dispose()
    {
        _index.Dispose();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }

    private async Task IndexAsync(int count, int technologies = 0)
    {
        var random = new Random(3);
        var batch = new List<SearchDocument>();
        for (var i = 0; i < count; i++)
        {
            // "musée" in nine documents of ten, "visite" in six, "herbier" in one, "orgue" in a few hundredths: broad, mid,
            // narrow and rare words (the rare one's facets counted from its matches' values, the others' by popcounts).
            var words = new List<string> { "projet" };
            if (random.Next(10) < 9) words.Add("musée");
            if (random.Next(10) < 6) words.Add("visite");
            if (random.Next(10) < 1) words.Add("herbier");
            if (random.Next(400) == 0) words.Add("orgue");
            var document = SearchIndexTests.Doc(i.ToString(), "Fiche " + i, string.Join(' ', words), tenant: Tenants[random.Next(Tenants.Length)],
                type: Types[random.Next(Types.Length)], shared: random.Next(8) != 0, date: new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddDays(random.Next(1500)),
                facets: [new SearchFacetValue(SearchFacets.Domain, Domains[random.Next(Domains.Length)], "D"), new SearchFacetValue(SearchFacets.Year, (2020 + random.Next(5)).ToString(), "Y"),
                    // Up to twelve technologies a document out of many: more values than a mask word, more than the inline slots.
                    .. Enumerable.Range(0, technologies == 0 ? 0 : random.Next(13)).Select(_ => random.Next(technologies)).Distinct()
                        .Select(t => new SearchFacetValue(SearchFacets.Technology, "t" + t, "T"))]);
            batch.Add(document);
            _documents[document.Key] = (document, [.. words]);
        }
        await _index.ApplyAsync(batch, []);
    }

    private static IReadOnlyList<SearchScopeTenant> Hub => [.. Tenants.Select(t => new SearchScopeTenant(t, AllTypes, SharedOnly: true))];

    private void AssertCounts(string text, Func<HashSet<string>, bool> matches, IReadOnlyList<SearchScopeTenant> scope)
    {
        var results = _index.Search(new SearchRequest(text, scope, new Dictionary<string, IReadOnlyList<string>>(), SearchSort.Relevance, 1, 10));
        var found = _documents.Values.Where(d => matches(d.Words) && scope.Any(s => s.Tenant == d.Document.Tenant && s.Types.Contains(d.Document.Type) && (!s.SharedOnly || d.Document.Shared))).ToList();
        Assert.Equal(found.Count, results.Total);
        var expected = new Dictionary<(string, string), int>();
        foreach (var (document, _) in found)
        {
            var values = new List<(string, string)> { (SearchFacets.Type, document.Type), (SearchFacets.Region, document.Tenant) };
            values.AddRange(document.Facets.Select(f => (f.Facet, f.Value)));
            foreach (var value in values) expected[value] = expected.GetValueOrDefault(value) + 1;
        }
        var actual = results.Facets.SelectMany(f => f.Value.Select(c => ((f.Key, c.Value), c.Count))).ToDictionary(p => p.Item1, p => p.Count);
        Assert.Equal(expected.OrderBy(p => p.Key).ToList(), actual.OrderBy(p => p.Key).ToList());
    }

    [Fact]
    public async Task Broad_results_count_their_facets_exactly()
    {
        await IndexAsync(12_000);
        for (var round = 0; round < 2; round++)
        {
            AssertCounts("musée", w => w.Contains("musée"), Hub);
            AssertCounts("musé*", w => w.Contains("musée"), Hub);
            AssertCounts("projet", _ => true, Hub);
            AssertCounts("musée OR visite", w => w.Contains("musée") || w.Contains("visite"), Hub);
            AssertCounts("musée projet", w => w.Contains("musée"), Hub);
            AssertCounts("projet -herbier", w => !w.Contains("herbier"), Hub);
            AssertCounts("visite", w => w.Contains("visite"), Hub);
            AssertCounts("herbier", w => w.Contains("herbier"), Hub);
            AssertCounts("orgue", w => w.Contains("orgue"), Hub);
            AssertCounts("orgue OR herbier -visite", w => (w.Contains("orgue") || w.Contains("herbier")) && !w.Contains("visite"), Hub);
            AssertCounts("musée", w => w.Contains("musée"), [new SearchScopeTenant("bretagne", AllTypes, false)]);
            // Tenants and types out of scope: their region and type values hold no match.
            AssertCounts("projet", _ => true, [new SearchScopeTenant("bretagne", new HashSet<string> { "news" }, false), new SearchScopeTenant("normandie", AllTypes, true)]);
            AssertCounts("musée", w => w.Contains("musée"), [new SearchScopeTenant("hauts-de-france", new HashSet<string> { "showcase" }, true)]);
            // Removals clear the removed documents' masks.
            var removed = _documents.Keys.Where(k => int.Parse(k) % 5 == 0).ToList();
            await _index.ApplyAsync([], [.. removed.Select(k => _documents[k].Document.Id)]);
            foreach (var key in removed) _documents.Remove(key);
        }
    }

    [Fact]
    public async Task Many_facet_values_and_many_values_a_document_are_counted_exactly()
    {
        await IndexAsync(3_000, technologies: 150);
        AssertCounts("musée", w => w.Contains("musée"), Hub);
        AssertCounts("projet", _ => true, Hub);
        AssertCounts("musée OR herbier", w => w.Contains("musée") || w.Contains("herbier"), Hub);
        AssertCounts("visite", w => w.Contains("visite"), [new SearchScopeTenant("normandie", AllTypes, false)]);
    }

    [Fact]
    public async Task Counts_past_the_counters_flush_are_exact()
    {
        await IndexAsync(70_000);
        AssertCounts("projet", _ => true, [.. Tenants.Select(t => new SearchScopeTenant(t, AllTypes, SharedOnly: false))]);
    }
}
