using System.Globalization;
using Network.Core.Security;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Media.Services;
using Network.Modules.News.Data;
using Network.Modules.News.Services;

namespace Network.Modules.News.Pages.Admin.Actualites;

/// <summary>
/// The news editor (<c>/admin/actualites/nouveau</c> and <c>/admin/actualites/{id}</c>): Markdown body, tags typed with
/// commas, signature, and the main image (uploaded or picked by its number in the tenant's media library) with its
/// alternative text and credit. Loading, saving, conflicts and messages are the shared <see cref="ContentEditorPageModel{TType, TFields}"/>'s.
/// </summary>
[RequirePermission("ContributeContent")]
[UploadBodyLimit]
public sealed class NewsEditorModel(ContentEditorServices services, NewsType type, ContentImagePicker images)
    : ContentEditorPageModel<NewsType, NewsFields>(services, type)
{
    [Microsoft.AspNetCore.Mvc.BindProperty]
    public NewsForm Form { get; set; } = new();

    /// <summary>The image the form currently holds (stored, or added by the last post), for its preview.</summary>
    public ImageRef? CurrentImage { get; private set; }

    protected override void FillForm(NewsFields f)
    {
        Form = new NewsForm
        {
            Body = f.Body,
            Tags = string.Join(", ", f.Tags),
            Signature = f.Signature,
            ImageMediaId = f.Image?.MediaId.ToString(CultureInfo.InvariantCulture),
            ImageAlt = f.Image?.Alt,
            ImageDecorative = f.Image?.Decorative ?? false,
            ImageCredit = f.Image?.Credit,
        };
        CurrentImage = f.Image;
    }

    protected override async Task<NewsFields> ReadFormAsync(NewsFields stored, CancellationToken cancellationToken)
    {
        var f = new NewsFields
        {
            Body = (Form.Body ?? "").Replace("\r\n", "\n").Trim(),
            Tags = ContentTags.Parse(Form.Tags),
            Signature = Line(Form.Signature),
        };
        Form.Tags = string.Join(", ", f.Tags);
        f.Image = await ReadImageAsync(stored, cancellationToken);
        CurrentImage = f.Image;
        return f;
    }

    /// <summary>The new image if one is given, else the image the form holds (unless removed), with the texts typed.</summary>
    private async Task<ImageRef?> ReadImageAsync(NewsFields stored, CancellationToken cancellationToken)
    {
        var decorative = Form.ImageDecorative;
        var alt = decorative ? "" : Line(Form.ImageAlt);
        var credit = Line(Form.ImageCredit) is { Length: > 0 } c ? c : null;
        ImageRef? image = null;
        if (!Form.NewImage.IsEmpty)
        {
            if (!decorative && alt.Length == 0)
            {
                AddError("Form.ImageAlt", "Décrivez l'image (texte alternatif), ou indiquez qu'elle est décorative.");
                return null;
            }
            Form.NewImage.Alt = alt;
            Form.NewImage.Decorative = decorative;
            Form.NewImage.Credit = credit;
            var added = await images.AddAsync(Form.NewImage, Actor.DisplayName, cancellationToken);
            foreach (var (field, message) in added.Errors)
                AddError(field is "Alt" or "Credit" ? "Form.Image" + field : "Form.NewImage." + field, message);
            Form.NewImage = new NewImageInput();
            image = added.Image;
            if (image is null) return null;
            Form.ImageMediaId = image.MediaId.ToString(CultureInfo.InvariantCulture);
            Form.RemoveImage = false;
        }
        else if (Form.RemoveImage || string.IsNullOrWhiteSpace(Form.ImageMediaId))
        {
            Form.ImageMediaId = null;
            return null;
        }
        else if (!int.TryParse(Form.ImageMediaId, NumberStyles.None, CultureInfo.InvariantCulture, out var mediaId))
        {
            AddError("Form.NewImage.MediaNumber", "L'image choisie n'existe pas dans la médiathèque de ce site : choisissez-en une autre.");
            return null;
        }
        else
        {
            // A number from the form is trusted only if it is this tenant's (another tenant's numbers find nothing here).
            image = stored.Image?.MediaId == mediaId ? stored.Image : (await images.FindAsync([mediaId], cancellationToken)).FirstOrDefault();
            if (image is null)
            {
                AddError("Form.NewImage.MediaNumber", "L'image choisie n'existe pas dans la médiathèque de ce site : choisissez-en une autre.");
                Form.ImageMediaId = null;
                return null;
            }
        }
        return image with { Alt = alt, Decorative = decorative, Credit = credit };
    }

    private static string Line(string? text) => (text ?? "").Trim();
}
