using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Network.Core.Api;

namespace Network.Modules.Api.Endpoints;

/// <summary>
/// Reads a list request's query string strictly: an API client wants to know its mistake (problem details naming the
/// parameter) rather than get a page it did not ask for. Only a page size beyond the cap is corrected, not refused.
/// </summary>
public static class ApiQueryReader
{
    public const string PageParameter = "page";
    public const string PageSizeParameter = "pageSize";
    public const string SortParameter = "sort";
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 100_000;
    public const int MaxValueLength = 120;

    /// <summary>The filters offered here: hub-only ones (region) only on the hub.</summary>
    public static IReadOnlyList<ApiFilter> FiltersHere(IApiResource resource, bool hub) => resource.Filters.Where(f => hub || !f.HubOnly).ToList();

    public static (ApiListRequest? Request, ProblemHttpResult? Problem) Read(IQueryCollection query, IApiResource resource, bool hub)
    {
        var filters = FiltersHere(resource, hub);
        foreach (var (name, values) in query)
        {
            if (values.Count > 1) return (null, ApiProblems.BadParameter(name, $"The parameter '{name}' is given {values.Count} times; give it once."));
            if (name is PageParameter or PageSizeParameter or SortParameter || filters.Any(f => f.Parameter == name)) continue;
            var known = string.Join(", ", new[] { PageParameter, PageSizeParameter, SortParameter }.Concat(filters.Select(f => f.Parameter)));
            return (null, ApiProblems.BadParameter(name, $"Unknown parameter '{name}'. This list accepts: {known}."));
        }

        var page = 1;
        if (query.TryGetValue(PageParameter, out var pageText)
            && (!int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out page) || page < 1 || page > MaxPage))
            return (null, ApiProblems.BadParameter(PageParameter, $"'page' must be a whole number from 1 to {MaxPage}."));

        var pageSize = DefaultPageSize;
        if (query.TryGetValue(PageSizeParameter, out var sizeText))
        {
            // A huge page size is capped rather than refused: asking for "everything" gets the largest page.
            var digits = sizeText.ToString();
            var significant = digits.TrimStart('0');
            var valid = digits.Length > 0 && digits.All(char.IsAsciiDigit) && significant.Length > 0;
            if (!valid)
                return (null, ApiProblems.BadParameter(PageSizeParameter, $"'pageSize' must be a whole number from 1 (larger values are capped at {MaxPageSize})."));
            pageSize = significant.Length > 9 ? MaxPageSize : Math.Min(int.Parse(significant, CultureInfo.InvariantCulture), MaxPageSize);
        }

        var sort = resource.Sorts[0];
        if (query.TryGetValue(SortParameter, out var sortText))
        {
            if (!resource.Sorts.Contains(sortText.ToString(), StringComparer.Ordinal))
                return (null, ApiProblems.BadParameter(SortParameter, $"Unknown sort '{Cut(sortText.ToString())}'. Use one of: {string.Join(", ", resource.Sorts)}."));
            sort = sortText.ToString();
        }

        var chosen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var filter in filters)
        {
            var value = query[filter.Parameter].ToString().Trim();
            if (value.Length == 0) continue;
            if (value.Length > MaxValueLength)
                return (null, ApiProblems.BadParameter(filter.Parameter, $"The value of '{filter.Parameter}' is longer than {MaxValueLength} characters."));
            chosen[filter.Parameter] = value;
        }
        return (new ApiListRequest(chosen, sort, page, pageSize), null);
    }

    /// <summary>The canonical query of a request at <paramref name="page"/>: filters in the resource's order, defaults left out.</summary>
    public static string Canonical(IApiResource resource, ApiListRequest request, int page)
    {
        var builder = new StringBuilder();
        void Add(string name, string value)
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
        }
        foreach (var filter in resource.Filters)
            if (request.Filters.TryGetValue(filter.Parameter, out var value)) Add(filter.Parameter, value);
        if (request.Sort != resource.Sorts[0]) Add(SortParameter, request.Sort);
        if (request.PageSize != DefaultPageSize) Add(PageSizeParameter, request.PageSize.ToString(CultureInfo.InvariantCulture));
        if (page != 1) Add(PageParameter, page.ToString(CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static string Cut(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
