using System.Globalization;
using System.Text.Json;
using Network.Core.Search;

namespace SearchBench;

/// <summary>
/// Maps a corpus line to the <see cref="SearchDocument"/> the index receives. Required: <c>id</c> (string or number),
/// <c>tenant</c>, <c>type</c>, <c>title</c>, <c>body</c>. Optional: <c>summary</c>, <c>date</c> (ISO date), <c>year</c>,
/// <c>domains</c> and <c>technologies</c> (a string or an array of strings), <c>programme</c>, <c>language</c>,
/// <c>shared</c> (true unless false). Without a date the date is derived from the id, so a minimal corpus still sorts.
/// </summary>
public static class CorpusLine
{
    private static readonly DateTime DerivedDatesFrom = new(2015, 1, 1, 0, 0, 0, DateTimeKind.Utc);
    private const int DerivedDatesSpanDays = 11 * 365;

    private static readonly Dictionary<string, string> Labels = Vocabulary.Domains
        .Concat(Vocabulary.Technologies).Concat(Vocabulary.Programmes)
        .GroupBy(term => term.Value).ToDictionary(group => group.Key, group => group.First().Label, StringComparer.Ordinal);

    /// <exception cref="FormatException">The line is not a JSON object or lacks a required field (the message gives the line number).</exception>
    public static SearchDocument Parse(string line, long lineNumber)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(line);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"line {lineNumber}: not JSON ({exception.Message})", exception);
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new FormatException($"line {lineNumber}: not a JSON object");
            var id = Scalar(root, "id") ?? throw Missing("id", lineNumber);
            var type = Text(root, "type") ?? throw Missing("type", lineNumber);
            var date = Date(root, id);

            var facets = new List<SearchFacetValue>();
            AddFacets(root, "domains", SearchFacets.Domain, facets);
            AddFacets(root, "technologies", SearchFacets.Technology, facets);
            AddFacets(root, "programme", SearchFacets.Programme, facets);
            var year = Scalar(root, "year") ?? (root.TryGetProperty("date", out _) ? date.Year.ToString(CultureInfo.InvariantCulture) : null);
            if (year is not null) facets.Add(new SearchFacetValue(SearchFacets.Year, year, year));

            return new SearchDocument
            {
                Tenant = Text(root, "tenant") ?? throw Missing("tenant", lineNumber),
                Type = type,
                Key = id,
                Path = $"/{type}/{id}",
                Title = Text(root, "title") ?? throw Missing("title", lineNumber),
                Summary = Text(root, "summary") ?? "",
                Body = Text(root, "body") ?? throw Missing("body", lineNumber),
                DateUtc = date,
                Language = Text(root, "language") ?? "fr",
                Shared = !root.TryGetProperty("shared", out var shared) || shared.ValueKind != JsonValueKind.False,
                Facets = facets,
            };
        }
    }

    /// <summary>The JSON <c>date</c> when present, else a date spread over 2015-2025 by a hash of the id (stable across runs).</summary>
    private static DateTime Date(JsonElement root, string id)
    {
        if (Text(root, "date") is { } text && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
            return DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        var hash = 2166136261u;
        foreach (var character in id) hash = (hash ^ character) * 16777619u;
        return DerivedDatesFrom.AddDays(hash % DerivedDatesSpanDays);
    }

    private static void AddFacets(JsonElement root, string property, string facet, List<SearchFacetValue> facets)
    {
        if (!root.TryGetProperty(property, out var value)) return;
        if (value.ValueKind == JsonValueKind.String) Add(value.GetString());
        else if (value.ValueKind == JsonValueKind.Array)
            foreach (var item in value.EnumerateArray())
                if (item.ValueKind == JsonValueKind.String) Add(item.GetString());

        void Add(string? slug)
        {
            if (string.IsNullOrWhiteSpace(slug)) return;
            facets.Add(new SearchFacetValue(facet, slug, Labels.GetValueOrDefault(slug, slug)));
        }
    }

    private static string? Text(JsonElement root, string property)
        => root.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Scalar(JsonElement root, string property)
    {
        if (!root.TryGetProperty(property, out var value)) return null;
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
    }

    private static FormatException Missing(string field, long lineNumber) => new($"line {lineNumber}: \"{field}\" is missing or not a string");

    /// <summary>A query line: <c>q</c> and an optional <c>tenant</c>.</summary>
    public static BenchQuery ParseQuery(string line, long lineNumber)
    {
        try
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            var q = root.ValueKind == JsonValueKind.Object ? Text(root, "q") : null;
            if (q is null) throw new FormatException($"query line {lineNumber}: \"q\" is missing or not a string");
            return new BenchQuery(q, Text(root, "tenant") is { Length: > 0 } tenant ? tenant : null);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"query line {lineNumber}: not JSON ({exception.Message})", exception);
        }
    }
}
