using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Security;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Media.Services;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Pages.Admin.Projets;

/// <summary>
/// The showcase editor (<c>/admin/projets/nouveau</c> and <c>/admin/projets/{id}</c>): every field of
/// <see cref="ShowcaseFields"/>, repeatable rows without JavaScript (a button adds a row), the gallery.
/// Loading, saving, conflicts and messages are the shared <see cref="ContentEditorPageModel{TType, TFields}"/>'s.
/// </summary>
[RequirePermission("ContributeContent")]
[UploadBodyLimit]
public sealed class ShowcaseEditorModel(ContentEditorServices services, ShowcaseType type, ContentImagePicker images, VocabularyService vocabularies)
    : ContentEditorPageModel<ShowcaseType, ShowcaseFields>(services, type)
{
    public const int MaxRows = ShowcaseType.MaxListEntries;

    [BindProperty]
    public ShowcaseForm Form { get; set; } = new();

    public IReadOnlyList<(string Value, string Label)> DomainOptions { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> TechnologyOptions { get; private set; } = [];

    /// <summary>The gallery's stored images by media id, for thumbnails.</summary>
    public IReadOnlyDictionary<int, ImageRef> GalleryImages { get; private set; } = new Dictionary<int, ImageRef>();

    private readonly Dictionary<int, ImageRef> _known = [];

    protected override void FillForm(ShowcaseFields f)
    {
        Form = new ShowcaseForm
        {
            Description = f.Description,
            LeadOrganisation = f.LeadOrganisation,
            Partners = f.Partners.Select(p => new PartnerRow { Name = p.Name, Role = p.Role }).ToList(),
            ContactName = f.ContactName,
            ContactEmail = f.ContactEmail,
            ShowContact = f.ShowContact,
            Department = f.Department,
            Commune = f.Commune,
            Domains = [.. f.Domains],
            Technologies = [.. f.Technologies],
            Audiences = string.Join("\n", f.Audiences),
            Maturity = ShowcaseType.MaturitySlug(f.Maturity),
            StartDate = f.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            EndDate = f.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Programme = f.Programme,
            Call = f.Call,
            Year = f.Year?.ToString(CultureInfo.InvariantCulture),
            AmountGranted = f.AmountGranted?.ToString("0.##", CultureInfo.InvariantCulture),
            TotalBudget = f.TotalBudget?.ToString("0.##", CultureInfo.InvariantCulture),
            CoFunders = string.Join("\n", f.CoFunders),
            Outcomes = f.Outcomes,
            LessonsLearned = f.LessonsLearned,
            Licence = f.Licence,
            Links = f.Links.Select(l => new LinkRow { Kind = l.Kind, Label = l.Label, Url = l.Url }).ToList(),
            Gallery = f.Gallery.Select((g, i) => new GalleryRow
            {
                MediaId = g.MediaId, Alt = g.Alt, Decorative = g.Decorative, Credit = g.Credit, Position = (i + 1).ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            AccessibilityNotes = f.AccessibilityNotes,
            EcoDesignNotes = f.EcoDesignNotes,
        };
        foreach (var image in f.Gallery) _known[image.MediaId] = image;
    }

    protected override async Task<ShowcaseFields> ReadFormAsync(ShowcaseFields stored, CancellationToken cancellationToken)
    {
        foreach (var image in stored.Gallery) _known.TryAdd(image.MediaId, image);
        var f = new ShowcaseFields
        {
            Description = Text(Form.Description),
            LeadOrganisation = Line(Form.LeadOrganisation),
            ContactName = Line(Form.ContactName),
            ContactEmail = Line(Form.ContactEmail),
            ShowContact = Form.ShowContact,
            Department = Line(Form.Department).ToUpperInvariant(),
            Commune = Line(Form.Commune),
            Audiences = Entries(Form.Audiences, splitOnCommas: true),
            Programme = Line(Form.Programme),
            Call = Line(Form.Call),
            CoFunders = Entries(Form.CoFunders, splitOnCommas: false),
            Outcomes = Text(Form.Outcomes),
            LessonsLearned = Text(Form.LessonsLearned),
            Licence = Line(Form.Licence) is { Length: > 0 } licence ? licence : ShowcaseDefaults.Licence,
            AccessibilityNotes = Text(Form.AccessibilityNotes),
            EcoDesignNotes = Text(Form.EcoDesignNotes),
        };

        // Repeatable rows: empty rows are dropped and the rest renumbered, so messages ("Partners[1].Name") match the rows shown again.
        Form.Partners = Form.Partners.Where(p => !p.IsEmpty).Take(MaxRows + 1).ToList();
        f.Partners = Form.Partners.Select(p => new ShowcasePartner(Line(p.Name), Line(p.Role))).ToList();
        Form.Links = Form.Links.Where(l => !l.IsEmpty).Take(MaxRows + 1).ToList();
        f.Links = Form.Links.Select(l => new ShowcaseLink(l.Kind ?? "website", Line(l.Label), Line(l.Url))).ToList();

        await LoadVocabulariesAsync(stored, cancellationToken);
        f.Domains = Chosen(Form.Domains, DomainOptions, "Form.Domains", "Ce domaine ne fait pas partie de la liste proposée.");
        f.Technologies = Chosen(Form.Technologies, TechnologyOptions, "Form.Technologies", "Cette technologie ne fait pas partie de la liste proposée.");

        var maturity = ShowcaseType.Maturities.FirstOrDefault(m => m.Slug == (Form.Maturity ?? "").Trim());
        if (maturity.Slug is null) AddError("Form.Maturity", "Choisissez une maturité dans la liste.");
        else f.Maturity = maturity.Value;

        f.StartDate = Date(Form.StartDate, "Form.StartDate");
        f.EndDate = Date(Form.EndDate, "Form.EndDate");
        if (Line(Form.Year) is { Length: > 0 } year)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) f.Year = value;
            else AddError("Form.Year", $"Indiquez l'année en chiffres, par exemple {DateTime.UtcNow.Year}.");
        }
        f.AmountGranted = Amount(Form.AmountGranted, "Form.AmountGranted");
        f.TotalBudget = Amount(Form.TotalBudget, "Form.TotalBudget");

        f.Gallery = await ReadGalleryAsync(cancellationToken);
        return f;
    }

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        if (DomainOptions.Count == 0 && TechnologyOptions.Count == 0)
            await LoadVocabulariesAsync(Item is null ? new ShowcaseFields() : Type.Read(Item), cancellationToken);
        var missing = Form.Gallery.Select(g => g.MediaId).Where(id => !_known.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var image in await images.FindAsync(missing, cancellationToken)) _known.TryAdd(image.MediaId, image);
        GalleryImages = _known;
    }

    public Task<IActionResult> OnPostAddPartnerAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => AddRow(Form.Partners), cancellationToken);

    public Task<IActionResult> OnPostAddLinkAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => AddRow(Form.Links), cancellationToken);

    /// <summary>Adds the new image to the gallery shown (the draft itself is saved by "Enregistrer le brouillon").</summary>
    public Task<IActionResult> OnPostAddImageAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, async () =>
        {
            foreach (var image in Item is null ? [] : Type.Read(Item).Gallery) _known.TryAdd(image.MediaId, image);
            if (Form.NewImage.IsEmpty) AddError("Form.NewImage.File", "Choisissez un fichier image, ou indiquez le numéro d'une image de la médiathèque.");
            else await AddNewImageAsync(cancellationToken);
        }, cancellationToken);

    private static Task AddRow<T>(List<T> rows) where T : new()
    {
        if (rows.Count < MaxRows) rows.Add(new T());
        return Task.CompletedTask;
    }

    private async Task<List<ImageRef>> ReadGalleryAsync(CancellationToken cancellationToken)
    {
        var rows = Form.Gallery
            .Select((row, index) => (Row: row, Index: index, Position: int.TryParse(row.Position, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue))
            .Where(r => !r.Row.Remove)
            .OrderBy(r => r.Position).ThenBy(r => r.Index)
            .Select(r => r.Row)
            .DistinctBy(r => r.MediaId)
            .ToList();
        var unknown = rows.Select(r => r.MediaId).Where(id => !_known.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            foreach (var image in await images.FindAsync(unknown, cancellationToken)) _known.TryAdd(image.MediaId, image);
        var lost = rows.Where(r => !_known.ContainsKey(r.MediaId)).ToList();
        if (lost.Count > 0) AddError("Form.Gallery", "Une image de la galerie n'existe pas (ou plus) dans la médiathèque de ce site : elle a été retirée.");
        rows = rows.Except(lost).ToList();
        for (var i = 0; i < rows.Count; i++) rows[i].Position = (i + 1).ToString(CultureInfo.InvariantCulture);
        Form.Gallery = rows;
        if (!Form.NewImage.IsEmpty) await AddNewImageAsync(cancellationToken);
        return Form.Gallery.Select(ToImageRef).ToList();
    }

    private ImageRef ToImageRef(GalleryRow row)
    {
        var decorative = row.Decorative;
        return _known[row.MediaId] with
        {
            Alt = decorative ? "" : Line(row.Alt),
            Decorative = decorative,
            Credit = Line(row.Credit) is { Length: > 0 } credit ? credit : null,
        };
    }

    /// <summary>Uploads (or finds in the library) the new image and adds it as the gallery's last row; the file inputs are then emptied.</summary>
    private async Task AddNewImageAsync(CancellationToken cancellationToken)
    {
        var input = Form.NewImage;
        if (Form.Gallery.Count >= ShowcaseType.MaxGalleryImages)
        {
            AddError("Form.NewImage.File", $"La galerie compte au plus {ShowcaseType.MaxGalleryImages} images.");
            return;
        }
        var alt = Line(input.Alt);
        if (!input.Decorative && alt.Length == 0)
        {
            AddError("Form.NewImage.Alt", "Décrivez l'image dans le texte alternatif, ou cochez « Image décorative » si elle n'apporte rien au texte.");
            return;
        }
        var added = await images.AddAsync(input, Actor.DisplayName, cancellationToken);
        foreach (var (field, message) in added.Errors) AddError("Form.NewImage." + field, message);
        if (added.Image is not { } image) return;
        _known[image.MediaId] = image;
        if (Form.Gallery.All(g => g.MediaId != image.MediaId))
        {
            Form.Gallery.Add(new GalleryRow
            {
                MediaId = image.MediaId, Alt = input.Decorative ? "" : alt, Decorative = input.Decorative, Credit = Line(input.Credit) is { Length: > 0 } c ? c : image.Credit,
                Position = (Form.Gallery.Count + 1).ToString(CultureInfo.InvariantCulture),
            });
        }
        Form.NewImage = new NewImageInput();
    }

    private async Task LoadVocabulariesAsync(ShowcaseFields stored, CancellationToken cancellationToken)
    {
        DomainOptions = await VocabularyOptionsAsync(vocabularies, Vocabularies.Domains, stored.Domains, cancellationToken);
        TechnologyOptions = await VocabularyOptionsAsync(vocabularies, Vocabularies.Technologies, stored.Technologies, cancellationToken);
    }

    private DateOnly? Date(string? text, string key)
    {
        var value = Line(text);
        if (value.Length == 0) return null;
        if (DateOnly.TryParseExact(value, ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        AddError(key, "Indiquez une date valide au format JJ/MM/AAAA.");
        return null;
    }

    /// <summary>Euros written the French or the English way: "15000", "15 000", "15 000,50", "15000.50 €".</summary>
    private decimal? Amount(string? text, string key)
    {
        var value = new string(Line(text).Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '€').ToArray()).Replace(',', '.');
        if (value.Length == 0) return null;
        if (value.Length <= 20 && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var amount))
            // Stored without trailing zeros ("15000,50" and "15000.5" are the same amount, and the same JSON).
            return decimal.Parse(Math.Round(amount, 2).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        AddError(key, "Indiquez un montant en euros, en chiffres (par exemple 15000 ou 15 000,50).");
        return null;
    }

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();

    private static List<string> Entries(string? text, bool splitOnCommas)
        => (text ?? "").Split(splitOnCommas ? ['\n', ','] : ['\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.Ordinal).ToList();
}
