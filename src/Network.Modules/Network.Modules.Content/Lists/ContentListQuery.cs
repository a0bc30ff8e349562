namespace Network.Modules.Content.Lists;

public enum ContentSort { Newest, Title }

/// <summary>A public list request: chosen facet values (one per facet), sort and page.</summary>
public sealed record ContentListQuery(IReadOnlyDictionary<string, string> Filters, ContentSort Sort = ContentSort.Newest, int Page = 1, int PageSize = 12);

/// <param name="Facets">For each facet, the values present and how many items each would give with the other filters kept.</param>
public sealed record ContentListPage(
    IReadOnlyList<ContentCard> Items,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets);

public sealed record FacetCount(string Value, int Count);

/// <summary>Filters, counts, sorts and pages a snapshot. Counts of a facet ignore that facet's own filter, so every choice shows what it would give.</summary>
public static class ContentListEngine
{
    /// <summary>The largest page any list asks for (the API caps its page size here).</summary>
    public const int MaxPageSize = 100;

    /// <param name="facetNames">The facets to count (in display order).</param>
    public static ContentListPage Run(ContentSnapshot snapshot, ContentListQuery query, IReadOnlyList<string> facetNames)
    {
        var candidates = snapshot.Items;
        var filters = query.Filters.Where(f => !string.IsNullOrEmpty(f.Value)).ToList();

        bool Matches(ContentCard card, string? except)
            => filters.All(f => f.Key == except || card.Facets[f.Key].Contains(f.Value, StringComparer.Ordinal));

        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var facet in facetNames)
        {
            facets[facet] = candidates.Where(c => Matches(c, facet))
                .SelectMany(c => c.Facets[facet].Distinct())
                .GroupBy(v => v, StringComparer.Ordinal)
                .Select(g => new FacetCount(g.Key, g.Count()))
                .OrderByDescending(f => f.Count).ThenBy(f => f.Value, StringComparer.Ordinal)
                .ToList();
        }

        var matching = candidates.Where(c => Matches(c, null));
        if (query.Sort == ContentSort.Title) matching = matching.OrderBy(c => c.Item.SortTitle, StringComparer.Ordinal);
        var all = matching.ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var pageCount = Math.Max(1, (all.Count + pageSize - 1) / pageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        return new ContentListPage(all.Skip((page - 1) * pageSize).Take(pageSize).ToList(), all.Count, page, pageCount, facets);
    }
}
