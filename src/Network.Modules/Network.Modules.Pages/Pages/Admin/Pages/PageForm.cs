namespace Network.Modules.Pages.Pages.Admin;

/// <summary>The page editor's own input (the title, the address segment and the description are the shared <c>Common</c> input).</summary>
public sealed class PageForm
{
    /// <summary>The parent page's id as posted ("" for a top-level page).</summary>
    public string? ParentId { get; set; }

    public string? Body { get; set; }
    public string? TitleEn { get; set; }
    public string? BodyEn { get; set; }
    public string? Position { get; set; }

    /// <summary>The declared RGAA status, by its enum name (accessibility page only).</summary>
    public string? AccessibilityStatus { get; set; }

    public string? ImageAlt { get; set; }
    public bool ImageDecorative { get; set; }
    public string? ImageCredit { get; set; }
    public bool RemoveImage { get; set; }

    /// <summary>A new image: a file to upload, or the number of an image of the media library.</summary>
    public Microsoft.AspNetCore.Http.IFormFile? NewImageFile { get; set; }
    public string? NewImageNumber { get; set; }
}
