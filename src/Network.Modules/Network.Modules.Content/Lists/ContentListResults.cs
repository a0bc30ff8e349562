using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace Network.Modules.Content.Lists;

/// <summary>
/// Remembers the pages computed from a snapshot: a snapshot never changes, so the same filters, sort and page give the
/// same result until the tenant's content changes (then a new snapshot starts empty and the old one is collected).
/// Counting facets over a few thousand items is cheap once, not on every view of a popular list.
/// </summary>
public static class ContentListResults
{
    /// <summary>Distinct queries kept per snapshot; beyond it, pages are computed without being kept.</summary>
    public const int MaxEntriesPerSnapshot = 2_000;

    private static readonly ConditionalWeakTable<ContentSnapshot, ConcurrentDictionary<string, ContentListPage>> Pages = new();

    /// <summary>The page of <paramref name="snapshot"/> for <paramref name="query"/>, computed once per snapshot (hub snapshots already leave hidden regions out).</summary>
    public static ContentListPage Run(ContentSnapshot snapshot, ContentListQuery query, IReadOnlyList<string> facetNames)
    {
        var key = string.Join('\u001f', query.Filters.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => f.Key + "=" + f.Value))
            + '\u001e' + query.Sort + '\u001e' + query.Page + '\u001e' + query.PageSize + '\u001e' + string.Join(',', facetNames);
        var pages = Pages.GetValue(snapshot, _ => new ConcurrentDictionary<string, ContentListPage>(StringComparer.Ordinal));
        if (pages.TryGetValue(key, out var page)) return page;
        page = ContentListEngine.Run(snapshot, query, facetNames);
        if (pages.Count < MaxEntriesPerSnapshot) pages.TryAdd(key, page);
        return page;
    }
}
