namespace Network.Modules.Media.Validation;

/// <summary>A file type the media library accepts, recognised from its first bytes.</summary>
/// <param name="Id">Stable name stored nowhere but used in tests and logs ("png").</param>
/// <param name="Label">French description for messages: « une image PNG ».</param>
/// <param name="ContentType">The one MIME type served for it.</param>
/// <param name="Extensions">Accepted file-name extensions, lower case with the dot; the first is canonical.</param>
/// <param name="VipsLoader">The libvips loader that must recognise an image of this type (null for documents).</param>
public sealed record MediaFormat(string Id, string Label, string ContentType, IReadOnlyList<string> Extensions, string? VipsLoader, string[] OtherContentTypes)
{
    public static readonly MediaFormat Jpeg = new("jpeg", "une image JPEG", "image/jpeg", [".jpg", ".jpeg", ".jpe"], "jpegload_buffer", ["image/pjpeg", "image/jpg"]);
    public static readonly MediaFormat Png = new("png", "une image PNG", "image/png", [".png"], "pngload_buffer", ["image/x-png"]);
    public static readonly MediaFormat WebP = new("webp", "une image WebP", "image/webp", [".webp"], "webpload_buffer", []);
    public static readonly MediaFormat Gif = new("gif", "une image GIF", "image/gif", [".gif"], "gifload_buffer", []);
    public static readonly MediaFormat Pdf = new("pdf", "un document PDF", "application/pdf", [".pdf"], null, ["application/x-pdf"]);

    public static readonly IReadOnlyList<MediaFormat> All = [Jpeg, Png, WebP, Gif, Pdf];

    public bool IsImage => VipsLoader is not null;

    public static MediaFormat? FromExtension(string? extension)
        => extension is null ? null : All.FirstOrDefault(f => f.Extensions.Contains(extension.ToLowerInvariant(), StringComparer.Ordinal));

    public static MediaFormat? FromContentType(string? contentType)
    {
        var type = contentType?.Split(';')[0].Trim().ToLowerInvariant();
        return type is null ? null : All.FirstOrDefault(f => f.ContentType == type || f.OtherContentTypes.Contains(type, StringComparer.Ordinal));
    }

    /// <summary>The accepted extensions, for the upload form's accept attribute and its hint.</summary>
    public static string AcceptAttribute => string.Join(",", All.SelectMany(f => f.Extensions).Concat(All.Select(f => f.ContentType)));
}
