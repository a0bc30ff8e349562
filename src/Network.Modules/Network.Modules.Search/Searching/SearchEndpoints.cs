using System.Text;
using System.Text.Json;
using System.Xml;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;

namespace Network.Modules.Search.Searching;

/// <summary><c>/recherche.json</c> (the page's search as JSON, for the API) and the OpenSearch description browsers offer.</summary>
public static class SearchEndpoints
{
    public const string OpenSearchMediaType = "application/opensearchdescription+xml";

    /// <summary>OpenSearch 1.1 caps ShortName at 16 characters.</summary>
    public const int ShortNameMaxLength = 16;

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    public static IResult Json(HttpContext http, SiteSearch search)
    {
        var result = search.Run(http, SearchParameters.Read(http.Request.Query));
        var parameters = result.Parameters;
        // Answers change with every publication; a short private life is all a client may keep them.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        var body = new
        {
            query = parameters.Query,
            total = result.Total,
            page = parameters.Page,
            pageSize = Index.SearchRequest.DefaultPageSize,
            pageCount = result.PageCount,
            sort = parameters.Sort == Index.SearchSort.Date ? SearchParameters.SortByDate : SearchParameters.SortByRelevance,
            hits = result.Hits.Select(h => new
            {
                title = h.Title,
                url = h.AbsoluteUrl,
                type = h.Type,
                typeLabel = h.TypeLabel,
                tenant = h.Tenant,
                region = h.RegionName,
                date = h.DateIso,
                snippetHtml = h.SnippetHtml,
            }),
            facets = result.Facets.ToDictionary(f => f.Parameter, f => f.Options.Select(o => new { value = o.Value, label = o.Label, count = o.Count, selected = o.Selected })),
            suggestion = result.Suggestion,
        };
        return Results.Json(body, JsonOptions);
    }

    public static IResult OpenSearch(HttpContext http, TenantContext tenantContext, TenantUrls urls, IStringLocalizer localizer)
    {
        var tenant = tenantContext.Required;
        var page = urls.Absolute(tenant, SiteSearch.PagePath);
        var json = urls.Absolute(tenant, SiteSearch.JsonPath);
        var origin = http.Request.Scheme + "://" + http.Request.Host.ToUriComponent();
        // The favicon is the public theme's; the Search module only knows its address.
        var icon = origin + TenantUrls.ApplicationRoot(http) + "/_content/Network.Themes.Public/dsfr/favicon/favicon.svg";
        var name = tenant.SiteName.Trim();
        var shortName = name.Length <= ShortNameMaxLength ? name : name[..ShortNameMaxLength].TrimEnd();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            const string ns = "http://a9.com/-/spec/opensearch/1.1/";
            writer.WriteStartDocument();
            writer.WriteStartElement("OpenSearchDescription", ns);
            writer.WriteElementString("ShortName", ns, shortName);
            writer.WriteElementString("Description", ns, localizer["Rechercher dans les contenus de {0}", name]);
            writer.WriteElementString("InputEncoding", ns, "UTF-8");
            writer.WriteElementString("Language", ns, "fr-FR");
            writer.WriteStartElement("Image", ns);
            writer.WriteAttributeString("type", "image/svg+xml");
            writer.WriteAttributeString("width", "16");
            writer.WriteAttributeString("height", "16");
            writer.WriteString(icon);
            writer.WriteEndElement();
            foreach (var (type, template) in new[] { ("text/html", page), ("application/json", json) })
            {
                writer.WriteStartElement("Url", ns);
                writer.WriteAttributeString("type", type);
                writer.WriteAttributeString("method", "get");
                writer.WriteAttributeString("template", template + "?q={searchTerms}");
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        }
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(stream.ToArray(), OpenSearchMediaType + "; charset=utf-8");
    }
}

/// <summary>Announces the OpenSearch description in every page's head where the tenant has Search enabled.</summary>
public sealed class SearchHeadLinks(IStringLocalizer localizer) : IHeadLinkSource
{
    public IEnumerable<HeadLink> Links(HttpContext context)
    {
        var tenant = context.RequestServices.GetService(typeof(TenantContext)) is TenantContext { Tenant: { } current } ? current : null;
        if (tenant is null || !tenant.IsEnabled(SearchModule.ModuleId)) yield break;
        yield return new HeadLink("search", SearchEndpoints.OpenSearchMediaType, localizer["Rechercher sur {0}", tenant.SiteName],
            (context.Request.PathBase.Value ?? "") + SiteSearch.OpenSearchPath);
    }
}
