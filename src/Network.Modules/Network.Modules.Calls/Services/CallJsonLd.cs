using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Data;

namespace Network.Modules.Calls.Services;

/// <summary>A call as a schema.org <c>GovernmentService</c> (a funding scheme offered by a public body), for search engines.</summary>
public static class CallJsonLd
{
    // The default encoder escapes <, > and &: the JSON can never close its <script> element.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Build(ContentItem item, CallFields fields, TenantInfo tenant, string url)
    {
        var provider = tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName;
        var service = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "GovernmentService",
            ["@id"] = url,
            ["url"] = url,
            ["name"] = item.Title,
            ["description"] = item.Summary,
            ["serviceType"] = "Appel à projets",
            ["inLanguage"] = "fr",
            ["provider"] = new JsonObject { ["@type"] = "GovernmentOrganization", ["name"] = provider },
            ["hoursAvailable"] = new JsonObject
            {
                ["@type"] = "OpeningHoursSpecification",
                ["validFrom"] = ParisTime.Iso(fields.OpensUtc),
                ["validThrough"] = ParisTime.Iso(fields.ClosesUtc),
            },
        };
        if (fields.Territory.Trim().Length > 0) service["areaServed"] = fields.Territory.Trim();
        if (fields.Programme.Trim().Length > 0) service["category"] = fields.Programme.Trim() + " " + fields.Year.ToString(CultureInfo.InvariantCulture);
        return service.ToJsonString(Options);
    }
}
