using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Pages.Appels;

/// <summary>
/// The public list of calls: open ones (nearest deadline first, with the countdown), upcoming ones, then past ones
/// (closed, under review, results published; paged), all filtered by the same facets through the Content list engine.
/// On the hub: the regions' shared calls (their copies), with a region facet, each linking to the region's page.
/// </summary>
public sealed class CallListModel(CallCatalog catalog, VocabularyService vocabularies, TenantContext tenantContext, TenantCatalog tenants, IStringLocalizer localizer) : PageModel
{
    public const int PastPageSize = 12;

    public IReadOnlyList<CallCard> Open { get; private set; } = [];
    public IReadOnlyList<CallCard> Upcoming { get; private set; } = [];
    public IReadOnlyList<CallCard> Past { get; private set; } = [];
    public int PastTotal { get; private set; }
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public bool IsHub { get; private set; }
    public DateTime NowUtc => catalog.NowUtc;

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsHub = tenantContext.Required.IsHub;
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var states = await catalog.StatesAsync(snapshot, cancellationToken);
        var domains = await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken);
        var programmes = snapshot.Items.Select(c => c.FieldsAs<CallFields>().Programme)
            .GroupBy(CallType.ProgrammeValue).ToDictionary(g => g.Key, g => g.First());
        var facets = new List<ContentFacetDefinition>();
        if (IsHub) facets.Add(new(ContentFilter.Region, localizer["Région"], v => tenants.Find(v)?.DisplayName ?? v, ByLabel: true));
        facets.Add(new(CallType.Filters.Programme, localizer["Programme"], v => programmes.GetValueOrDefault(v) ?? v, ByLabel: true));
        facets.Add(new(CallType.Filters.Year, localizer["Année"], v => v, ByLabel: true, Descending: true));
        facets.Add(new(CallType.Filters.Domain, localizer["Domaine culturel"], v => domains.GetValueOrDefault(v) ?? v));

        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + "/appels", facets, PastPageSize);
        var names = facets.Select(f => f.Facet).ToList();
        var all = ContentListEngine.Run(snapshot, query with { Page = 1 }, names);
        Facets = ContentListView.Facets(all, facets, query, urls);

        ContentSnapshot Part(Func<CallState, bool> keep) => snapshot with { Items = snapshot.Items.Where(c => keep(states[c.Item.Id])).ToList() };
        IReadOnlyList<CallCard> Cards(IEnumerable<Network.Modules.Content.Lists.ContentCard> items) => items.Select(c => catalog.Card(HttpContext, c, states[c.Item.Id])).ToList();

        var everything = query with { Page = 1, PageSize = ContentListEngine.MaxPageSize };
        Open = Cards(ContentListEngine.Run(Part(s => s == CallState.Open), everything, []).Items
            .OrderBy(c => c.FieldsAs<CallFields>().ClosesUtc));
        Upcoming = Cards(ContentListEngine.Run(Part(s => s == CallState.Upcoming), everything, []).Items
            .OrderBy(c => c.FieldsAs<CallFields>().OpensUtc));
        var pastSnapshot = Part(s => s is not (CallState.Open or CallState.Upcoming));
        pastSnapshot = pastSnapshot with { Items = pastSnapshot.Items.OrderByDescending(c => c.FieldsAs<CallFields>().ClosesUtc).ToList() };
        var past = ContentListEngine.Run(pastSnapshot, query with { Sort = ContentSort.Newest }, []);
        Past = Cards(past.Items);
        PastTotal = past.Total;
        Pagination = ContentListView.Pagination(past, urls);
        return Page();
    }
}
