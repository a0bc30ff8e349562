using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;
using Network.Core.Modules;
using Network.Core.Search;
using Network.Core.Tenancy;
using Network.Modules.Search.Index;

namespace Network.Modules.Search.Searching;

/// <summary>
/// The public search of the current tenant: turns <see cref="SearchParameters"/> into a <see cref="SearchRequest"/>
/// scoped as the design says (a region: its own documents of its enabled types; the hub: its own, plus every running
/// region's shared documents of that region's enabled types), runs it and shapes the results for the page and the JSON.
/// </summary>
public sealed class SiteSearch(SearchIndex index, TenantContext tenantContext, TenantCatalog catalog, ModuleCatalog modules,
    IEnumerable<ISearchDocumentSource> sources, TenantUrls tenantUrls, IStringLocalizer localizer)
{
    public const string PagePath = "/recherche";
    public const string JsonPath = "/recherche.json";
    public const string OpenSearchPath = "/recherche/opensearch.xml";

    /// <summary>Every document type the build knows, by name (the first source declaring a name wins).</summary>
    public IReadOnlyDictionary<string, SearchDocumentType> Types { get; } = sources.SelectMany(s => s.Types)
        .GroupBy(t => t.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The types whose module the tenant has enabled.</summary>
    public IReadOnlyList<SearchDocumentType> EnabledTypes(TenantInfo tenant)
        => Types.Values.Where(t => modules.IsEnabled(tenant, t.ModuleId)).ToList();

    public IReadOnlyList<SearchScopeTenant> Scope(TenantInfo tenant)
    {
        var scope = new List<SearchScopeTenant> { new(tenant.Name, EnabledTypes(tenant).Select(t => t.Name).ToHashSet(), false) };
        if (tenant.IsHub)
        {
            scope.AddRange(catalog.All
                .Where(t => !t.IsHub && t.State == TenantState.Running)
                .OrderBy(t => t.DisplayName, StringComparer.CurrentCulture)
                .Select(t => new SearchScopeTenant(t.Name, EnabledTypes(t).Select(type => type.Name).ToHashSet(), true)));
        }
        return scope.Where(s => s.Types.Count > 0).ToList();
    }

    public SiteSearchPage Run(HttpContext http, SearchParameters parameters)
    {
        var tenant = tenantContext.Required;
        var scope = Scope(tenant);
        parameters = WithKnownFilters(parameters, tenant, scope);
        var pathBase = http.Request.PathBase.Value ?? "";
        // Types without a list of their own (free pages) have nothing to browse.
        var browse = EnabledTypes(tenant).Where(t => t.ListPath.Length > 0).OrderBy(t => t.PluralLabel, StringComparer.CurrentCulture)
            .Select(t => new SiteSearchLink(localizer[t.PluralLabel], pathBase + t.ListPath)).ToList();
        var page = new SiteSearchPage(parameters, tenant.IsHub, pathBase + PagePath) { Browse = browse };
        if (parameters.Query.Length == 0 || scope.Count == 0) return page;

        var results = Search(parameters, scope);
        var pageCount = PageCount(results.Total);
        if (results.Total > 0 && parameters.Page > pageCount)
        {
            // Past the last page (an old link, a hand-made number): show the last one rather than nothing.
            parameters = parameters with { Page = pageCount };
            results = Search(parameters, scope);
            page = page with { Parameters = parameters };
        }

        return page with
        {
            Ran = true,
            Total = results.Total,
            PageCount = pageCount,
            QueryIsEmpty = results.QueryIsEmpty,
            QueryTruncated = results.QueryTruncated,
            Suggestion = results.Suggestion,
            SuggestionUrl = results.Suggestion is { } suggestion
                ? page.BaseUrl + (parameters with { Query = suggestion, Page = 1 }).QueryString() : null,
            Hits = results.Hits.Select(h => Hit(http, h)).ToList(),
            Facets = Facets(parameters, results, tenant, page.BaseUrl),
        };
    }

    private SearchResults Search(SearchParameters parameters, IReadOnlyList<SearchScopeTenant> scope)
        => index.Search(new SearchRequest(parameters.Query, scope, parameters.Filters, parameters.Sort, parameters.Page, SearchRequest.DefaultPageSize));

    private static int PageCount(int total) => Math.Max(1, (total + SearchRequest.DefaultPageSize - 1) / SearchRequest.DefaultPageSize);

    /// <summary>Type and region values that cannot match anything here are dropped (a region has no region filter).</summary>
    private static SearchParameters WithKnownFilters(SearchParameters parameters, TenantInfo tenant, IReadOnlyList<SearchScopeTenant> scope)
    {
        var filters = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var (facet, values) in parameters.Filters)
        {
            var kept = facet switch
            {
                SearchFacets.Type => values.Where(v => scope.Any(s => s.Types.Contains(v))).ToList(),
                SearchFacets.Region => tenant.IsHub ? values.Where(v => scope.Any(s => s.Tenant == v)).ToList() : [],
                _ => values.ToList(),
            };
            if (kept.Count > 0) filters[facet] = kept;
        }
        return parameters with { Filters = filters };
    }

    private SiteSearchHit Hit(HttpContext http, SearchHit hit)
    {
        var owner = catalog.Find(hit.Tenant);
        var type = Types.GetValueOrDefault(hit.Type);
        var local = ParisTime.FromUtc(hit.DateUtc);
        var offset = ParisTime.Zone.GetUtcOffset(DateTime.SpecifyKind(hit.DateUtc, DateTimeKind.Utc));
        return new SiteSearchHit(
            Title: hit.Title,
            TitleHtml: hit.TitleHtml,
            Url: owner is null ? hit.Path : TenantUrls.Link(http, owner, hit.Path),
            AbsoluteUrl: owner is null ? hit.Path : tenantUrls.Absolute(owner, hit.Path),
            Type: hit.Type,
            TypeLabel: localizer[type?.Label ?? hit.Type],
            Tenant: hit.Tenant,
            RegionName: owner?.DisplayName ?? hit.Tenant,
            DateText: local.ToString("d", CultureInfo.CurrentCulture),
            DateIso: new DateTimeOffset(local, offset).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture),
            SnippetHtml: hit.SnippetHtml);
    }

    private IReadOnlyList<SiteSearchFacet> Facets(SearchParameters parameters, SearchResults results, TenantInfo tenant, string baseUrl)
    {
        var groups = new List<SiteSearchFacet>();
        foreach (var (facet, parameter) in SearchParameters.FacetParameters)
        {
            if (facet == SearchFacets.Region && !tenant.IsHub) continue;
            var counts = results.Facets.GetValueOrDefault(facet) ?? [];
            var options = counts.Select(c => new SiteSearchFacetOption(c.Value, FacetLabel(facet, c.Value, c.Label), c.Count,
                    parameters.IsSelected(facet, c.Value), baseUrl + parameters.Toggle(facet, c.Value).QueryString()))
                .ToList();
            // A chosen value the engine did not count (no document has it any more) stays visible, so it can be removed.
            foreach (var value in parameters.Filters.GetValueOrDefault(facet) ?? [])
            {
                if (options.All(o => o.Value != value))
                    options.Add(new SiteSearchFacetOption(value, FacetLabel(facet, value, value), 0, true, baseUrl + parameters.Toggle(facet, value).QueryString()));
            }
            if (options.Count == 0) continue;
            groups.Add(new SiteSearchFacet(facet, parameter, localizer[Legend(facet)], options));
        }
        return groups;
    }

    private string FacetLabel(string facet, string value, string label) => facet switch
    {
        SearchFacets.Type => Types.TryGetValue(value, out var type) ? localizer[type.PluralLabel] : label,
        SearchFacets.Region => catalog.Find(value)?.DisplayName ?? label,
        _ => label,
    };

    private static string Legend(string facet) => facet switch
    {
        SearchFacets.Type => "Type",
        SearchFacets.Region => "Région",
        SearchFacets.Domain => "Domaine",
        SearchFacets.Technology => "Technologie",
        SearchFacets.Programme => "Programme",
        _ => "Année",
    };
}

