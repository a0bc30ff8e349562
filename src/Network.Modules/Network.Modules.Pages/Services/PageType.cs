using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;

namespace Network.Modules.Pages.Services;

/// <summary>The "page" content type: addresses nest under the parent page; role pages have their role as address.</summary>
public sealed class PageType(ReservedSegments reserved) : ContentType<PageFields>
{
    public const string TypeName = "page";
    public const int BodyMaxLength = 50_000;
    public const int AltMaxLength = 300;
    public const int MaxPosition = 999;

    public override string Name => TypeName;
    public override string ModuleId => PagesModule.ModuleId;
    public override string DisplayName => "Page";
    public override string PluralName => "Pages";

    /// <summary>Pages sit directly under the tenant root: <see cref="ContentTypeDefinition.PublicUrl"/> gives "/a-propos/equipe".</summary>
    public override string PublicPath => "";
    public override string AdminPath => "/admin/pages";
    public override int Order => 90;
    public override bool IsHierarchical => true;
    public override bool IsShareable => false;

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["parentId"] = "Page parente",
        ["body"] = "Texte",
        ["titleEn"] = "Titre en anglais",
        ["bodyEn"] = "Texte en anglais",
        ["image"] = "Image",
        ["role"] = "Rôle",
        ["accessibilityStatus"] = "État de conformité",
        ["position"] = "Position",
    };

    public override int? ParentIdOf(object fields) => ((PageFields)fields).ParentId;

    public override string? FixedSlugOf(object fields) => ((PageFields)fields).Role is { Length: > 0 } role ? role : null;

    public override IEnumerable<string> CheckAddress(string slug) => reserved.Check(slug);

    /// <summary>
    /// Role pages (legal pages, contact) must stay reachable at their fixed address: never archived nor deleted, and a
    /// published one is never withdrawn; a draft or scheduled one may go back to draft.
    /// </summary>
    public override bool Allows(ContentItem item, ContentAction action)
        => !PageRoles.IsKnown(Read(item).Role) || action switch
        {
            ContentAction.Archive or ContentAction.Delete => false,
            ContentAction.Withdraw => item.Status != ContentStatus.Published,
            _ => true,
        };

    /// <summary>Legal pages (notice, personal data, accessibility) are reached from the footer, not searched for; the contact page is.</summary>
    protected override bool IsSearchableItem(PageFields fields) => !PageRoles.Legal.Contains(fields.Role, StringComparer.Ordinal);

    /// <summary>The French text only: the index analyses a document in one language.</summary>
    protected override string SearchText(PageFields f) => SearchText([], [f.Body]);

    protected override IEnumerable<int> MediaIds(PageFields fields) => fields.Image is { } image ? [image.MediaId] : [];

    protected override IEnumerable<(string Field, string Message)> Validate(PageFields f)
    {
        if (string.IsNullOrWhiteSpace(f.Body)) yield return ("Body", "Écrivez le texte de la page.");
        else if (f.Body.Length > BodyMaxLength) yield return ("Body", $"Le texte ne peut dépasser {BodyMaxLength} caractères (il en compte {f.Body.Length}).");
        if (f.TitleEn.Length > ContentRules.TitleMaxLength) yield return ("TitleEn", $"Le titre en anglais ne peut dépasser {ContentRules.TitleMaxLength} caractères.");
        if (f.BodyEn.Length > BodyMaxLength) yield return ("BodyEn", $"Le texte en anglais ne peut dépasser {BodyMaxLength} caractères (il en compte {f.BodyEn.Length}).");
        var hasTitleEn = !string.IsNullOrWhiteSpace(f.TitleEn);
        var hasBodyEn = !string.IsNullOrWhiteSpace(f.BodyEn);
        if (hasTitleEn && !hasBodyEn) yield return ("BodyEn", "Écrivez aussi le texte en anglais, ou effacez le titre en anglais.");
        if (hasBodyEn && !hasTitleEn) yield return ("TitleEn", "Indiquez aussi le titre en anglais, ou effacez le texte en anglais.");
        if (f.Role.Length > 0 && !PageRoles.IsKnown(f.Role)) yield return ("Role", "Ce rôle de page n'existe pas.");
        if (f.Role.Length > 0 && f.ParentId is not null) yield return ("ParentId", "Une page à adresse fixe reste à la racine du site : elle ne peut pas avoir de page parente.");
        if (f.Position is < 0 or > MaxPosition) yield return ("Position", $"La position est un nombre entier entre 0 et {MaxPosition}.");
        if (f.Image is { } image)
        {
            if (!image.Decorative && string.IsNullOrWhiteSpace(image.Alt)) yield return ("Image", "Décrivez l'image (texte de remplacement), ou indiquez qu'elle est décorative.");
            if (image.Alt.Length > AltMaxLength) yield return ("Image", $"Le texte de remplacement ne peut dépasser {AltMaxLength} caractères.");
        }
    }
}
