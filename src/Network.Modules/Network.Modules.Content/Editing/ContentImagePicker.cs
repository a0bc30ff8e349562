using System.Globalization;
using Microsoft.AspNetCore.Http;
using Network.Modules.Media;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;

namespace Network.Modules.Content.Editing;

/// <summary>An image an editor adds: an uploaded file, or a media of the tenant's library by its number.</summary>
public sealed class NewImageInput
{
    public IFormFile? File { get; set; }
    public string? MediaNumber { get; set; }
    public string? Alt { get; set; }
    public bool Decorative { get; set; }
    public string? Credit { get; set; }

    public bool IsEmpty => (File is null || File.Length == 0) && string.IsNullOrWhiteSpace(MediaNumber);
}

/// <summary>The result of adding an image: the image, or problems keyed by the new-image input ("File", "Alt", "Credit", "MediaNumber").</summary>
public sealed record ContentImageResult(ImageRef? Image, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>The editors' access to the current tenant's media library (upload, reuse by number, lookups), for every content type with images.</summary>
public sealed class ContentImagePicker(MediaLibrary library)
{
    /// <summary>The tenant's images among <paramref name="mediaIds"/> (another tenant's numbers find nothing: each tenant has its own library).</summary>
    public async Task<IReadOnlyList<ImageRef>> FindAsync(IReadOnlyCollection<int> mediaIds, CancellationToken cancellationToken)
        => (await library.FindManyAsync(mediaIds, cancellationToken)).Where(m => m.Kind == MediaKind.Image).Select(m => MediaLibrary.ToImageRef(m)).ToList();

    /// <summary>Uploads the file (validated by the library: type sniffed, limits, alternative text) or finds the numbered media.</summary>
    public async Task<ContentImageResult> AddAsync(NewImageInput input, string uploadedBy, CancellationToken cancellationToken)
    {
        var alt = (input.Alt ?? "").Trim();
        if (input.File is { Length: > 0 } file)
        {
            var uploaded = await library.UploadAsync(file, alt, input.Decorative, input.Credit, uploadedBy, cancellationToken);
            if (!uploaded.Succeeded)
                return new ContentImageResult(null, uploaded.Errors.Select(e => (Field(e.Field), e.Message.ToString())).ToList());
            if (uploaded.Item!.Kind != MediaKind.Image)
                return new ContentImageResult(null, [("File", "Ce fichier n'est pas une image : seules les images JPEG, PNG, WebP ou GIF sont acceptées ici.")]);
            return new ContentImageResult(MediaLibrary.ToImageRef(uploaded.Item, alt, input.Decorative), []);
        }
        if (!int.TryParse((input.MediaNumber ?? "").Trim().TrimStart('n', '°', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            return new ContentImageResult(null, [("MediaNumber", "Indiquez le numéro de l'image dans la médiathèque, en chiffres.")]);
        var media = await library.FindAsync(id, cancellationToken);
        if (media is not { Kind: MediaKind.Image })
            return new ContentImageResult(null, [("MediaNumber", "La médiathèque de ce site n'a pas d'image portant ce numéro.")]);
        return new ContentImageResult(MediaLibrary.ToImageRef(media, alt, input.Decorative), []);
    }

    private static string Field(string mediaField) => mediaField switch
    {
        "alt" => "Alt",
        "credit" => "Credit",
        _ => "File",
    };
}
