using System.Globalization;
using Microsoft.Extensions.Localization;
using Network.Modules.Media;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;
using Network.Modules.Showcases.Pages.Admin.Projets;

namespace Network.Modules.Showcases.Services;

/// <summary>The result of adding an image: the image, or problems keyed by the new-image input ("File", "Alt", "Credit", "MediaNumber").</summary>
public sealed record GalleryImageResult(ImageRef? Image, IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>
/// The gallery's access to the current tenant's media library (upload, reuse by number, lookups). The library is
/// bound to the current tenant: another tenant's media numbers find nothing.
/// </summary>
public sealed class ShowcaseGalleryImages(MediaLibrary library, IStringLocalizer localizer)
{
    /// <summary>The tenant's images among <paramref name="mediaIds"/> (another tenant's numbers find nothing).</summary>
    public async Task<IReadOnlyList<ImageRef>> FindAsync(IReadOnlyCollection<int> mediaIds, CancellationToken cancellationToken)
    {
        if (mediaIds.Count == 0) return [];
        var items = await library.FindManyAsync(mediaIds, cancellationToken);
        return items.Where(i => i.Kind == MediaKind.Image).Select(i => MediaLibrary.ToImageRef(i)).ToList();
    }

    /// <summary>Uploads the chosen file through the library (same validation and variants as its own upload page), or finds the numbered image.</summary>
    public async Task<GalleryImageResult> AddAsync(NewImageInput input, string uploadedBy, CancellationToken cancellationToken)
    {
        var alt = input.Decorative ? null : input.Alt?.Trim();
        if (input.File is { Length: > 0 } file)
        {
            var upload = await library.UploadAsync(file, alt, input.Decorative, input.Credit, uploadedBy, cancellationToken);
            if (!upload.Succeeded) return new GalleryImageResult(null, upload.Errors.Select(Problem).ToList());
            if (upload.Item!.Kind != MediaKind.Image)
                return new GalleryImageResult(null, [("File", localizer["Ce fichier n'est pas une image : la galerie accepte JPEG, PNG, WebP et GIF."].Value)]);
            return new GalleryImageResult(MediaLibrary.ToImageRef(upload.Item, alt, input.Decorative), []);
        }

        var number = (input.MediaNumber ?? "").Trim().TrimStart('#', 'n', '°', ' ');
        var item = int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? await library.FindAsync(id, cancellationToken) : null;
        if (item is not { Kind: MediaKind.Image })
            return new GalleryImageResult(null, [("MediaNumber", localizer["Aucune image de la médiathèque de ce site ne porte ce numéro."].Value)]);
        return new GalleryImageResult(MediaLibrary.ToImageRef(item, alt, input.Decorative), []);
    }

    /// <summary>A library problem in the editor's words: its field, its message translated as the library's own pages do.</summary>
    private (string Field, string Message) Problem(MediaError error)
    {
        var field = error.Field switch { "alt" => "Alt", "credit" => "Credit", _ => "File" };
        var arguments = error.Message.Arguments.Select(a => a is string text ? localizer[text].Value : a).ToArray();
        return (field, localizer[error.Message.Format, arguments].Value);
    }
}
