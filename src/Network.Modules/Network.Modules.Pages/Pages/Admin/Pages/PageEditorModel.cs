using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Editing;
using Network.Modules.Media;
using Network.Modules.Media.Services;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Pages.Admin;

/// <summary>
/// The page editor (<c>/admin/pages/nouveau</c> and <c>/admin/pages/{id}</c>): title, own address segment under the
/// chosen parent, description for search engines, Markdown body, optional English version, position, one image.
/// A role page (legal, contact) keeps its fixed address and place: its segment and parent are shown, not editable.
/// </summary>
[RequirePermission("ModerateContent")]
[UploadBodyLimit]
public sealed class PageEditorModel(ContentEditorServices services, PageType type, ContentImagePicker images)
    : ContentEditorPageModel<PageType, PageFields>(services, type)
{
    [BindProperty]
    public PageForm Form { get; set; } = new();

    /// <summary>Pages this one may be placed under (not itself, not below it, not too deep, not role pages), indented.</summary>
    public IReadOnlyList<(string Value, string Label)> ParentOptions { get; private set; } = [];

    /// <summary>Address of each page by id, to show the parent's address before the segment.</summary>
    public IReadOnlyDictionary<int, string> Addresses { get; private set; } = new Dictionary<int, string>();

    /// <summary>The stored image (shown as a thumbnail), if any.</summary>
    public ImageRef? Image { get; private set; }

    public string Role => Item is null ? "" : Type.Read(Item).Role;

    protected override void FillForm(PageFields f)
    {
        // The store keeps the whole address; the editor types the page's own segment.
        if (Common.Slug is { Length: > 0 } slug) Common.Slug = slug[(slug.LastIndexOf('/') + 1)..];
        Form = new PageForm
        {
            ParentId = f.ParentId?.ToString(CultureInfo.InvariantCulture) ?? "",
            Body = f.Body,
            TitleEn = f.TitleEn,
            BodyEn = f.BodyEn,
            Position = f.Position.ToString(CultureInfo.InvariantCulture),
            // The footer reads a missing status as "non conforme": the select starts there too.
            AccessibilityStatus = f.Role == PageRoles.Accessibility ? (f.AccessibilityStatus ?? Network.Core.Theming.AccessibilityConformance.NonConforme).ToString() : null,
            ImageAlt = f.Image?.Alt,
            ImageDecorative = f.Image?.Decorative ?? false,
            ImageCredit = f.Image?.Credit,
        };
        Image = f.Image;
    }

    protected override async Task<PageFields> ReadFormAsync(PageFields stored, CancellationToken cancellationToken)
    {
        var f = new PageFields
        {
            Body = Text(Form.Body),
            TitleEn = Line(Form.TitleEn),
            BodyEn = Text(Form.BodyEn),
            Role = stored.Role,
            AccessibilityStatus = stored.AccessibilityStatus,
            ParentId = stored.ParentId,
            Image = stored.Image,
        };
        Image = stored.Image;
        if (stored.Role == PageRoles.Accessibility)
        {
            // Only the enum's names: "1" or "999" are not statuses.
            if (Enum.GetNames<Network.Core.Theming.AccessibilityConformance>().Contains(Form.AccessibilityStatus, StringComparer.Ordinal))
                f.AccessibilityStatus = Enum.Parse<Network.Core.Theming.AccessibilityConformance>(Form.AccessibilityStatus!);
            else AddError("Form.AccessibilityStatus", "Choisissez l'un des états proposés.");
        }
        if (stored.Role.Length == 0)
        {
            var parent = Line(Form.ParentId);
            if (parent.Length == 0) f.ParentId = null;
            else if (int.TryParse(parent, NumberStyles.None, CultureInfo.InvariantCulture, out var parentId)) f.ParentId = parentId;
            else AddError("Form.ParentId", "Choisissez la page parente dans la liste.");
        }
        var position = Line(Form.Position);
        if (position.Length == 0) f.Position = 0;
        else if (int.TryParse(position, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var p)) f.Position = p;
        else AddError("Form.Position", $"Indiquez la position en chiffres, entre 0 et {PageType.MaxPosition}.");

        if (Form.RemoveImage) f.Image = null;
        else if (Form.NewImageFile is { Length: > 0 } || Line(Form.NewImageNumber).Length > 0) f.Image = await NewImageAsync(cancellationToken) ?? stored.Image;
        else if (f.Image is { } image)
            f.Image = image with { Alt = Form.ImageDecorative ? "" : Line(Form.ImageAlt), Decorative = Form.ImageDecorative, Credit = Line(Form.ImageCredit) is { Length: > 0 } c ? c : null };
        return f;
    }

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        var pages = await PageTree.AllAsync(Services.Db, Type, cancellationToken);
        Addresses = pages.ToDictionary(p => p.Item.Id, p => "/" + p.Item.Slug);
        var self = Item;
        ParentOptions = pages
            .Where(p => p.Fields.Role.Length == 0 && p.Depth < ContentRules.MaxDepth - 1)
            .Where(p => self is null || (p.Item.Id != self.Id && !p.Item.Slug.StartsWith(self.Slug + "/", StringComparison.Ordinal)))
            .Select(p => (p.Item.Id.ToString(CultureInfo.InvariantCulture), new string('—', p.Depth) + (p.Depth > 0 ? " " : "") + p.Item.Title + " (/" + p.Item.Slug + ")"))
            .ToList();
    }

    /// <summary>Uploads the new file or finds the numbered image through the shared picker; null after reporting a problem.</summary>
    private async Task<ImageRef?> NewImageAsync(CancellationToken cancellationToken)
    {
        var alt = Line(Form.ImageAlt);
        if (!Form.ImageDecorative && alt.Length == 0)
        {
            AddError("Form.ImageAlt", "Décrivez l'image dans le texte alternatif, ou cochez « Image décorative » si elle n'apporte rien au texte.");
            return null;
        }
        var credit = Line(Form.ImageCredit) is { Length: > 0 } c ? c : null;
        var input = new NewImageInput { File = Form.NewImageFile, MediaNumber = Form.NewImageNumber, Alt = alt, Decorative = Form.ImageDecorative, Credit = credit };
        var added = await images.AddAsync(input, Actor.DisplayName, cancellationToken);
        foreach (var (field, message) in added.Errors)
            AddError(field switch { "Alt" => "Form.ImageAlt", "Credit" => "Form.ImageCredit", "MediaNumber" => "Form.NewImageNumber", _ => "Form.NewImageFile" }, message);
        if (added.Image is not { } image) return null;
        return credit is null ? image : image with { Credit = credit };
    }

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
