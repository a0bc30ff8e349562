namespace Network.Modules.Media.Data;

public enum MediaKind { Image, Document }

/// <summary>
/// One file of the tenant's media library. Its files live under <c>&lt;DataPath&gt;/tenants/&lt;name&gt;/media/&lt;Key&gt;/</c>
/// and never change (the key is the content hash of the upload): only the texts (alt, credit) are editable.
/// </summary>
public sealed class MediaItem
{
    public int Id { get; set; }

    /// <summary>First 32 hexadecimal characters of the SHA-256 of the uploaded bytes: folder name and URL segment.</summary>
    public string Key { get; set; } = "";

    public MediaKind Kind { get; set; }

    /// <summary>The name the file had on the uploader's computer (display only).</summary>
    public string OriginalFileName { get; set; } = "";

    /// <summary>The sniffed type of the upload ("image/jpeg", "application/pdf").</summary>
    public string ContentType { get; set; } = "";

    /// <summary>Size of the upload in bytes.</summary>
    public long Length { get; set; }

    /// <summary>Images: width and height of the original once its orientation is applied.</summary>
    public int? Width { get; set; }
    public int? Height { get; set; }

    /// <summary>Images: extension of the non-WebP variants, "jpg" or "png" (transparency).</summary>
    public string? Fallback { get; set; }

    /// <summary>Images: the generated widths, ascending.</summary>
    public List<int> Widths { get; set; } = [];

    /// <summary>Documents: the file name in the URL, without ".pdf" ("rapport-annuel-2024").</summary>
    public string? DocumentName { get; set; }

    /// <summary>Default alternative text (images) or title (documents); empty for a decorative image.</summary>
    public string Alt { get; set; } = "";

    /// <summary>The image adds nothing to the text around it: rendered with alt="".</summary>
    public bool Decorative { get; set; }

    /// <summary>Credit and licence ("© Musée de Picardie, CC BY 4.0").</summary>
    public string Credit { get; set; } = "";

    /// <summary>E-mail of the account that uploaded it.</summary>
    public string UploadedBy { get; set; } = "";

    public DateTime UploadedUtc { get; set; }
}

public static class MediaItemRules
{
    public const int AltMaxLength = 250;
    public const int CreditMaxLength = 250;
    public const int FileNameMaxLength = 200;
}
