using Network.Core.Theming;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Pages.Practices;

/// <summary>
/// The public list of practices: filters as plain links with counts (tags, domains, and regions on the hub),
/// newest first, paged. On the hub it lists the regions' shared practices (linking to their region) and the hub's own.
/// </summary>
public sealed class PracticeListModel(ContentDbContext db, ContentListCache cache, PracticeType type, TenantContext tenantContext, TenantCatalog catalog, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 12;

    /// <summary>Query-string name of each facet (French, stable), in display order.</summary>
    public static readonly IReadOnlyList<(ContentFilter Filter, string Label)> Filters =
    [
        (ContentFilter.Region, "Région"),
        (PracticeType.Filters.Domain, "Domaine culturel"),
        (PracticeType.Filters.Tag, "Mot-clé"),
    ];

    public ContentListPage Result { get; private set; } = null!;
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public Dictionary<string, string> DomainLabels { get; private set; } = [];
    public bool IsHub { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        DomainLabels = await PracticeLabels.DomainsAsync(db, cancellationToken);
        var tagLabels = PracticeLabels.Tags(snapshot.Items);
        var facets = Filters.Where(f => IsHub || f.Filter != ContentFilter.Region)
            .Select(f => new ContentFacetDefinition(f.Filter, localizer[f.Label], value => LabelOf(f.Filter.Facet, value, tagLabels), ByLabel: f.Filter == ContentFilter.Region))
            .ToList();
        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + type.PublicPath, facets, PageSize);
        Result = ContentListResults.Run(snapshot, query, facets.Select(f => f.Facet).ToList());
        Facets = ContentListView.Facets(Result, facets, query, urls);
        Pagination = ContentListView.Pagination(Result, urls);
    }

    private string LabelOf(string facet, string value, IReadOnlyDictionary<string, string> tagLabels) => facet switch
    {
        PracticeType.RegionFacet => catalog.Find(value)?.DisplayName ?? PracticeLabels.Fallback(value),
        PracticeType.DomainFacet => DomainLabel(value),
        _ => tagLabels.GetValueOrDefault(value) ?? value,
    };

    public string DomainLabel(string value) => DomainLabels.GetValueOrDefault(value) ?? PracticeLabels.Fallback(value);

    public string? ItemUrl(ContentItem item) => ContentLinks.PublicUrl(HttpContext, catalog, type, item);

    public string? RegionOf(ContentItem item) => item.OriginTenant is { } origin ? catalog.Find(origin)?.DisplayName : null;
}