/// <summary>One search as the page and the JSON show it. <see cref="Ran"/> is false for an empty query (the form and tips only).</summary>
public sealed record SiteSearchPage(SearchParameters Parameters, bool IsHub, string BaseUrl)
{
    public bool Ran { get; init; }
    public int Total { get; init; }
    public int PageCount { get; init; } = 1;
    public bool QueryIsEmpty { get; init; } = true;
    public bool QueryTruncated { get; init; }
    public string? Suggestion { get; init; }
    public string? SuggestionUrl { get; init; }
    public IReadOnlyList<SiteSearchHit> Hits { get; init; } = [];
    public IReadOnlyList<SiteSearchFacet> Facets { get; init; } = [];

    /// <summary>The tenant's lists to browse (offered when nothing is found).</summary>
    public IReadOnlyList<SiteSearchLink> Browse { get; init; } = [];

    public string UrlOf(SearchParameters parameters) => BaseUrl + parameters.QueryString();

    public string PageUrl(int page) => UrlOf(Parameters with { Page = page });

    public string SortUrl(SearchSort sort) => UrlOf(Parameters with { Sort = sort, Page = 1 });

    public string ClearFiltersUrl => UrlOf(Parameters with { Filters = new Dictionary<string, IReadOnlyList<string>>(), Page = 1 });

    public IEnumerable<(SiteSearchFacet Facet, SiteSearchFacetOption Option)> ActiveFilters
        => Facets.SelectMany(f => f.Options.Where(o => o.Selected).Select(o => (f, o)));
}

public sealed record SiteSearchHit(string Title, string TitleHtml, string Url, string AbsoluteUrl, string Type, string TypeLabel,
    string Tenant, string RegionName, string DateText, string DateIso, string SnippetHtml);

public sealed record SiteSearchFacet(string Name, string Parameter, string Legend, IReadOnlyList<SiteSearchFacetOption> Options);

/// <param name="Url">The same search with this value toggled.</param>
public sealed record SiteSearchFacetOption(string Value, string Label, int Count, bool Selected, string Url);

public sealed record SiteSearchLink(string Label, string Url);
