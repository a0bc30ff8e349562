using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Practices.Data;

namespace Network.Modules.Practices.Services;

/// <summary>A practice as a schema.org <c>Article</c>, for search engines and aggregators.</summary>
public static class PracticeJsonLd
{
    /// <summary>A showcase the practice relates to: its title and absolute address.</summary>
    public sealed record Related(string Name, string Url);

    // The default encoder escapes <, > and & (as \u003C…): the JSON can never close its <script> element.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Build(ContentItem item, PracticeFields fields, TenantInfo tenant, string url, IReadOnlyList<Related> related, IEnumerable<string> domainLabels)
    {
        var authorName = fields.AuthorName.Trim().Length > 0 ? fields.AuthorName.Trim() : item.AuthorName;
        var author = new JsonObject { ["@type"] = "Person", ["name"] = authorName };
        if (fields.Organisation.Trim().Length > 0)
            author["affiliation"] = new JsonObject { ["@type"] = "Organization", ["name"] = fields.Organisation.Trim() };
        var publisher = new JsonObject
        {
            ["@type"] = "Organization",
            ["name"] = tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName,
        };
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Article",
            ["@id"] = url,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["headline"] = item.Title.Length > 110 ? item.Title[..109] + "…" : item.Title,
            ["name"] = item.Title,
            ["description"] = item.Summary,
            ["inLanguage"] = "fr",
            ["author"] = author,
            ["publisher"] = publisher,
            ["datePublished"] = Iso(item.PublishedUtc ?? item.CreatedUtc),
            ["dateModified"] = Iso(item.UpdatedUtc),
            ["license"] = PracticeType.LicenceUrl(fields.Licence) ?? fields.Licence,
            ["keywords"] = string.Join(", ", fields.Tags),
        };
        var about = new JsonArray(domainLabels.Select(d => (JsonNode)new JsonObject { ["@type"] = "Thing", ["name"] = d }).ToArray());
        if (about.Count > 0) article["about"] = about;
        if (related.Count > 0)
            article["isBasedOn"] = new JsonArray(related.Select(r => (JsonNode)new JsonObject { ["@type"] = "CreativeWork", ["name"] = r.Name, ["url"] = r.Url }).ToArray());
        return article.ToJsonString(Options);
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'");
}
