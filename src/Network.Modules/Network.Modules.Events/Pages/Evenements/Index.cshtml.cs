using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Core.Text;
using Network.Modules.Content.Lists;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Evenements;

/// <summary>
/// The public list of events: those to come (soonest first, cancelled and postponed ones with their badge), then past
/// ones (latest first, paged), filtered by kind, city and year through the Content list engine. On the hub: the
/// regions' shared events (their copies), with a region facet, each linking to the region's page.
/// </summary>
public sealed class EventListModel(EventCatalog catalog, TenantContext tenantContext, TenantCatalog tenants, IStringLocalizer localizer) : PageModel
{
    public const int PastPageSize = 12;

    public IReadOnlyList<EventCard> Upcoming { get; private set; } = [];
    public IReadOnlyList<EventCard> Past { get; private set; } = [];
    public int PastTotal { get; private set; }
    public FacetPanelView Facets { get; private set; } = null!;
    public PaginationView Pagination { get; private set; } = null!;
    public bool IsHub { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        IsHub = tenantContext.Required.IsHub;
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var statuses = await catalog.StatusesAsync(snapshot, cancellationToken);
        var cities = snapshot.Items.Select(c => c.FieldsAs<EventFields>()).Where(f => !f.Online && f.City.Trim().Length > 0)
            .GroupBy(f => Slugs.FromTitle(f.City)).ToDictionary(g => g.Key, g => g.First().City.Trim());
        var facets = new List<ContentFacetDefinition>();
        if (IsHub) facets.Add(new(ContentFilter.Region, localizer["Région"], v => tenants.Find(v)?.DisplayName ?? v, ByLabel: true));
        facets.Add(new(EventType.Filters.Kind, localizer["Type d'événement"], v => localizer[EventKinds.Label(v)], ByLabel: true));
        facets.Add(new(EventType.Filters.City, localizer["Ville"], v => cities.GetValueOrDefault(v) ?? v, ByLabel: true));
        facets.Add(new(EventType.Filters.Year, localizer["Année"], v => v, ByLabel: true, Descending: true));

        var (query, urls) = ContentListView.Read(Request.Query, (Request.PathBase.Value ?? "") + "/evenements", facets, PastPageSize);
        var all = ContentListEngine.Run(snapshot, query with { Page = 1 }, facets.Select(f => f.Facet).ToList());
        Facets = ContentListView.Facets(all, facets, query, urls);

        var upcoming = snapshot with { Items = snapshot.Items.Where(catalog.IsUpcoming).OrderBy(c => c.FieldsAs<EventFields>().StartUtc).ThenBy(c => c.Item.Id).ToList() };
        Upcoming = ContentListEngine.Run(upcoming, query with { Page = 1, PageSize = ContentListEngine.MaxPageSize, Sort = ContentSort.Newest }, []).Items
            .Select(c => catalog.Card(HttpContext, c, statuses[c.Item.Id])).ToList();
        var past = snapshot with { Items = snapshot.Items.Where(c => !catalog.IsUpcoming(c)).OrderByDescending(c => c.FieldsAs<EventFields>().StartUtc).ThenByDescending(c => c.Item.Id).ToList() };
        var pastPage = ContentListEngine.Run(past, query with { Sort = ContentSort.Newest }, []);
        Past = pastPage.Items.Select(c => catalog.Card(HttpContext, c, statuses[c.Item.Id])).ToList();
        PastTotal = pastPage.Total;
        Pagination = ContentListView.Pagination(pastPage, urls);
        ViewData["FeedUrl"] = (Request.PathBase.Value ?? "") + EventCalendarEndpoints.FeedPath;
        return Page();
    }
}
