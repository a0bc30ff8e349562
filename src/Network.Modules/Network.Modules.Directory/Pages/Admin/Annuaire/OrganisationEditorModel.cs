using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;
using Network.Modules.Media;
using Network.Modules.Media.Services;

namespace Network.Modules.Directory.Pages.Admin.Annuaire;

/// <summary>The organisation's own fields as the editor posts them (<c>Form.*</c>); every value is text so odd input becomes a message.</summary>
public sealed class OrganisationForm : IContentImageForm
{
    public string? Kind { get; set; }
    public string? Commune { get; set; }
    public string? Department { get; set; }
    public string? Description { get; set; }
    public string? Website { get; set; }
    public string? Siret { get; set; }
    public List<string> Domains { get; set; } = [];
    public List<string> Technologies { get; set; } = [];

    /// <summary>One per line.</summary>
    public string? OtherNames { get; set; }

    public bool Verified { get; set; }

    public string? ImageMediaId { get; set; }
    public string? ImageAlt { get; set; }
    public bool ImageDecorative { get; set; }
    public string? ImageCredit { get; set; }
    public bool RemoveImage { get; set; }
    public NewImageInput NewImage { get; set; } = new();
}

/// <summary>
/// The organisation editor (<c>/admin/annuaire/nouveau</c> and <c>/admin/annuaire/{id}</c>), for coordinators: kind,
/// place, description, website, SIRET, expertise (the tenant's vocabularies), other names used in showcases, the
/// "vérifiée" badge and the logo with its alternative text. Saving is the shared content editor's.
/// </summary>
[RequirePermission(DirectoryModule.ManagePermission)]
[UploadBodyLimit]
public sealed class OrganisationEditorModel(ContentEditorServices services, OrganisationType type, ContentImagePicker images, VocabularyService vocabularies)
    : ContentEditorPageModel<OrganisationType, OrganisationFields>(services, type)
{
    [BindProperty]
    public OrganisationForm Form { get; set; } = new();

    public ImageRef? CurrentImage { get; private set; }
    public IReadOnlyList<(string Value, string Label)> DomainOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> TechnologyOptions { get; private set; } = [];

    protected override void FillForm(OrganisationFields f)
    {
        Form = new OrganisationForm
        {
            Kind = f.Kind, Commune = f.Commune, Department = f.Department, Description = f.Description, Website = f.Website,
            Siret = f.Siret.Length == 14 ? Siret.Format(f.Siret) : f.Siret,
            Domains = [.. f.Domains], Technologies = [.. f.Technologies], OtherNames = string.Join("\n", f.OtherNames), Verified = f.Verified,
            ImageMediaId = f.Logo?.MediaId.ToString(CultureInfo.InvariantCulture), ImageAlt = f.Logo?.Alt, ImageDecorative = f.Logo?.Decorative ?? false, ImageCredit = f.Logo?.Credit,
        };
        CurrentImage = f.Logo;
    }

    protected override async Task<OrganisationFields> ReadFormAsync(OrganisationFields stored, CancellationToken cancellationToken)
    {
        var f = new OrganisationFields
        {
            Kind = Line(Form.Kind),
            Commune = Line(Form.Commune),
            Department = Line(Form.Department).ToUpperInvariant(),
            Description = (Form.Description ?? "").Replace("\r\n", "\n").Trim(),
            Website = Line(Form.Website),
            Siret = Siret.Normalize(Form.Siret),
            OtherNames = (Form.OtherNames ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList(),
            Verified = Form.Verified,
        };
        await LoadVocabulariesAsync(stored, cancellationToken);
        f.Domains = Chosen(Form.Domains, DomainOptions, "Form.Domains", "Ce domaine ne fait pas partie de la liste proposée.");
        f.Technologies = Chosen(Form.Technologies, TechnologyOptions, "Form.Technologies", "Cette technologie ne fait pas partie de la liste proposée.");
        f.Logo = await images.ReadFormAsync(Form, stored.Logo, Actor.DisplayName, AddError, cancellationToken);
        CurrentImage = f.Logo;
        return f;
    }

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        if (DomainOptions.Count == 0 && TechnologyOptions.Count == 0)
            await LoadVocabulariesAsync(Item is null ? new OrganisationFields() : Type.Read(Item), cancellationToken);
    }

    private async Task LoadVocabulariesAsync(OrganisationFields stored, CancellationToken cancellationToken)
    {
        DomainOptions = await VocabularyOptionsAsync(vocabularies, Vocabularies.Domains, stored.Domains, cancellationToken);
        TechnologyOptions = await VocabularyOptionsAsync(vocabularies, Vocabularies.Technologies, stored.Technologies, cancellationToken);
    }

    private static string Line(string? text) => (text ?? "").Trim();
}
