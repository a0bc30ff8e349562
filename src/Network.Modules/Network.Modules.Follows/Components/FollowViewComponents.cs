using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;

namespace Network.Modules.Follows.Components;

/// <summary>What the follow button shows: the topic, the member's follow if any, and whether someone is signed in.</summary>
public sealed record FollowButtonModel(string Kind, string Key, string? Label, bool SignedIn, Follow? Current, string ReturnUrl);

/// <summary>
/// The follow button other modules' pages place (invoked by name, <c>"FollowButton"</c>, so they need no reference to this
/// module): a small form to follow with a delivery choice, or to stop following; a link to sign in for visitors. Renders
/// nothing where the tenant has not enabled Follows. Per member: never inside a shared cache.
/// </summary>
public sealed class FollowButtonViewComponent(TenantContext tenantContext, FollowDesk desk, UserManager<NetworkUser> users) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string kind, string key, string? label = null)
    {
        var tenant = tenantContext.Tenant;
        if (tenant is null || !tenant.IsEnabled(FollowsModule.ModuleId) || !FollowKinds.IsKnown(kind)) return Content("");
        var returnUrl = (HttpContext.Request.PathBase.Value ?? "") + HttpContext.Request.Path + HttpContext.Request.QueryString;
        var userId = HttpContext.User.Identity?.IsAuthenticated == true ? users.GetUserId(HttpContext.User) : null;
        var current = userId is null ? null : await desk.FindAsync(userId, new FollowTopic(kind, tenant.Name, key), HttpContext.RequestAborted);
        return View(new FollowButtonModel(kind, key, label, userId is not null, current, returnUrl));
    }
}

/// <summary>What the "follow-region" block shows.</summary>
public sealed record FollowRegionModel(HomeBlock Block, string RegionName, string FollowUrl);

/// <summary>
/// Home block "follow-region": a link to follow the region. The same HTML for everyone (home blocks are cached for all
/// visitors), so it links to the follow page rather than holding a per-member form.
/// </summary>
public sealed class FollowRegionViewComponent(TenantContext tenantContext) : ViewComponent
{
    public const string BlockTypeId = "follow-region";

    public IViewComponentResult Invoke(HomeBlock block)
    {
        var tenant = tenantContext.Required;
        return View(new FollowRegionModel(block, tenant.DisplayName, (HttpContext.Request.PathBase.Value ?? "") + NotificationPaths.Follow + "?type=" + FollowKinds.Region));
    }
}

/// <summary>
/// Follow buttons for the list pages' facets (invoked by name, <c>"FollowFacets"</c>): for each followable kind whose
/// query parameter holds exactly one value (<c>?domaine=musees</c>), the button to follow that value, labelled from
/// the tenant's vocabulary. Nothing when no such filter is on, or the value is not a term of this tenant.
/// </summary>
public sealed class FollowFacetsViewComponent(TenantContext tenantContext, FollowTopicResolver resolver) : ViewComponent
{
    /// <param name="parameters">Follow kind → the list's query parameter ("domain" → "domaine").</param>
    public async Task<IViewComponentResult> InvokeAsync(IReadOnlyDictionary<string, string> parameters)
    {
        if (tenantContext.Tenant?.IsEnabled(FollowsModule.ModuleId) != true) return Content("");
        var topics = new List<(string Kind, string Key, string Label)>();
        foreach (var (kind, parameter) in parameters)
        {
            var values = HttpContext.Request.Query[parameter];
            if (values.Count != 1 || values[0] is not { Length: > 0 } key) continue;
            if (await resolver.DescribeAsync(kind, key, HttpContext.RequestAborted) is { } topic) topics.Add((kind, key, topic.Label));
        }
        return View(topics);
    }
}
