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

    /// <summary>True for a local URL inside the current tenant (open-redirect guard for "retour" parameters): never another tenant, another host or a protocol-relative URL.</summary>
    public static bool IsLocalToTenant(HttpContext context, string? url)
    {
        if (string.IsNullOrEmpty(url) || url[0] != '/' || (url.Length > 1 && (url[1] == '/' || url[1] == '\\'))) return false;
        if (url.Contains('\\') || url.Any(char.IsControl)) return false;
        var pathBase = context.Request.PathBase.Value ?? "";
        return pathBase.Length == 0 || url == pathBase || url.StartsWith(pathBase + "/", StringComparison.Ordinal) || url.StartsWith(pathBase + "?", StringComparison.Ordinal);
    }
}
