using System.Text.Json;
using Network.Core.Search;
using SearchBench;

namespace Network.Tests.Search;

/// <summary>The search benchmark's corpus and query generators and its line mapping (bench/search); no timings here.</summary>
public sealed class SearchBenchTests
{
    private static string Corpus(int count, int seed)
    {
        var output = new StringWriter { NewLine = "\n" };
        CorpusGenerator.Write(output, count, seed);
        return output.ToString();
    }

    private static string Queries(int count, int seed)
    {
        var output = new StringWriter { NewLine = "\n" };
        QueryGenerator.Write(output, count, seed);
        return output.ToString();
    }

    [Fact]
    public void A_seed_always_gives_the_same_corpus_and_another_seed_another()
    {
        Assert.Equal(Corpus(60, 42), Corpus(60, 42));
        Assert.NotEqual(Corpus(60, 42), Corpus(60, 43));
        Assert.Equal(Queries(100, 7), Queries(100, 7));
        Assert.NotEqual(Queries(100, 7), Queries(100, 8));
    }

    [Fact]
    public void Corpus_lines_have_the_required_fields_and_word_counts_in_range()
    {
        var regions = Vocabulary.Regions.Select(region => region.Slug).ToHashSet();
        var types = Vocabulary.Types.Select(type => type.Type).ToHashSet();
        var lines = Corpus(300, 42).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(300, lines.Length);
        foreach (var line in lines)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            Assert.False(string.IsNullOrEmpty(root.GetProperty("id").GetString()));
            Assert.Contains(root.GetProperty("tenant").GetString()!, regions);
            Assert.Contains(root.GetProperty("type").GetString()!, types);
            Assert.InRange(CorpusGenerator.CountWords(root.GetProperty("title").GetString()!), CorpusGenerator.MinTitleWords, CorpusGenerator.MaxTitleWords);
            Assert.InRange(CorpusGenerator.CountWords(root.GetProperty("body").GetString()!), CorpusGenerator.MinBodyWords, CorpusGenerator.MaxBodyWords);
        }
        // Thirteen regions and five types show up in a few hundred documents; accents and elisions are written as such.
        Assert.Equal(5, lines.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("type").GetString()).Distinct().Count());
        Assert.Contains("é", string.Concat(lines));
        Assert.Contains(" l'", string.Concat(lines));
    }

    [Fact]
    public void Generated_lines_map_to_documents_with_their_facets()
    {
        var line = Corpus(1, 42).Trim();
        var document = CorpusLine.Parse(line, 1);
        Assert.Equal("1", document.Key);
        Assert.Equal($"/{document.Type}/1", document.Path);
        Assert.True(document.Shared);
        Assert.Contains(document.Facets, facet => facet.Facet == SearchFacets.Domain);
        Assert.Contains(document.Facets, facet => facet.Facet == SearchFacets.Year && facet.Value == document.DateUtc.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(DateTimeKind.Utc, document.DateUtc.Kind);
    }

    [Fact]
    public void A_minimal_line_is_accepted_and_its_date_derived_from_the_id()
    {
        const string line = """{"id": 17, "tenant": "bretagne", "type": "news", "title": "Un titre", "body": "Le texte."}""";
        var document = CorpusLine.Parse(line, 3);
        Assert.Equal(new SearchDocumentKey("bretagne", "news", "17"), document.Id);
        Assert.Equal("/news/17", document.Path);
        Assert.Equal("", document.Summary);
        Assert.Empty(document.Facets);
        Assert.Equal(document.DateUtc, CorpusLine.Parse(line, 3).DateUtc);
        Assert.InRange(document.DateUtc.Year, 2015, 2026);
    }

    [Theory]
    [InlineData("""{"tenant": "bretagne", "type": "news", "title": "T", "body": "B"}""")]
    [InlineData("""{"id": "1", "type": "news", "title": "T", "body": "B"}""")]
    [InlineData("""{"id": "1", "tenant": "bretagne", "type": "news", "title": 5, "body": "B"}""")]
    [InlineData("""{"id": "1", "tenant": "bretagne", "type": "news", "title": "T"}""")]
    [InlineData("""["not", "an", "object"]""")]
    [InlineData("""{"id": "1", "tenant": """)]
    public void A_bad_line_is_reported_with_its_number(string line)
    {
        var error = Assert.Throws<FormatException>(() => CorpusLine.Parse(line, 42));
        Assert.Contains("line 42", error.Message);
    }

    [Fact]
    public void Query_lines_have_a_text_and_sometimes_a_region()
    {
        var regions = Vocabulary.Regions.Select(region => region.Slug).ToHashSet();
        var queries = Queries(1000, 7).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select((line, index) => CorpusLine.ParseQuery(line, index + 1)).ToList();
        Assert.Equal(1000, queries.Count);
        Assert.All(queries, query => Assert.False(string.IsNullOrWhiteSpace(query.Q)));
        Assert.All(queries.Where(query => query.Tenant is not null), query => Assert.Contains(query.Tenant!, regions));
        Assert.InRange(queries.Count(query => query.Tenant is not null), 200, 400);
        Assert.Contains(queries, query => query.Q.StartsWith('"'));
        Assert.Contains(queries, query => query.Q.EndsWith('*'));
        Assert.Contains(queries, query => query.Q.Contains(" OR ", StringComparison.Ordinal));
        Assert.Contains(queries, query => query.Q.Contains(" -", StringComparison.Ordinal));
        Assert.Equal(new BenchQuery("musée", null), CorpusLine.ParseQuery("""{"q": "musée"}""", 1));
        Assert.Throws<FormatException>(() => CorpusLine.ParseQuery("""{"tenant": "bretagne"}""", 1));
    }
}

/// <summary>The benchmark's runner on a tiny corpus through the real engine: it indexes, searches and counts (no timings).</summary>
public sealed class SearchBenchRunnerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("search-bench-test-").FullName;

    [Theory]
    [InlineData(IndexingPath.Rebuild)]
    [InlineData(IndexingPath.Apply)]
    public async Task The_runner_indexes_every_line_and_runs_every_query(IndexingPath through)
    {
        var corpus = Path.Combine(_folder, "corpus.jsonl");
        var queries = Path.Combine(_folder, "queries.jsonl");
        using (var output = new StreamWriter(corpus) { NewLine = "\n" })
        {
            CorpusGenerator.Write(output, 120, 42);
            output.Write("""{"id": "minimal", "tenant": "corse", "type": "news", "title": "Une tapisserie numérisée à Bastia", "body": "Les tapisseries de Bastia sont numérisées."}""" + "\n");
        }
        await File.WriteAllTextAsync(queries, """
            {"q": "tapisseries numerisees", "tenant": "corse"}
            {"q": "numérique"}
            {"q": "\"réalité augmentée\" -virtuelle"}
            {"q": "xyzzyq"}
            """);

        var figures = await Runner.RunAsync(new RunOptions(corpus, queries, Path.Combine(_folder, "index"), Batch: 50, Warmup: 2, Json: false, Through: through), TextWriter.Null);

        Assert.Equal(121, figures.Documents);
        Assert.Equal(4, figures.Queries);
        Assert.Equal(2, figures.WarmupQueries);
        Assert.True(figures.ZeroResultQueries >= 1);
        Assert.True(figures.TotalHits >= 2);
        Assert.True(figures.IndexMegabytes > 0);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
