using Network.Core.Search;

namespace Network.Modules.Search.Index;

public enum SearchSort
{
    /// <summary>BM25, title matches weighing more than body matches; ties by date, newest first.</summary>
    Relevance,

    /// <summary>Newest first.</summary>
    Date,
}

/// <summary>Which documents a search may return: per tenant, the types visible there and whether only shared ones count.</summary>
/// <param name="Tenant">A tenant whose documents may appear.</param>
/// <param name="Types">The document types of that tenant that may appear (its enabled modules' types).</param>
/// <param name="SharedOnly">True on the hub for a region's documents: only those shared with the network.</param>
public sealed record SearchScopeTenant(string Tenant, IReadOnlySet<string> Types, bool SharedOnly);

/// <param name="Text">What the visitor typed (parsed by <see cref="Query.SearchQueryParser"/>).</param>
/// <param name="Scope">The tenants and types visible; a document outside it is never counted nor returned.</param>
/// <param name="Filters">Selected facet values (<see cref="SearchFacets"/> name → values): values of one facet are alternatives, facets combine.</param>
/// <param name="Page">1-based.</param>
public sealed record SearchRequest(
    string? Text,
    IReadOnlyList<SearchScopeTenant> Scope,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Filters,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = SearchRequest.DefaultPageSize)
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
}

/// <summary>One result: where it is, what it is, and its title and snippet as safe HTML (escaped text, matched words in <c>&lt;mark&gt;</c>).</summary>
public sealed record SearchHit(
    string Tenant,
    string Type,
    string Key,
    string Path,
    string Title,
    string TitleHtml,
    string SnippetHtml,
    DateTime DateUtc,
    double Score,
    IReadOnlyList<SearchFacetValue> Facets);

/// <summary>A facet value's count among the matching documents (within the other facets' filters).</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);

/// <param name="Total">Matching documents in the scope and filters.</param>
/// <param name="Facets">Per facet name (<see cref="SearchFacets.All"/>), its values by count then label.</param>
/// <param name="Suggestion">When nothing matched and a word is close to a frequent index term: the query with that word replaced.</param>
/// <param name="QueryIsEmpty">The query had no searchable word (empty, only stop words or symbols).</param>
public sealed record SearchResults(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? Suggestion,
    bool QueryIsEmpty,
    bool QueryTruncated)
{
    public static readonly SearchResults Empty = new(0, [], new Dictionary<string, IReadOnlyList<FacetCount>>(), null, true, false);
}
