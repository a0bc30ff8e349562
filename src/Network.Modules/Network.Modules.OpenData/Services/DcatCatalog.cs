using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Network.Core.OpenData;
using Network.Core.Tenancy;

namespace Network.Modules.OpenData.Services;

/// <summary>
/// <c>/donnees/catalogue.jsonld</c>: the tenant's datasets as a DCAT catalog in JSON-LD, the shape data.gouv.fr harvests
/// (a <c>dcat:Catalog</c> whose <c>dcat:dataset</c>s carry title, description, licence, keywords, update date, landing
/// page and one <c>dcat:Distribution</c> per file with its absolute download address, media type and format).
/// </summary>
public static class DcatCatalog
{
    public const string Path = "/donnees/catalogue.jsonld";
    public const string ContentType = "application/ld+json";

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapMethods(Path, [HttpMethods.Get, HttpMethods.Head], async (HttpContext http, OpenDataCatalog catalog, TenantContext tenantContext, TenantUrls urls) =>
        {
            var entries = await catalog.EntriesAsync(http.RequestAborted);
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Text(Build(tenantContext.Required, entries, urls).ToJsonString(JsonOptions), ContentType + "; charset=utf-8");
        }).ExcludeFromDescription();

    public static JsonObject Build(TenantInfo tenant, IReadOnlyList<OpenDatasetEntry> entries, TenantUrls urls)
    {
        var publisher = new JsonObject
        {
            ["@type"] = "foaf:Organization",
            ["foaf:name"] = string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName,
            ["foaf:homepage"] = Id(urls.Absolute(tenant, "/")),
        };
        var datasets = new JsonArray();
        foreach (var (dataset, state) in entries)
        {
            var distributions = new JsonArray();
            foreach (var format in OpenDataset.Formats)
            {
                var url = urls.Absolute(tenant, dataset.PathOf(format));
                distributions.Add(new JsonObject
                {
                    ["@id"] = url,
                    ["@type"] = "dcat:Distribution",
                    ["dct:title"] = $"{dataset.Title} ({format.Label})",
                    ["dcat:downloadURL"] = Id(url),
                    ["dcat:accessURL"] = Id(url),
                    ["dcat:mediaType"] = format.MediaType,
                    ["dct:format"] = format.Label,
                    ["dct:license"] = Id(OpenDataset.LicenceUrl),
                });
            }
            var page = urls.Absolute(tenant, dataset.PagePath);
            var node = new JsonObject
            {
                ["@id"] = page,
                ["@type"] = "dcat:Dataset",
                ["dct:identifier"] = $"{tenant.Name}-{dataset.Id}",
                ["dct:title"] = dataset.Title,
                ["dct:description"] = dataset.Description,
                ["dct:license"] = Id(OpenDataset.LicenceUrl),
                ["dct:publisher"] = publisher.DeepClone(),
                ["dcat:keyword"] = new JsonArray(dataset.Keywords.Select(k => (JsonNode?)JsonValue.Create(k)).ToArray()),
                ["dcat:landingPage"] = Id(page),
                ["dct:language"] = "fr",
                ["dcat:distribution"] = distributions,
            };
            if (state.ModifiedUtc is { } modified) node["dct:modified"] = DateTimeValue(modified);
            if (dataset.SchemaUrl is { } schema) node["dct:conformsTo"] = Id(schema);
            datasets.Add(node);
        }
        return new JsonObject
        {
            ["@context"] = new JsonObject
            {
                ["dcat"] = "http://www.w3.org/ns/dcat#",
                ["dct"] = "http://purl.org/dc/terms/",
                ["foaf"] = "http://xmlns.com/foaf/0.1/",
                ["xsd"] = "http://www.w3.org/2001/XMLSchema#",
            },
            ["@id"] = urls.Absolute(tenant, Path),
            ["@type"] = "dcat:Catalog",
            ["dct:title"] = $"Données ouvertes – {SiteName(tenant)}",
            ["dct:description"] = $"Les jeux de données publiés par {SiteName(tenant)}, en CSV et en JSON, sous Licence Ouverte Etalab 2.0.",
            ["dct:publisher"] = publisher,
            ["dct:language"] = "fr",
            ["foaf:homepage"] = Id(urls.Absolute(tenant, "/donnees")),
            ["dct:modified"] = entries.Max(e => e.State.ModifiedUtc) is { } latest ? DateTimeValue(latest) : null,
            ["dcat:dataset"] = datasets,
        };
    }

    private static string SiteName(TenantInfo tenant) => string.IsNullOrWhiteSpace(tenant.SiteName) ? tenant.DisplayName : tenant.SiteName;

    private static JsonObject Id(string url) => new() { ["@id"] = url };

    private static JsonObject DateTimeValue(DateTime utc) => new()
    {
        ["@value"] = DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        ["@type"] = "xsd:dateTime",
    };
}
