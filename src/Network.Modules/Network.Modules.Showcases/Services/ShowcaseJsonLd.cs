using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>
/// The schema.org description of a showcase for search engines and harvesters: a <c>CreativeWork</c> whose
/// <c>funding</c> is a <c>MonetaryGrant</c> (amount in euros, funder, programme). Serialized so it can sit in a
/// &lt;script type="application/ld+json"&gt; block: the encoder escapes &lt;, &gt;, &amp; and quotes, so no text
/// a contributor writes can close the block.
/// </summary>
public static class ShowcaseJsonLd
{
    public const string EtalabLicenceUrl = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/";

    private static readonly JsonSerializerOptions Options = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        WriteIndented = false,
    };

    /// <param name="url">Absolute address of the page.</param>
    /// <param name="imageUrls">Absolute addresses of the gallery's images.</param>
    /// <param name="keywords">Labels of the domains and technologies.</param>
    public static string Build(ContentItem item, ShowcaseFields fields, TenantInfo region, string url, IEnumerable<string> imageUrls, IEnumerable<string> keywords)
    {
        var work = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "CreativeWork",
            ["name"] = item.Title,
            ["headline"] = item.Title.Length > 110 ? item.Title[..109] + "…" : item.Title,
            ["url"] = url,
            ["inLanguage"] = "fr",
        };
        if (item.Summary.Length > 0) work["description"] = item.Summary;
        var images = imageUrls.ToList();
        if (images.Count > 0) work["image"] = new JsonArray(images.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray());
        work["dateCreated"] = item.CreatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (item.PublishedUtc is { } published) work["datePublished"] = published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        work["dateModified"] = item.UpdatedUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        work["license"] = LicenceUrl(fields.Licence);
        var keywordList = keywords.Concat(fields.Audiences).Where(k => k.Length > 0).Distinct().ToList();
        if (keywordList.Count > 0) work["keywords"] = string.Join(", ", keywordList);

        if (fields.LeadOrganisation.Trim().Length > 0)
        {
            work["creator"] = Organization(fields.LeadOrganisation.Trim());
            work["sourceOrganization"] = Organization(fields.LeadOrganisation.Trim());
        }
        var partners = fields.Partners.Where(p => !string.IsNullOrWhiteSpace(p.Name)).ToList();
        if (partners.Count > 0)
        {
            work["contributor"] = new JsonArray(partners.Select(p =>
            {
                var organization = Organization(p.Name.Trim());
                if (!string.IsNullOrWhiteSpace(p.Role)) organization["description"] = p.Role.Trim();
                return (JsonNode)organization;
            }).ToArray());
        }

        var place = new JsonObject { ["@type"] = "Place" };
        var address = new JsonObject { ["@type"] = "PostalAddress", ["addressCountry"] = "FR" };
        if (fields.Commune.Trim().Length > 0)
        {
            place["name"] = fields.Commune.Trim();
            address["addressLocality"] = fields.Commune.Trim();
        }
        else
        {
            place["name"] = region.DisplayName;
        }
        if (!region.IsHub) address["addressRegion"] = region.DisplayName;
        if (fields.Department.Trim().Length > 0) address["postalCode"] = fields.Department.Trim();
        place["address"] = address;
        work["locationCreated"] = place;

        if (fields.StartDate is { } start)
            work["temporalCoverage"] = start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "/" + (fields.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "..");

        var programme = fields.Programme.Trim();
        var call = fields.Call.Trim();
        if (programme.Length > 0 || call.Length > 0 || fields.AmountGranted is not null)
        {
            var grant = new JsonObject
            {
                ["@type"] = "MonetaryGrant",
                ["name"] = call.Length > 0 ? call : programme.Length > 0 ? programme : item.Title,
            };
            if (programme.Length > 0 && call.Length > 0) grant["description"] = programme;
            if (fields.AmountGranted is { } amount)
                grant["amount"] = new JsonObject { ["@type"] = "MonetaryAmount", ["currency"] = "EUR", ["value"] = amount };
            if (region.OperatorName.Length > 0) grant["funder"] = Organization(region.OperatorName);
            if (fields.Year is { } year) grant["startDate"] = year.ToString(CultureInfo.InvariantCulture);
            work["funding"] = grant;
        }
        var coFunders = fields.CoFunders.Where(c => !string.IsNullOrWhiteSpace(c)).ToList();
        if (coFunders.Count > 0) work["funder"] = new JsonArray(coFunders.Select(c => (JsonNode)Organization(c.Trim())).ToArray());
        return work.ToJsonString(Options);
    }

    /// <summary>The licence as a URL when it is the Etalab one or already an address; otherwise its name.</summary>
    public static string LicenceUrl(string licence)
    {
        var text = licence.Trim();
        if (text.Length == 0 || text.Contains("etalab", StringComparison.OrdinalIgnoreCase) || text.Contains("licence ouverte", StringComparison.OrdinalIgnoreCase))
            return EtalabLicenceUrl;
        return text;
    }

    private static JsonObject Organization(string name) => new() { ["@type"] = "Organization", ["name"] = name };
}
