using System.Globalization;
using System.Text;
using System.Xml;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Modules.Settings.Services;

public sealed class SiteMapOptions
{
    public const string Section = "SiteMap";

    /// <summary>Addresses per sitemap file; the protocol allows 50,000 at most (and 50 MB, kept well below).</summary>
    public int MaxUrlsPerFile { get; set; } = SiteMapEndpoints.ProtocolMaxUrls;
}

/// <summary>
/// <c>/sitemap.xml</c> and <c>/robots.txt</c> of every tenant. A region's sitemap is one <c>urlset</c> of its public
/// addresses (<see cref="SitePlan.UrlsAsync"/>), or an index of <c>/sitemap-{n}.xml</c> parts when it exceeds a file's
/// limits; the hub's is always an index: its own parts, then every running region's <c>/sitemap.xml</c> at its absolute
/// address (own host or prefix). robots.txt allows everything but <see cref="RobotsRules"/>, and names the sitemap.
/// </summary>
public static class SiteMapEndpoints
{
    public const int ProtocolMaxUrls = 50_000;
    public const long ProtocolMaxBytes = 50L * 1024 * 1024;
    public const string SiteMapPath = "/sitemap.xml";
    public const string RobotsPath = "/robots.txt";
    private const string Namespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private const string CacheControl = "public, max-age=900";

    public static string PartPath(int part) => $"/sitemap-{part}.xml";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SiteMapPath, [HttpMethods.Get, HttpMethods.Head], SiteMapAsync).ExcludeFromDescription();
        endpoints.MapMethods("/sitemap-{part:int}.xml", [HttpMethods.Get, HttpMethods.Head], PartAsync).ExcludeFromDescription();
        endpoints.MapMethods(RobotsPath, [HttpMethods.Get, HttpMethods.Head], Robots).ExcludeFromDescription();
    }

    private static async Task<IResult> SiteMapAsync(HttpContext http, SitePlan plan, TenantContext tenantContext, TenantCatalog catalog, TenantUrls urls, IOptions<SiteMapOptions> options)
    {
        var tenant = tenantContext.Required;
        var parts = Split(await plan.UrlsAsync(http, tenant, http.RequestAborted), options.Value.MaxUrlsPerFile);
        if (!tenant.IsHub && parts.Count == 1) return Xml(http, UrlSet(urls, tenant, parts[0]));
        var files = Enumerable.Range(1, parts.Count).Select(n => urls.Absolute(tenant, PartPath(n))).ToList();
        if (tenant.IsHub)
            files.AddRange(catalog.All.Where(t => !t.IsHub && t.State == TenantState.Running)
                .OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => urls.Absolute(t, SiteMapPath)));
        return Xml(http, Write(writer =>
        {
            writer.WriteStartElement("sitemapindex", Namespace);
            foreach (var file in files)
            {
                writer.WriteStartElement("sitemap", Namespace);
                writer.WriteElementString("loc", Namespace, file);
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }));
    }

    private static async Task<IResult> PartAsync(int part, HttpContext http, SitePlan plan, TenantContext tenantContext, TenantUrls urls, IOptions<SiteMapOptions> options)
    {
        var tenant = tenantContext.Required;
        var parts = Split(await plan.UrlsAsync(http, tenant, http.RequestAborted), options.Value.MaxUrlsPerFile);
        // A region small enough for one file has no parts: its /sitemap.xml is the urlset.
        if (part < 1 || part > parts.Count || (!tenant.IsHub && parts.Count == 1)) return Results.NotFound();
        return Xml(http, UrlSet(urls, tenant, parts[part - 1]));
    }

    /// <summary>Files of at most <paramref name="maxUrls"/> addresses and well under the protocol's 50 MB; always at least one.</summary>
    public static IReadOnlyList<IReadOnlyList<SiteMapUrl>> Split(IReadOnlyList<SiteMapUrl> all, int maxUrls)
    {
        maxUrls = Math.Clamp(maxUrls, 1, ProtocolMaxUrls);
        var parts = new List<IReadOnlyList<SiteMapUrl>>();
        var current = new List<SiteMapUrl>();
        long bytes = 0;
        foreach (var url in all)
        {
            // An address's element: its absolute form (escaped, so up to 6 bytes a character with &amp; and the origin) and the tags.
            var size = 6L * (url.Path.Length + 200) + 120;
            if (current.Count > 0 && (current.Count >= maxUrls || bytes + size > ProtocolMaxBytes - 1024))
            {
                parts.Add(current);
                current = [];
                bytes = 0;
            }
            current.Add(url);
            bytes += size;
        }
        parts.Add(current);
        return parts;
    }

    private static byte[] UrlSet(TenantUrls urls, TenantInfo tenant, IReadOnlyList<SiteMapUrl> part) => Write(writer =>
    {
        writer.WriteStartElement("urlset", Namespace);
        foreach (var url in part)
        {
            writer.WriteStartElement("url", Namespace);
            writer.WriteElementString("loc", Namespace, urls.Absolute(tenant, url.Path));
            if (url.LastModifiedUtc is { } lastModified)
                writer.WriteElementString("lastmod", Namespace, DateTime.SpecifyKind(lastModified, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    });

    private static IResult Xml(HttpContext http, byte[] body)
    {
        http.Response.Headers.CacheControl = CacheControl;
        return Results.Bytes(body, "application/xml; charset=utf-8");
    }

    private static byte[] Write(Action<XmlWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        return stream.ToArray();
    }

    /// <summary>
    /// Crawlers read robots.txt only at a host's root: the one there also covers the tenants reached below it by their
    /// prefix (on the hub, every running region without a host name of its own), each rule under that prefix.
    /// </summary>
    private static IResult Robots(HttpContext http, TenantContext tenantContext, TenantCatalog catalog, ModuleCatalog modules, TenantUrls urls)
    {
        var tenant = tenantContext.Required;
        var pathBase = http.Request.PathBase.Value ?? "";
        var text = new StringBuilder("User-agent: *\n");
        foreach (var rule in RobotsRules.For(tenant, modules).Disallowed) text.Append("Disallow: ").Append(pathBase).Append(rule).Append('\n');
        if (tenant.IsHub && !tenantContext.ResolvedByHost)
        {
            foreach (var region in catalog.All.Where(t => !t.IsHub && t.State == TenantState.Running && t.PathBase.Length > 0).OrderBy(t => t.Name, StringComparer.Ordinal))
                foreach (var rule in RobotsRules.For(region, modules).Disallowed)
                    text.Append("Disallow: ").Append(pathBase).Append(region.PathBase).Append(rule).Append('\n');
        }
        text.Append("Allow: ").Append(pathBase).Append("/\n\n");
        text.Append("Sitemap: ").Append(urls.Absolute(tenant, SiteMapPath)).Append('\n');
        http.Response.Headers.CacheControl = CacheControl;
        return Results.Text(text.ToString(), "text/plain", Encoding.UTF8);
    }
}
