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

/// <summary>
/// The image fields of an editor form that has one main image: the current image's media number (kept across a refused
/// save), its texts, its removal, and a new image to upload or pick by number.
/// </summary>
public interface IContentImageForm
{
    string? ImageMediaId { get; set; }
    string? ImageAlt { get; set; }
    bool ImageDecorative { get; set; }
    string? ImageCredit { get; set; }
    bool RemoveImage { get; set; }
    NewImageInput NewImage { get; set; }
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

    /// <summary>
    /// Reads an editor's image fields: the new image if one is given (uploaded, or picked by number), else the image
    /// the form holds unless removed, with the texts typed. Problems go to <paramref name="addError"/> under the form's
    /// keys (<paramref name="prefix"/>.ImageAlt, <paramref name="prefix"/>.NewImage.File…); the form is updated to
    /// show the result again.
    /// </summary>
    public async Task<ImageRef?> ReadFormAsync(IContentImageForm form, ImageRef? stored, string uploadedBy, Action<string, string> addError,
        CancellationToken cancellationToken, string prefix = "Form")
    {
        var decorative = form.ImageDecorative;
        var alt = decorative ? "" : (form.ImageAlt ?? "").Trim();
        var credit = (form.ImageCredit ?? "").Trim() is { Length: > 0 } c ? c : null;
        const string missing = "L'image choisie n'existe pas dans la médiathèque de ce site : choisissez-en une autre.";
        ImageRef? image;
        if (!form.NewImage.IsEmpty)
        {
            if (!decorative && alt.Length == 0)
            {
                addError(prefix + ".ImageAlt", "Décrivez l'image (texte alternatif), ou indiquez qu'elle est décorative.");
                return null;
            }
            form.NewImage.Alt = alt;
            form.NewImage.Decorative = decorative;
            form.NewImage.Credit = credit;
            var added = await AddAsync(form.NewImage, uploadedBy, cancellationToken);
            foreach (var (field, message) in added.Errors)
                addError(field is "Alt" or "Credit" ? prefix + ".Image" + field : prefix + ".NewImage." + field, message);
            form.NewImage = new NewImageInput();
            image = added.Image;
            if (image is null) return null;
            form.ImageMediaId = image.MediaId.ToString(CultureInfo.InvariantCulture);
            form.RemoveImage = false;
        }
        else if (form.RemoveImage || string.IsNullOrWhiteSpace(form.ImageMediaId))
        {
            form.ImageMediaId = null;
            return null;
        }
        else
        {
            // A number from the form is trusted only if it is this tenant's (another tenant's numbers find nothing here).
            image = !int.TryParse(form.ImageMediaId, NumberStyles.None, CultureInfo.InvariantCulture, out var mediaId) ? null
                : stored?.MediaId == mediaId ? stored
                : (await FindAsync([mediaId], cancellationToken)).FirstOrDefault();
            if (image is null)
            {
                addError(prefix + ".NewImage.MediaNumber", missing);
                form.ImageMediaId = null;
                return null;
            }
        }
        return image with { Alt = alt, Decorative = decorative, Credit = credit };
    }
}
