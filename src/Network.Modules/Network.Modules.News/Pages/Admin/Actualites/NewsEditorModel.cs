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
        f.Image = await images.ReadFormAsync(Form, stored.Image, Actor.DisplayName, AddError, cancellationToken);
        CurrentImage = f.Image;
        return f;
    }

    private static string Line(string? text) => (text ?? "").Trim();
}
