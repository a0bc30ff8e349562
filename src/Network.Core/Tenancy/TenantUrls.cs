using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;

namespace Network.Core.Tenancy;

/// <summary>
/// Absolute URLs to a tenant's pages, for links that leave the site (e-mails, feeds). Inside a request the
/// visitor's own scheme and host are reused, so links work behind any proxy or test host; in background jobs
/// the configured <see cref="NetworkOptions.PublicBaseUrl"/> (or the tenant's own host name) is used.
/// </summary>
public sealed class TenantUrls(IHttpContextAccessor httpContextAccessor, IOptions<NetworkOptions> options)
{
    /// <param name="path">Path relative to the tenant root ("/compte/confirmation?code=…").</param>
    public string Absolute(TenantInfo tenant, string path)
    {
        var relative = path.StartsWith('/') ? path : "/" + path;
        if (httpContextAccessor.HttpContext is { } http)
        {
            var request = http.Request;
            var origin = request.Scheme + "://" + request.Host.ToUriComponent();
            var current = http.RequestServices.GetService<TenantContext>();
            // The request's PathBase already holds the tenant prefix (empty when it was reached by host name).
            if (current?.Tenant?.Name == tenant.Name) return origin + request.PathBase + relative;
            if (tenant.Hosts.Count > 0) return request.Scheme + "://" + tenant.Hosts[0] + relative;
            // On another tenant's own host name, a prefix would resolve to that tenant: use the public base instead.
            if (current?.ResolvedByHost != true) return origin + tenant.PathBase + relative;
        }
        return tenant.Hosts.Count > 0
            ? "https://" + tenant.Hosts[0] + relative
            : options.Value.PublicBaseUrl + tenant.PathBase + relative;
    }

    /// <summary>The application root path, without the current tenant's prefix ("" when the site runs at the host root).</summary>
    public static string ApplicationRoot(HttpContext context)
    {
        var pathBase = context.Request.PathBase.Value ?? "";
        var tenantContext = context.RequestServices.GetService<TenantContext>();
        if (tenantContext?.Tenant is { } tenant && !tenantContext.ResolvedByHost && tenant.PathBase.Length > 0
            && pathBase.EndsWith(tenant.PathBase, StringComparison.Ordinal))
            return pathBase[..^tenant.PathBase.Length];
        return pathBase;
    }

    /// <summary>
    /// A link from the current page to a page of <paramref name="tenant"/> (the current one or another): by prefix from
    /// the application root, or absolute when a prefix would not reach it (the current tenant was reached by its own
    /// host name, or the target has one).
    /// </summary>
    /// <param name="path">Path relative to the tenant root ("/projets/numerisation").</param>
    public static string Link(HttpContext context, TenantInfo tenant, string path)
    {
        var relative = path.StartsWith('/') ? path : "/" + path;
        var current = context.RequestServices.GetService<TenantContext>();
        if (current?.Tenant?.Name == tenant.Name) return (context.Request.PathBase.Value ?? "") + relative;
        if (current?.ResolvedByHost == true || tenant.Hosts.Count > 0)
            return context.RequestServices.GetRequiredService<TenantUrls>().Absolute(tenant, relative);
        return ApplicationRoot(context) + tenant.PathBase + relative;
    }

    /// <summary>True for a local URL inside the current tenant (open-redirect guard for "retour" parameters): never another tenant, another host or a protocol-relative URL.</summary>
    public static bool IsLocalToTenant(HttpContext context, string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))) return false;
        if (url.Contains('\\') || url.Any(char.IsControl)) return false;
        var pathBase = context.Request.PathBase.Value ?? "";
        return pathBase.Length == 0 || url == pathBase || url.StartsWith(pathBase + "/", StringComparison.Ordinal) || url.StartsWith(pathBase + "?", StringComparison.Ordinal);
    }
}
