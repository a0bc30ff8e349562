using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Home;

namespace Network.Modules.Calls.Home;

/// <summary>What the "calls-open" block shows.</summary>
public sealed record CallsOpenModel(HomeBlock Block, bool Hub, string ListUrl, IReadOnlyList<CallCard> Cards, DateTime NowUtc);

/// <summary>
/// Home block "calls-open": the calls open now, nearest deadline first, with their countdown; on the hub, the regions'
/// shared open calls (their copies), each linking to its region. Nothing is rendered when no call is open.
/// </summary>
public sealed class CallsOpenViewComponent(CallCatalog catalog, TenantContext tenantContext) : ViewComponent
{
    public const string BlockTypeId = "calls-open";
    public const int DefaultCount = 3;

    public async Task<IViewComponentResult> InvokeAsync(HomeBlock block)
    {
        var hub = tenantContext.Required.IsHub;
        var snapshot = await catalog.SnapshotAsync(HttpContext.RequestAborted);
        var states = await catalog.StatesAsync(snapshot, HttpContext.RequestAborted);
        var cards = snapshot.Items
            .Where(c => (c.Item.OriginTenant is not null) == hub && states[c.Item.Id] == CallState.Open)
            .OrderBy(c => c.FieldsAs<CallFields>().ClosesUtc)
            .Take(ContentHomeData.CountOf(block, DefaultCount))
            .Select(c => catalog.Card(HttpContext, c, CallState.Open))
            .ToList();
        return View(new CallsOpenModel(block, hub, (HttpContext.Request.PathBase.Value ?? "") + "/appels", cards, catalog.NowUtc));
    }
}
