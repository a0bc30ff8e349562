using Microsoft.AspNetCore.Http;
using Network.Core.Search;
using Network.Modules.Search.Index;
using Network.Modules.Search.Query;

namespace Network.Modules.Search.Searching;

/// <summary>
/// What a visitor asked for, read from the query string of <c>/recherche</c> and <c>/recherche.json</c> (French, stable
/// parameter names). Reading never fails: wrong types and values are normalised or dropped.
/// </summary>
public sealed record SearchParameters(string Query, IReadOnlyDictionary<string, IReadOnlyList<string>> Filters, SearchSort Sort, int Page)
{
    public const string QueryParameter = "q";
    public const string SortParameter = "tri";
    public const string PageParameter = "page";
    public const string SortByRelevance = "pertinence";
    public const string SortByDate = "date";

    /// <summary>Beyond this, a page number is certainly past the last page (and page × size stays far from overflowing).</summary>
    public const int MaxPage = 10_000;

    /// <summary>Values kept per facet: more is not a real choice, and each one costs the engine.</summary>
    public const int MaxValuesPerFacet = 10;

    public const int MaxValueLength = 100;

    /// <summary>Query-string name of each facet (<see cref="SearchFacets"/>), in display order.</summary>
    public static readonly IReadOnlyList<(string Facet, string Parameter)> FacetParameters =
    [
        (SearchFacets.Type, "type"),
        (SearchFacets.Region, "region"),
        (SearchFacets.Domain, "domaine"),
        (SearchFacets.Technology, "technologie"),
        (SearchFacets.Programme, "programme"),
        (SearchFacets.Year, "annee"),
    ];

    public static string ParameterOf(string facet) => FacetParameters.First(f => f.Facet == facet).Parameter;

    public static SearchParameters Read(IQueryCollection query)
    {
        // One character over the parser's limit is kept, so the parser sees the query was cut and the page says so.
        var text = SearchInput.Clean(query[QueryParameter].FirstOrDefault(), SearchQueryParser.MaxLength + 1);
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (facet, parameter) in FacetParameters)
        {
            var values = query[parameter]
                .Select(v => SearchInput.Clean(v, MaxValueLength))
                .Where(v => v.Length > 0 && (facet != SearchFacets.Year || IsYear(v)))
                .Distinct(StringComparer.Ordinal)
                .Take(MaxValuesPerFacet)
                .ToList();
            if (values.Count > 0) filters[facet] = values;
        }
        var sort = string.Equals(query[SortParameter].FirstOrDefault()?.Trim(), SortByDate, StringComparison.OrdinalIgnoreCase) ? SearchSort.Date : SearchSort.Relevance;
        var page = int.TryParse(query[PageParameter].FirstOrDefault()?.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? Math.Clamp(number, 1, MaxPage) : 1;
        return new SearchParameters(text, filters, sort, page);
    }

    public bool IsSelected(string facet, string value) => Filters.TryGetValue(facet, out var values) && values.Contains(value);

    /// <summary>The same search with one facet value added or removed (back to page 1).</summary>
    public SearchParameters Toggle(string facet, string value)
    {
        var filters = Filters.ToDictionary(f => f.Key, f => f.Value);
        var current = filters.GetValueOrDefault(facet) ?? [];
        var next = current.Contains(value) ? current.Where(v => v != value).ToList() : current.Append(value).ToList();
        if (next.Count == 0) filters.Remove(facet);
        else filters[facet] = next;
        return this with { Filters = filters, Page = 1 };
    }

    /// <summary>The query string of these parameters ("?q=mus%C3%A9e&amp;type=showcase&amp;tri=date&amp;page=2"); defaults are left out.</summary>
    public string QueryString()
    {
        var pairs = new List<(string, string)>();
        if (Query.Length > 0) pairs.Add((QueryParameter, Query));
        foreach (var (facet, parameter) in FacetParameters)
        {
            foreach (var value in Filters.GetValueOrDefault(facet) ?? []) pairs.Add((parameter, value));
        }
        if (Sort == SearchSort.Date) pairs.Add((SortParameter, SortByDate));
        if (Page > 1) pairs.Add((PageParameter, Page.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return pairs.Count == 0 ? "" : "?" + string.Join("&", pairs.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
    }

    private static bool IsYear(string value) => value.Length == 4 && value.All(char.IsAsciiDigit);
}
