using Network.Modules.Content.Editing;

namespace Network.Modules.News.Pages.Admin.Actualites;

/// <summary>The news article's own fields as the editor posts them (bound as <c>Form.*</c>); every value is text so odd input becomes a message.</summary>
public sealed class NewsForm : IContentImageForm
{
    public string? Body { get; set; }

    /// <summary>Comma-separated.</summary>
    public string? Tags { get; set; }

    public string? Signature { get; set; }

    /// <summary>The media number of the current image (kept across a refused save, checked against the tenant's library).</summary>
    public string? ImageMediaId { get; set; }

    public string? ImageAlt { get; set; }
    public bool ImageDecorative { get; set; }
    public string? ImageCredit { get; set; }
    public bool RemoveImage { get; set; }

    /// <summary>A new main image: an uploaded file or a media number; its texts are the fields above.</summary>
    public NewImageInput NewImage { get; set; } = new();
}
