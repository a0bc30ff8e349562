using System.Text.Json;
using AngleSharp.Dom;

namespace Network.Tests.Infrastructure;

/// <summary>The JSON-LD blocks of a page: the layout's BreadcrumbList comes first, the page's own type after it.</summary>
public static class JsonLdBlocks
{
    public static IReadOnlyList<IElement> Scripts(this IParentNode document) => document.QuerySelectorAll("script[type='application/ld+json']").ToList();

    /// <summary>The page's own block (NewsArticle, Event…): the first that is not the breadcrumb's.</summary>
    public static IElement MainJsonLd(this IParentNode document)
        => document.Scripts().First(s =>
        {
            using var json = JsonDocument.Parse(s.TextContent);
            return !(json.RootElement.TryGetProperty("@type", out var type) && type.GetString() == "BreadcrumbList");
        });
}
