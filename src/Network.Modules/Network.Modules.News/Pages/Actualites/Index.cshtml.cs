using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.News.Data;
using Network.Modules.News.Services;

namespace Network.Modules.News.Pages.Actualites;

/// <summary>
/// The public list of news, newest publication first, paged, with the tags (and on the hub the regions) as filter
/// links with counts; on the hub the regions' shared news link to their region. Served from the cached list.
/// </summary>
public sealed class NewsListModel(ContentDbContext db, ContentListCache cache, NewsType type, TenantContext tenantContext, TenantCatalog catalog, IStringLocalizer localizer) : PageModel
{
    public const int PageSize = 10;

    /// <summary>Query-string name of each facet (French, stable), in display order.</summary>
    public static readonly IReadOnlyList<(ContentFilter Filter, string Label)> Filters =
    [
        (ContentFilter.Region, "Région"),
        (NewsType.TagFilter, "Mot-clé"),
    ];

    public ContentListPage Result { get; private set; } = null!;
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public IReadOnlyList<NewsCardView> Cards { get; private set; } = [];
    public bool IsHub { get; private set; }

    /// <summary>The chosen tag's label, when the list is filtered by one.</summary>
    public string? TagLabel { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        var tagLabels = ContentTags.Labels(snapshot.Items, c => c.FieldsAs<NewsFields>().Tags, NewsType.TagMaxLength);
        var facets = Filters.Where(f => IsHub || f.Filter != ContentFilter.Region)
            .Select(f => new ContentFacetDefinition(f.Filter, localizer[f.Label], value => f.Filter == ContentFilter.Region
                ? catalog.Find(value)?.DisplayName ?? value
                : tagLabels.GetValueOrDefault(value) ?? value, ByLabel: f.Filter == ContentFilter.Region))
            .ToList();
        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + type.PublicPath, facets, PageSize);
        Result = ContentListResults.Run(snapshot, query, facets.Select(f => f.Facet).ToList());
        Facets = ContentListView.Facets(Result, facets, query, urls);
        Pagination = ContentListView.Pagination(Result, urls);
        Cards = Result.Items.Select(c => NewsCards.Of(HttpContext, catalog, type, c)).OfType<NewsCardView>().Select(c => c with { Horizontal = true }).ToList();

        var tag = query.Filters.GetValueOrDefault(NewsType.TagFacet);
        if (!string.IsNullOrEmpty(tag)) TagLabel = tagLabels.GetValueOrDefault(tag) ?? tag;
    }
}
