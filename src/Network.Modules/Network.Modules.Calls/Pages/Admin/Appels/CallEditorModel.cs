using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Network.Core.Localization;
using Network.Core.Security;
using Network.Core.Text;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Editing;
using Network.Modules.Content.Services;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// The call editor (<c>/admin/appels/nouveau</c> and <c>/admin/appels/{id}</c>): every field of <see cref="CallFields"/>,
/// criteria and questions as repeatable rows (buttons add and remove rows by posting the form: no JavaScript), the
/// documents picked from the media library's PDFs or uploaded to it, dates typed in Paris time. Loading, saving,
/// conflicts and messages are the shared <see cref="ContentEditorPageModel{TType, TFields}"/>'s.
/// </summary>
[RequirePermission("ManageCalls")]
[UploadBodyLimit]
public sealed class CallEditorModel(ContentEditorServices services, CallType type, MediaLibrary media, VocabularyService vocabularies)
    : ContentEditorPageModel<CallType, CallFields>(services, type)
{
    public const int DefaultMaxLength = 2_000;

    [BindProperty]
    public CallForm Form { get; set; } = new();

    public IReadOnlyList<(string Value, string Label)> DomainOptions { get; private set; } = [];

    /// <summary>The documents' library entries by media id (file name, size).</summary>
    public IReadOnlyDictionary<int, MediaItem> DocumentFiles { get; private set; } = new Dictionary<int, MediaItem>();

    private readonly Dictionary<int, MediaItem> _files = [];

    protected override string ErrorKey(string field) => field switch
    {
        "OpensUtc" => "Form.OpensDate",
        "ClosesUtc" => "Form.ClosesDate",
        _ => base.ErrorKey(field),
    };

    protected override void FillForm(CallFields f)
    {
        string? Opt(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture);
        Form = new CallForm
        {
            Programme = f.Programme,
            Year = f.Year == 0 ? null : f.Year.ToString(CultureInfo.InvariantCulture),
            Description = f.Description,
            EligibleApplicants = [.. f.EligibleApplicants],
            EligibleExpenses = f.EligibleExpenses,
            Territory = f.Territory,
            TotalEnvelope = Opt(f.TotalEnvelope),
            MaxAmountPerProject = Opt(f.MaxAmountPerProject),
            MaxFundingRatePercent = Opt(f.MaxFundingRatePercent),
            OpensDate = f.OpensUtc == default ? null : ParisTime.FromUtc(f.OpensUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            OpensTime = f.OpensUtc == default ? null : ParisTime.FromUtc(f.OpensUtc).ToString("HH:mm", CultureInfo.InvariantCulture),
            ClosesDate = f.ClosesUtc == default ? null : ParisTime.FromUtc(f.ClosesUtc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ClosesTime = f.ClosesUtc == default ? null : ParisTime.FromUtc(f.ClosesUtc).ToString("HH:mm", CultureInfo.InvariantCulture),
            Documents = f.Documents.Select(d => new CallDocumentRow { MediaId = d.MediaId, Title = d.Title }).ToList(),
            Criteria = f.Criteria.Select(c => new CriterionRow
            {
                Key = c.Key, Label = c.Label, Description = c.Description,
                Weight = c.Weight.ToString("0.##", CultureInfo.InvariantCulture), MaxScore = c.MaxScore.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Questions = f.Questions.Select(q => new QuestionRow
            {
                Key = q.Key, Label = q.Label, Help = q.Help, Required = q.Required, MaxLength = q.MaxLength.ToString(CultureInfo.InvariantCulture),
            }).ToList(),
            Domains = [.. f.Domains],
            ContactEmail = f.ContactEmail,
        };
    }

    protected override async Task<CallFields> ReadFormAsync(CallFields stored, CancellationToken cancellationToken)
    {
        var f = new CallFields
        {
            Programme = Line(Form.Programme),
            Description = Text(Form.Description),
            EligibleExpenses = Text(Form.EligibleExpenses),
            Territory = Line(Form.Territory),
            ContactEmail = Line(Form.ContactEmail),
            EligibleApplicants = Form.EligibleApplicants.Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim()).Distinct(StringComparer.Ordinal).ToList(),
        };
        if (Line(Form.Year) is { Length: > 0 } year)
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) f.Year = value;
            else AddError("Form.Year", "Indiquez l'année en chiffres, par exemple 2026.");
        }
        else AddError("Form.Year", "Indiquez l'année de l'appel, par exemple 2026.");
        f.TotalEnvelope = Number(Form.TotalEnvelope, "Form.TotalEnvelope", "Indiquez un montant en euros, en chiffres (par exemple 300000 ou 300 000).");
        f.MaxAmountPerProject = Number(Form.MaxAmountPerProject, "Form.MaxAmountPerProject", "Indiquez un montant en euros, en chiffres (par exemple 40000).");
        f.MaxFundingRatePercent = Number(Form.MaxFundingRatePercent, "Form.MaxFundingRatePercent", "Indiquez un pourcentage en chiffres, par exemple 50.");
        f.OpensUtc = Moment(Form.OpensDate, Form.OpensTime, "Form.OpensDate", "Indiquez la date et l'heure d'ouverture.");
        f.ClosesUtc = Moment(Form.ClosesDate, Form.ClosesTime, "Form.ClosesDate", "Indiquez la date et l'heure limite de dépôt.");

        // Repeatable rows: empty rows are dropped and the rest renumbered, so messages ("Criteria[1].Label") match the rows shown again.
        Form.Criteria = Form.Criteria.Where(c => !c.IsEmpty).Take(CallType.MaxCriteria + 1).ToList();
        f.Criteria = Form.Criteria.Select((c, i) => new CallCriterion(
            Key(c.Key, c.Label), Line(c.Label), Text(c.Description),
            Number(c.Weight, $"Form.Criteria[{i}].Weight", $"Critère {i + 1} : indiquez le coefficient en chiffres, par exemple 2.") ?? 0,
            Integer(c.MaxScore, $"Form.Criteria[{i}].MaxScore", $"Critère {i + 1} : indiquez la note maximale, un entier (par exemple 20).") ?? 0)).ToList();
        for (var i = 0; i < Form.Criteria.Count; i++) Form.Criteria[i].Key = f.Criteria[i].Key;
        Form.Questions = Form.Questions.Where(q => !q.IsEmpty).Take(CallType.MaxQuestions + 1).ToList();
        f.Questions = Form.Questions.Select((q, i) => new CallQuestion(
            Key(q.Key, q.Label), Line(q.Label), Text(q.Help), q.Required,
            Line(q.MaxLength).Length == 0 ? DefaultMaxLength
                : Integer(q.MaxLength, $"Form.Questions[{i}].MaxLength", $"Question {i + 1} : indiquez la longueur maximale en caractères, un entier.") ?? 0)).ToList();
        for (var i = 0; i < Form.Questions.Count; i++) Form.Questions[i].Key = f.Questions[i].Key;

        await LoadDomainsAsync(stored, cancellationToken);
        var domains = Form.Domains.Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v.Trim()).Distinct(StringComparer.Ordinal).ToList();
        if (domains.Any(v => DomainOptions.All(o => o.Value != v))) AddError("Form.Domains", "Ce domaine ne fait pas partie de la liste proposée.");
        f.Domains = domains.Where(v => DomainOptions.Any(o => o.Value == v)).ToList();

        f.Documents = await ReadDocumentsAsync(cancellationToken);
        return f;
    }

    protected override async Task LoadOptionsAsync(CancellationToken cancellationToken)
    {
        if (DomainOptions.Count == 0) await LoadDomainsAsync(Item is null ? new CallFields() : Type.Read(Item), cancellationToken);
        var missing = Form.Documents.Select(d => d.MediaId).Where(id => !_files.ContainsKey(id)).ToList();
        if (missing.Count > 0)
            foreach (var file in await media.FindManyAsync(missing, cancellationToken)) _files.TryAdd(file.Id, file);
        DocumentFiles = _files;
    }

    public Task<IActionResult> OnPostAddCriterionAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => AddRow(Form.Criteria, CallType.MaxCriteria), cancellationToken);

    public Task<IActionResult> OnPostRemoveCriterionAsync(int? id, int index, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => RemoveRow(Form.Criteria, index), cancellationToken);

    public Task<IActionResult> OnPostAddQuestionAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => AddRow(Form.Questions, CallType.MaxQuestions), cancellationToken);

    public Task<IActionResult> OnPostRemoveQuestionAsync(int? id, int index, CancellationToken cancellationToken)
        => ChangeFormAsync(id, () => RemoveRow(Form.Questions, index), cancellationToken);

    /// <summary>Adds the PDF to the documents shown (the call itself is saved by "Enregistrer").</summary>
    public Task<IActionResult> OnPostAddDocumentAsync(int? id, CancellationToken cancellationToken)
        => ChangeFormAsync(id, async () =>
        {
            if (Form.NewDocument.IsEmpty) AddError("Form.NewDocument.File", "Choisissez un fichier PDF, ou indiquez le numéro d'un PDF de la médiathèque.");
            else await AddNewDocumentAsync(cancellationToken);
        }, cancellationToken);

    private static Task AddRow<T>(List<T> rows, int max) where T : new()
    {
        if (rows.Count < max) rows.Add(new T());
        return Task.CompletedTask;
    }

    private static Task RemoveRow<T>(List<T> rows, int index)
    {
        if (index >= 0 && index < rows.Count) rows.RemoveAt(index);
        return Task.CompletedTask;
    }

    private async Task<List<CallDocument>> ReadDocumentsAsync(CancellationToken cancellationToken)
    {
        var rows = Form.Documents.Where(r => !r.Remove).DistinctBy(r => r.MediaId).ToList();
        var unknown = rows.Select(r => r.MediaId).Where(id => !_files.ContainsKey(id)).ToList();
        if (unknown.Count > 0)
            foreach (var file in await media.FindManyAsync(unknown, cancellationToken)) _files.TryAdd(file.Id, file);
        // Each tenant has its own library: a number from another site (or an image) finds no PDF here.
        var lost = rows.Where(r => _files.GetValueOrDefault(r.MediaId) is not { Kind: MediaKind.Document }).ToList();
        if (lost.Count > 0) AddError("Form.Documents", "Un document n'est pas un PDF de la médiathèque de ce site : il a été retiré.");
        Form.Documents = rows.Except(lost).ToList();
        if (!Form.NewDocument.IsEmpty) await AddNewDocumentAsync(cancellationToken);
        return Form.Documents.Select(r => new CallDocument(r.MediaId, Line(r.Title))).ToList();
    }

    /// <summary>Uploads the PDF to the media library (checked by its bytes there) or finds the numbered one, and adds it as the last document.</summary>
    private async Task AddNewDocumentAsync(CancellationToken cancellationToken)
    {
        var input = Form.NewDocument;
        if (Form.Documents.Count >= CallType.MaxDocuments)
        {
            AddError("Form.NewDocument.File", $"Un appel compte au plus {CallType.MaxDocuments} documents.");
            return;
        }
        var title = Line(input.Title);
        if (title.Length == 0)
        {
            AddError("Form.NewDocument.Title", "Indiquez l'intitulé du document, par exemple « Règlement de l'appel ».");
            return;
        }
        MediaItem? file;
        if (input.File is { Length: > 0 } upload)
        {
            var uploaded = await media.UploadAsync(upload, title, false, null, Actor.DisplayName, cancellationToken);
            foreach (var error in uploaded.Errors) AddError("Form.NewDocument.File", error.Message.ToString());
            file = uploaded.Item;
            if (file is not null && file.Kind != MediaKind.Document)
            {
                AddError("Form.NewDocument.File", "Ce fichier n'est pas un PDF : seuls les documents PDF sont acceptés ici.");
                return;
            }
        }
        else if (int.TryParse((input.MediaNumber ?? "").Trim().TrimStart('n', '°', ' '), NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            file = await media.FindAsync(number, cancellationToken);
            if (file is not { Kind: MediaKind.Document })
            {
                AddError("Form.NewDocument.MediaNumber", "La médiathèque de ce site n'a pas de PDF portant ce numéro.");
                return;
            }
        }
        else
        {
            AddError("Form.NewDocument.MediaNumber", "Indiquez le numéro du PDF dans la médiathèque, en chiffres.");
            return;
        }
        if (file is null) return;
        _files[file.Id] = file;
        if (Form.Documents.All(d => d.MediaId != file.Id)) Form.Documents.Add(new CallDocumentRow { MediaId = file.Id, Title = title });
        Form.NewDocument = new NewCallDocumentInput();
    }

    private async Task LoadDomainsAsync(CallFields stored, CancellationToken cancellationToken)
    {
        var terms = (await vocabularies.GetAsync(Vocabularies.Domains, cancellationToken)).Select(t => (t.Value, t.Label)).ToList();
        // Values the call already has stay offered even if a coordinator has since removed them from the vocabulary.
        terms.AddRange(stored.Domains.Where(v => terms.All(t => t.Value != v)).Select(v => (v, v)));
        DomainOptions = terms;
    }

    private static string Key(string? key, string? label)
        => Line(key) is { Length: > 0 } typed ? typed : Slugs.FromTitle(Line(label), 60);

    private DateTime Moment(string? date, string? time, string key, string missing)
    {
        if (string.IsNullOrWhiteSpace(date) && string.IsNullOrWhiteSpace(time)) return default;
        var (utc, error) = ParisTime.ParseToUtc(date, time);
        if (utc is null) AddError(key, error == "Indiquez la date et l'heure de publication." ? missing : error!);
        return utc ?? default;
    }

    /// <summary>Written the French or the English way: "15000", "15 000", "15 000,50", "15000.50 €", "50 %".</summary>
    private decimal? Number(string? text, string key, string message)
    {
        var value = new string(Line(text).Where(c => !char.IsWhiteSpace(c) && c != '\u202F' && c != '€' && c != '%').ToArray()).Replace(',', '.');
        if (value.Length == 0) return null;
        if (value.Length <= 20 && decimal.TryParse(value, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
            return decimal.Parse(Math.Round(number, 2).ToString("0.##", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        AddError(key, message);
        return null;
    }

    private int? Integer(string? text, string key, string message)
    {
        var value = Line(text);
        if (value.Length == 0) return null;
        if (int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)) return number;
        AddError(key, message);
        return null;
    }

    private static string Line(string? text) => (text ?? "").Trim();

    private static string Text(string? text) => (text ?? "").Replace("\r\n", "\n").Trim();
}
