using System.Text.Json;
using System.Text.Json.Nodes;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Syndication;
using Network.Modules.News.Data;

namespace Network.Modules.News.Services;

/// <summary>A news article as a schema.org <c>NewsArticle</c>, for search engines and aggregators.</summary>
public static class NewsJsonLd
{
    // The default encoder escapes <, > and & (as \u003C…): the JSON can never close its <script> element.
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static string Build(ContentItem item, NewsFields fields, TenantInfo tenant, string url, string? imageUrl)
    {
        var article = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "NewsArticle",
            ["@id"] = url,
            ["url"] = url,
            ["mainEntityOfPage"] = url,
            ["headline"] = item.Title.Length > 110 ? item.Title[..109] + "…" : item.Title,
            ["description"] = item.Summary,
            ["inLanguage"] = "fr",
            ["author"] = new JsonObject { ["@type"] = fields.Signature.Trim().Length > 0 ? "Organization" : "Person", ["name"] = NewsType.AuthorOf(item, fields) },
            ["publisher"] = new JsonObject
            {
                ["@type"] = "Organization",
                ["name"] = tenant.OperatorName.Length > 0 ? tenant.OperatorName : tenant.SiteName,
            },
            ["datePublished"] = ContentFeedWriter.Rfc3339(item.PublishedUtc ?? item.CreatedUtc),
            ["dateModified"] = ContentFeedWriter.Rfc3339(item.UpdatedUtc),
        };
        if (fields.Tags.Count > 0) article["keywords"] = string.Join(", ", fields.Tags);
        if (imageUrl is not null) article["image"] = imageUrl;
        return article.ToJsonString(Options);
    }
}
