using Network.Core.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Modules.Content.Lists;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Pages.Projets;

/// <summary>
/// The public list of showcases: the tenant's published items (on the hub, its own and the copies of the regions'
/// shared ones), filtered by facets, sorted and paged in memory from the cached snapshot.
/// </summary>
public sealed class ShowcaseListModel(ShowcaseCatalog catalog, TenantContext tenantContext, TenantCatalog tenants, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 12;

    public IReadOnlyList<ShowcaseCard> Cards { get; private set; } = [];
    public int Total { get; private set; }
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public ContentListUrls Urls { get; private set; } = null!;
    public bool SortedByTitle { get; private set; }
    public int CurrentPage { get; private set; }
    public int PageCount { get; private set; }
    public bool IsHub { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        var labels = await catalog.LabelsAsync(cancellationToken);
        var facets = FacetDefinitions(labels, IsHub);
        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + "/projets", facets, PageSize);
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var page = ContentListResults.Run(snapshot, query, facets.Select(f => f.Facet).ToList());
        Urls = urls;
        SortedByTitle = query.Sort == ContentSort.Title;
        Total = page.Total;
        CurrentPage = page.Page;
        PageCount = page.PageCount;
        Cards = page.Items.Select(c => catalog.Card(c, labels)).ToList();
        Facets = ContentListView.Facets(page, facets, query, urls);
        Pagination = ContentListView.Pagination(page, urls);
        return Page();
    }

    private IReadOnlyList<ContentFacetDefinition> FacetDefinitions(VocabularyLabels labels, bool hub)
    {
        var list = new List<ContentFacetDefinition>();
        if (hub) list.Add(new(ContentFilter.Region, localizer["Région"], v => tenants.Find(v)?.DisplayName ?? v, ByLabel: true));
        list.Add(new(ShowcaseType.Filters.Domain, localizer["Domaine culturel"], labels.Domain));
        list.Add(new(ShowcaseType.Filters.Technology, localizer["Technologie"], labels.Technology));
        list.Add(new(ShowcaseType.Filters.Programme, localizer["Programme"], v => v));
        list.Add(new(ShowcaseType.Filters.Year, localizer["Année"], v => v, ByLabel: true, Descending: true));
        list.Add(new(ShowcaseType.Filters.Maturity, localizer["Maturité"], v => ShowcaseType.MaturityLabelOfSlug(v) is { } label ? localizer[label] : v));
        return list;
    }
}
