using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Pages.Practices;

/// <summary>
/// The public list of practices: filters as plain links with counts (tags, domains, and regions on the hub),
/// newest first, paged. On the hub it lists the regions' shared practices (linking to their region) and the hub's own.
/// </summary>
public sealed class PracticeListModel(ContentDbContext db, ContentListCache cache, PracticeType type, TenantContext tenantContext, TenantCatalog catalog) : PageModel
{
    public const int PageSize = 12;
    private const int FilterValueMaxLength = 120;

    /// <summary>Query-string name of each facet (French, stable), in display order.</summary>
    public static readonly IReadOnlyList<(string Facet, string Parameter, string Label)> Filters =
    [
        (PracticeType.RegionFacet, "region", "Région"),
        (PracticeType.DomainFacet, "domaine", "Domaine culturel"),
        (PracticeType.TagFacet, "mot-cle", "Mot-clé"),
    ];

    public ContentListPage Result { get; private set; } = null!;
    public IReadOnlyDictionary<string, string> Selected { get; private set; } = new Dictionary<string, string>();
    public IReadOnlyList<(string Facet, string Parameter, string Label)> ShownFilters { get; private set; } = [];
    public Dictionary<string, string> DomainLabels { get; private set; } = [];
    public Dictionary<string, string> TagLabels { get; private set; } = [];
    public bool IsHub { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        ShownFilters = Filters.Where(f => IsHub || f.Facet != PracticeType.RegionFacet).ToList();
        var selected = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (facet, parameter, _) in ShownFilters)
        {
            // One value per facet; anything odd (repeated, overlong) is simply not a filter.
            var values = Request.Query[parameter];
            if (values.Count == 1 && values[0] is { Length: > 0 and <= FilterValueMaxLength } value) selected[facet] = value;
        }
        Selected = selected;
        var page = int.TryParse(Request.Query["page"], out var p) ? p : 1;

        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        Result = ContentListEngine.Run(snapshot, new ContentListQuery(selected, ContentSort.Newest, page, PageSize),
            ShownFilters.Select(f => f.Facet).ToList(), ContentLinks.Visible(catalog, type));
        DomainLabels = await PracticeLabels.DomainsAsync(db, cancellationToken);
        TagLabels = PracticeLabels.Tags(snapshot.Items);
    }

    public string LabelOf(string facet, string value) => facet switch
    {
        PracticeType.RegionFacet => catalog.Find(value)?.DisplayName ?? PracticeLabels.Fallback(value),
        PracticeType.DomainFacet => DomainLabels.GetValueOrDefault(value) ?? PracticeLabels.Fallback(value),
        _ => TagLabels.GetValueOrDefault(value) ?? value,
    };

    /// <summary>This list with one filter changed (null removes it), back on page 1.</summary>
    public string UrlWith(string facet, string? value, int page = 1)
    {
        var parameters = new List<string>();
        foreach (var (f, parameter, _) in ShownFilters)
        {
            var v = f == facet ? value : Selected.GetValueOrDefault(f);
            if (!string.IsNullOrEmpty(v)) parameters.Add(parameter + "=" + Uri.EscapeDataString(v));
        }
        if (page > 1) parameters.Add("page=" + page);
        return (Request.PathBase.Value ?? "") + type.PublicPath + (parameters.Count > 0 ? "?" + string.Join("&", parameters) : "");
    }

    public string PageUrl(int page) => UrlWith("", null, page);

    public string? ItemUrl(ContentItem item) => ContentLinks.PublicUrl(HttpContext, catalog, type, item);

    public string? RegionOf(ContentItem item) => item.OriginTenant is { } origin ? catalog.Find(origin)?.DisplayName : null;
}
