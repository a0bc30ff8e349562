using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;

namespace Network.Themes.Public.Theming;

/// <summary>
/// URLs the layouts need. Tenant links carry the tenant's prefix (the request's PathBase); theme assets are
/// served once for every tenant from the application root, so they never carry a tenant prefix.
/// </summary>
public static class ThemeUrls
{
    public const string AssetsBase = "/_content/Network.Themes.Public/";

    /// <summary>The application root path, without the tenant prefix ("" when the site runs at the host root).</summary>
    public static string ApplicationRoot(HttpContext context) => TenantUrls.ApplicationRoot(context);

    /// <summary>A theme asset ("dsfr/dsfr.min.css", "css/reseau.css") from the application root.</summary>
    public static string Asset(HttpContext context, string path) => ApplicationRoot(context) + AssetsBase + path.TrimStart('/');

    /// <summary>A path inside the current tenant ("/compte" → "/hauts-de-france/compte").</summary>
    public static string Tenant(HttpContext context, string path) => (context.Request.PathBase.Value ?? "") + "/" + path.TrimStart('/');

    /// <summary>
    /// The current page as a local URL (path base, path and query), for "come back here" parameters. On an error
    /// page it is the address the visitor asked for, not the error page's own.
    /// </summary>
    public static string Current(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is { } reExecuted)
            return reExecuted.OriginalPathBase + reExecuted.OriginalPath + reExecuted.OriginalQueryString;
        if (context.Features.Get<IExceptionHandlerPathFeature>() is { } failed)
            return (context.Request.PathBase.Value ?? "") + failed.Path;
        return (context.Request.PathBase.Value ?? "") + (context.Request.Path.Value ?? "/") + context.Request.QueryString.Value;
    }

    /// <summary>
    /// The home page of another tenant: by its prefix from the application root, or as an absolute URL when a
    /// prefix would not reach it (the current tenant was reached by its own host name, or the target has one).
    /// </summary>
    public static string TenantHome(HttpContext context, TenantInfo tenant) => TenantUrls.Link(context, tenant, "/");
}
