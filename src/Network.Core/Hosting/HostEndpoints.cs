using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Routing;
using Network.Core.Localization;
using Network.Core.Tenancy;

namespace Network.Core.Hosting;

/// <summary>Endpoints of the host itself, present in every tenant.</summary>
internal static class HostEndpoints
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/health", Health);
        endpoints.MapGet("/langue/{culture}", SwitchCulture);
    }

    /// <summary>The host and each tenant's state, for monitoring.</summary>
    private static IResult Health(TenantCatalog catalog, TenantActivator activator)
    {
        var tenants = catalog.All.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new
        {
            name = t.Name,
            displayName = t.DisplayName,
            state = t.State.ToString(),
            prefix = t.PathBase,
            hosts = t.Hosts,
            features = t.Features.Order(StringComparer.Ordinal),
        });
        var healthy = catalog.Hub is { State: TenantState.Running };
        var gc = GC.GetGCMemoryInfo();
        return Results.Json(new
        {
            status = healthy ? "Healthy" : "Unhealthy",
            host = new { version = typeof(HostEndpoints).Assembly.GetName().Version?.ToString(), tenants = catalog.All.Count, activeTenants = activator.ActiveCount },
            // What capacity planning needs (the cost of one more tenant), without a profiler on the server.
            memory = new
            {
                workingSetBytes = Environment.WorkingSet,
                managedHeapBytes = GC.GetTotalMemory(forceFullCollection: false),
                heapAfterLastGcBytes = gc.HeapSizeBytes,
                committedBytes = gc.TotalCommittedBytes,
                collections = new[] { GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2) },
            },
            tenants,
        }, statusCode: healthy ? 200 : 503);
    }

    /// <summary>Remembers the chosen language in a cookie and goes back to the page (links, so it works without JavaScript).</summary>
    private static IResult SwitchCulture(string culture, string? retour, HttpContext context)
    {
        if (!LocalizationCatalog.SupportedCultures.Contains(culture)) return Results.NotFound();
        context.Response.Cookies.Append(NetworkHost.CultureCookie,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        var pathBase = context.Request.PathBase.Value ?? "";
        return Results.Redirect(TenantUrls.IsLocalToTenant(context, retour) ? retour! : pathBase + "/");
    }
}
