using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Content.Home;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Home;

/// <summary>What the "events-upcoming" block shows.</summary>
public sealed record EventsUpcomingModel(HomeBlock Block, bool Hub, string ListUrl, IReadOnlyList<EventCard> Cards);

/// <summary>
/// Home block "events-upcoming": the next events (not cancelled), soonest first, with their date and place; on the hub,
/// the regions' shared events (their copies), each linking to its region. Nothing is rendered when none is coming.
/// </summary>
public sealed class EventsUpcomingViewComponent(EventCatalog catalog, TenantContext tenantContext) : ViewComponent
{
    public const string BlockTypeId = "events-upcoming";
    public const int DefaultCount = 3;

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var hub = tenantContext.Required.IsHub;
        var snapshot = await catalog.SnapshotAsync(HttpContext.RequestAborted);
        var statuses = await catalog.StatusesAsync(snapshot, HttpContext.RequestAborted);
        var cards = snapshot.Items
            .Where(c => (c.Item.OriginTenant is not null) == hub && catalog.IsUpcoming(c) && statuses[c.Item.Id].Status != EventStatus.Cancelled)
            .OrderBy(c => c.FieldsAs<EventFields>().StartUtc).ThenBy(c => c.Item.Id)
            .Take(ContentHomeData.CountOf(block, DefaultCount))
            .Select(c => catalog.Card(HttpContext, c, statuses[c.Item.Id]))
            .ToList();
        return View(new EventsUpcomingModel(block, hub, (HttpContext.Request.PathBase.Value ?? "") + "/evenements", cards));
    }
}
