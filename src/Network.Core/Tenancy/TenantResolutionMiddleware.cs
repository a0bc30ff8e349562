using Microsoft.AspNetCore.Http;

namespace Network.Core.Tenancy;

/// <summary>
/// Finds the tenant of the request (host name first, then first path segment, else the hub), moves the
/// prefix into PathBase, and answers for tenants that are not running.
/// </summary>
public sealed class TenantResolutionMiddleware(RequestDelegate next, TenantCatalog catalog, TenantActivator activator)
{
    public const string UnavailablePath = "/erreur/503";
    public const string NotFoundPath = "/erreur/404";

    public async Task InvokeAsync(HttpContext context, TenantContext tenantContext)
    {
        var (tenant, byHost, prefix) = catalog.Resolve(context.Request.Host.Host, context.Request.Path);
        if (tenant is null)
        {
            // The host has no hub yet: first-run set-up is still running.
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            context.Response.Headers.RetryAfter = "10";
            await context.Response.WriteAsync("Site en cours d'initialisation.");
            return;
        }

        if (tenant.State == TenantState.Disabled)
        {
            // A disabled site looks like an unknown address: the hub answers with its 404 page, whatever the
            // path (reached by its host name, "/" must not show the hub's home).
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            if (catalog.Hub is not { State: TenantState.Running } hub || !IsPageRequest(context.Request)) return;
            tenantContext.Tenant = hub;
            context.Request.Path = NotFoundPath;
            await activator.EnsureActivatedAsync(hub);
            await next(context);
            return;
        }

        if (prefix is not null)
        {
            context.Request.PathBase = context.Request.PathBase.Add("/" + prefix);
            context.Request.Path = new PathString(context.Request.Path.Value![(prefix.Length + 1)..]);
        }

        tenantContext.Tenant = tenant;
        tenantContext.ResolvedByHost = byHost;

        if (tenant.State == TenantState.Uninitialized)
        {
            context.Response.Headers.RetryAfter = "10";
            if (!IsPageRequest(context.Request))
            {
                context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }
            context.Request.Path = UnavailablePath;
        }
        else
        {
            await activator.EnsureActivatedAsync(tenant);
        }

        await next(context);
    }

    /// <summary>Only GET and HEAD are answered with an error page; a form post would fail its antiforgery check there.</summary>
    private static bool IsPageRequest(HttpRequest request) => HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
}
