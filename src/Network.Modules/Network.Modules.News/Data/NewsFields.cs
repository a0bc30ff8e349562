using Network.Modules.Media;

namespace Network.Modules.News.Data;

/// <summary>
/// The fields of a news article (actualité), stored as the content item's JSON. The title, the summary (the chapô),
/// the publication date (<c>PublishedUtc</c>) and the author's account name are the item's shared columns.
/// </summary>
public sealed class NewsFields
{
    /// <summary>Markdown, rendered through SafeMarkdown.</summary>
    public string Body { get; set; } = "";

    /// <summary>The main image, from the tenant's media library.</summary>
    public ImageRef? Image { get; set; }

    /// <summary>Free keywords as written; their address forms are the "tag" facet.</summary>
    public List<string> Tags { get; set; } = [];

    /// <summary>Shown as the author instead of the account's name ("Service communication de la DRAC"); optional.</summary>
    public string Signature { get; set; } = "";
}
