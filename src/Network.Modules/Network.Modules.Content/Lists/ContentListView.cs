using Network.Core.Theming;
using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Network.Modules.Content.Lists;

/// <summary>A facet a public list offers: its filter (stored facet, address parameter), its legend and how values read.</summary>
/// <param name="Label">The visitor's label of a stored value ("musees" → "Musées"), already localized.</param>
/// <param name="ByLabel">Order values by label (years, regions) rather than by count.</param>
public sealed record ContentFacetDefinition(ContentFilter Filter, string Legend, Func<string, string> Label, bool ByLabel = false, bool Descending = false)
{
    public string Facet => Filter.Facet;
    public string Parameter => Filter.Parameter;
}

public sealed record FacetOptionView(string Value, string Label, int Count, bool Selected, string Url);

public sealed record FacetGroupView(string Parameter, string Legend, IReadOnlyList<FacetOptionView> Options);

public sealed record ActiveFilterView(string Legend, string Label, string RemoveUrl);

/// <summary>What the <c>_ContentFacets</c> partial shows: the groups of links with counts and the current choices, each removable.</summary>
public sealed record FacetPanelView(IReadOnlyList<FacetGroupView> Groups, IReadOnlyList<ActiveFilterView> Active, string ClearUrl);

/// <summary>
/// The addresses of a public list's states: every filter, sort and page is a plain link (works without JavaScript,
/// can be bookmarked). Choosing or removing a filter goes back to the first page.
/// </summary>
public sealed class ContentListUrls(string basePath, IReadOnlyList<(string Parameter, string Value)> selections, string? sort, int page)
{
    public const string SortParameter = "tri";
    public const string PageParameter = "page";
    public const string TitleSort = "titre";

    public IReadOnlyList<(string Parameter, string Value)> Selections => selections;

    public string With(string parameter, string value)
        => Build(selections.Where(s => s.Parameter != parameter).Append((parameter, value)), sort, 1);

    public string Without(string parameter) => Build(selections.Where(s => s.Parameter != parameter), sort, 1);

    public string WithSort(string? newSort) => Build(selections, newSort, 1);

    public string WithPage(int newPage) => Build(selections, sort, newPage);

    public string Cleared() => Build([], sort, 1);

    public string Current => Build(selections, sort, page);

    private string Build(IEnumerable<(string Parameter, string Value)> chosen, string? sortValue, int pageNumber)
    {
        var parts = chosen.Select(s => Uri.EscapeDataString(s.Parameter) + "=" + Uri.EscapeDataString(s.Value)).ToList();
        if (!string.IsNullOrEmpty(sortValue)) parts.Add(SortParameter + "=" + Uri.EscapeDataString(sortValue));
        if (pageNumber > 1) parts.Add(PageParameter + "=" + pageNumber.ToString(CultureInfo.InvariantCulture));
        return parts.Count == 0 ? basePath : basePath + "?" + string.Join("&", parts);
    }
}

/// <summary>Reads a public list's query string and builds what its shared partials show.</summary>
public static class ContentListView
{
    public const int MaxValueLength = 120;

    /// <summary>The list request of a query string (unknown parameters and absurd values are ignored, never an error).</summary>
    public static (ContentListQuery Query, ContentListUrls Urls) Read(IQueryCollection query, string basePath, IReadOnlyList<ContentFacetDefinition> facets, int pageSize)
    {
        var filters = new Dictionary<string, string>(StringComparer.Ordinal);
        var selections = new List<(string, string)>();
        foreach (var facet in facets)
        {
            var value = query[facet.Parameter].FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
            if (value is null || value.Length > MaxValueLength) continue;
            filters[facet.Facet] = value;
            selections.Add((facet.Parameter, value));
        }
        var sortValue = query[ContentListUrls.SortParameter].FirstOrDefault();
        var sort = sortValue == ContentListUrls.TitleSort ? ContentSort.Title : ContentSort.Newest;
        var page = int.TryParse(query[ContentListUrls.PageParameter].FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : 1;
        var urls = new ContentListUrls(basePath, selections, sort == ContentSort.Title ? ContentListUrls.TitleSort : null, page);
        return (new ContentListQuery(filters, sort, page, pageSize), urls);
    }

    public static FacetPanelView Facets(ContentListPage page, IReadOnlyList<ContentFacetDefinition> facets, ContentListQuery query, ContentListUrls urls)
    {
        var groups = new List<FacetGroupView>();
        var active = new List<ActiveFilterView>();
        foreach (var facet in facets)
        {
            var selected = query.Filters.GetValueOrDefault(facet.Facet);
            var counts = page.Facets.GetValueOrDefault(facet.Facet) ?? [];
            var options = counts.Select(c => new FacetOptionView(c.Value, facet.Label(c.Value), c.Count, c.Value == selected,
                c.Value == selected ? urls.Without(facet.Parameter) : urls.With(facet.Parameter, c.Value))).ToList();
            if (facet.ByLabel)
            {
                options = facet.Descending
                    ? options.OrderByDescending(o => o.Label, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList()
                    : options.OrderBy(o => o.Label, StringComparer.Create(CultureInfo.GetCultureInfo("fr-FR"), true)).ToList();
            }
            if (selected is not null)
            {
                active.Add(new ActiveFilterView(facet.Legend, facet.Label(selected), urls.Without(facet.Parameter)));
                if (options.All(o => !o.Selected)) options.Insert(0, new FacetOptionView(selected, facet.Label(selected), 0, true, urls.Without(facet.Parameter)));
            }
            if (options.Count > 0) groups.Add(new FacetGroupView(facet.Parameter, facet.Legend, options));
        }
        return new FacetPanelView(groups, active, urls.Cleared());
    }

    public static PaginationView Pagination(ContentListPage page, ContentListUrls urls) => new(page.Page, page.PageCount, urls.WithPage);
}
