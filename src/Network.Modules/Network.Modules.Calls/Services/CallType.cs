using Network.Core.Text;
using Network.Modules.Calls.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;

namespace Network.Modules.Calls.Services;

/// <summary>
/// The call for projects as a content type: its public definition goes through the shared workflow (addresses,
/// revisions, publication, hub copies, the search index), while applications, reviews and decisions live in
/// <see cref="CallsDbContext"/>.
/// </summary>
public sealed class CallType : ContentType<CallFields>
{
    public const string TypeName = "call";

    public const string ProgrammeFacet = "programme";
    public const string YearFacet = "year";
    public const string DomainFacet = "domain";

    /// <summary>The filters of <c>/appels</c> and of the API's calls, in display order (region: on the hub).</summary>
    public static class Filters
    {
        public static readonly ContentFilter Programme = new(ProgrammeFacet, "programme");
        public static readonly ContentFilter Year = new(YearFacet, "annee");
        public static readonly ContentFilter Domain = new(DomainFacet, "domaine");
    }

    public const int TextMaxLength = 20_000;
    public const int ShortTextMaxLength = 300;
    public const int MaxDocuments = 20;
    public const int MaxCriteria = 20;
    public const int MaxQuestions = 20;
    public const int MaxScoreLimit = 100;
    public const int MaxDomains = 20;
    public const int MinYear = 2000;
    public const int MaxYear = 2100;

    public override string Name => TypeName;
    public override string ModuleId => CallsModule.ModuleId;
    public override string DisplayName => "Appel à projets";
    public override string PluralName => "Appels à projets";
    public override string PublicPath => "/appels";
    public override string AdminPath => "/admin/appels";
    public override int Order => 30;

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["programme"] = "Programme",
        ["year"] = "Année",
        ["description"] = "Description",
        ["eligibleApplicants"] = "Structures éligibles",
        ["eligibleExpenses"] = "Dépenses éligibles",
        ["territory"] = "Territoire",
        ["totalEnvelope"] = "Enveloppe totale",
        ["maxAmountPerProject"] = "Montant maximal par projet",
        ["maxFundingRatePercent"] = "Taux maximal de financement",
        ["opensUtc"] = "Ouverture",
        ["closesUtc"] = "Date limite",
        ["documents"] = "Documents",
        ["criteria"] = "Critères d'évaluation",
        ["questions"] = "Questions du formulaire",
        ["domains"] = "Domaines culturels",
        ["contactEmail"] = "Adresse de contact",
    };

    /// <summary>The filter value of a programme ("Cultures connectées" → "cultures-connectees").</summary>
    public static string ProgrammeValue(string programme) => Slugs.FromTitle(programme);

    protected override IEnumerable<(string Facet, string Value)> Facets(CallFields fields)
    {
        if (fields.Programme.Trim().Length > 0) yield return (ProgrammeFacet, ProgrammeValue(fields.Programme));
        if (fields.Year > 0) yield return (YearFacet, fields.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var domain in fields.Domains) yield return (DomainFacet, domain);
    }

    protected override string SearchText(CallFields f)
        => SearchText([f.Programme, f.Territory, .. f.EligibleApplicants.Select(ApplicantTypes.Label), .. f.Criteria.Select(c => c.Label)],
            [f.Description, f.EligibleExpenses]);

    protected override IEnumerable<int> MediaIds(CallFields fields) => fields.Documents.Select(d => d.MediaId);

    protected override IEnumerable<(string Field, string Message)> Validate(CallFields f)
    {
        if (f.Programme.Trim().Length == 0) yield return ("Programme", "Indiquez le programme (par exemple PNV, ADNI).");
        else if (f.Programme.Length > ShortTextMaxLength) yield return ("Programme", $"Le programme ne peut dépasser {ShortTextMaxLength} caractères.");
        if (f.Year is < MinYear or > MaxYear) yield return ("Year", $"Indiquez une année entre {MinYear} et {MaxYear}.");
        if (f.Description.Length > TextMaxLength) yield return ("Description", $"La description ne peut dépasser {TextMaxLength} caractères.");
        if (f.EligibleExpenses.Length > TextMaxLength) yield return ("EligibleExpenses", $"Les dépenses éligibles ne peuvent dépasser {TextMaxLength} caractères.");
        if (f.Territory.Length > ShortTextMaxLength) yield return ("Territory", $"Le territoire ne peut dépasser {ShortTextMaxLength} caractères.");
        if (f.EligibleApplicants.Count == 0) yield return ("EligibleApplicants", "Cochez au moins un type de structure éligible.");
        if (f.EligibleApplicants.Any(a => !ApplicantTypes.IsKnown(a))) yield return ("EligibleApplicants", "Un type de structure choisi n'existe pas.");

        if (f.TotalEnvelope is <= 0) yield return ("TotalEnvelope", "L'enveloppe doit être un montant positif.");
        if (f.MaxAmountPerProject is <= 0) yield return ("MaxAmountPerProject", "Le montant maximal doit être un montant positif.");
        if (f.MaxAmountPerProject is { } max && f.TotalEnvelope is { } envelope && max > envelope)
            yield return ("MaxAmountPerProject", "Le montant maximal par projet ne peut dépasser l'enveloppe totale.");
        if (f.MaxFundingRatePercent is <= 0 or > 100) yield return ("MaxFundingRatePercent", "Le taux maximal de financement est un pourcentage entre 1 et 100.");

        if (f.OpensUtc == default) yield return ("OpensUtc", "Indiquez la date et l'heure d'ouverture.");
        if (f.ClosesUtc == default) yield return ("ClosesUtc", "Indiquez la date et l'heure limite de dépôt.");
        else if (f.OpensUtc != default && f.ClosesUtc <= f.OpensUtc) yield return ("ClosesUtc", "La date limite doit suivre l'ouverture.");

        if (f.Documents.Count > MaxDocuments) yield return ("Documents", $"{MaxDocuments} documents au plus.");
        for (var i = 0; i < f.Documents.Count; i++)
            if ((f.Documents[i].Title ?? "").Trim().Length == 0 || f.Documents[i].Title.Length > ShortTextMaxLength)
                yield return ($"Documents[{i}].Title", $"Document {i + 1} : indiquez son intitulé ({ShortTextMaxLength} caractères au plus).");

        if (f.Criteria.Count == 0) yield return ("Criteria", "Ajoutez au moins un critère d'évaluation.");
        if (f.Criteria.Count > MaxCriteria) yield return ("Criteria", $"{MaxCriteria} critères au plus.");
        if (f.Criteria.Select(c => c.Key).Distinct(StringComparer.Ordinal).Count() != f.Criteria.Count)
            yield return ("Criteria", "Deux critères ont la même clé.");
        for (var i = 0; i < f.Criteria.Count; i++)
        {
            var c = f.Criteria[i];
            if (!Slugs.IsValid(c.Key)) yield return ($"Criteria[{i}].Key", $"Critère {i + 1} : clé invalide.");
            if ((c.Label ?? "").Trim().Length == 0 || c.Label!.Length > ShortTextMaxLength) yield return ($"Criteria[{i}].Label", $"Critère {i + 1} : indiquez son intitulé.");
            if ((c.Description ?? "").Length > TextMaxLength) yield return ($"Criteria[{i}].Description", $"Critère {i + 1} : description trop longue.");
            if (c.Weight is <= 0 or > 100) yield return ($"Criteria[{i}].Weight", $"Critère {i + 1} : le coefficient est un nombre entre 0 et 100 (exclu 0).");
            if (c.MaxScore is < 1 or > MaxScoreLimit) yield return ($"Criteria[{i}].MaxScore", $"Critère {i + 1} : la note maximale est un entier entre 1 et {MaxScoreLimit}.");
        }

        if (f.Questions.Count > MaxQuestions) yield return ("Questions", $"{MaxQuestions} questions au plus.");
        if (f.Questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count() != f.Questions.Count)
            yield return ("Questions", "Deux questions ont la même clé.");
        for (var i = 0; i < f.Questions.Count; i++)
        {
            var q = f.Questions[i];
            if (!Slugs.IsValid(q.Key)) yield return ($"Questions[{i}].Key", $"Question {i + 1} : clé invalide.");
            if ((q.Label ?? "").Trim().Length == 0 || q.Label!.Length > ShortTextMaxLength) yield return ($"Questions[{i}].Label", $"Question {i + 1} : indiquez son intitulé.");
            if ((q.Help ?? "").Length > TextMaxLength) yield return ($"Questions[{i}].Help", $"Question {i + 1} : aide trop longue.");
            if (q.MaxLength is < 1 or > TextMaxLength) yield return ($"Questions[{i}].MaxLength", $"Question {i + 1} : la longueur maximale est entre 1 et {TextMaxLength} caractères.");
        }

        if (f.Domains.Count > MaxDomains) yield return ("Domains", $"{MaxDomains} domaines au plus.");
        if (f.Domains.Any(d => !Slugs.IsValid(d))) yield return ("Domains", "Un domaine choisi n'existe pas.");
        if (f.ContactEmail.Length > 0 && !System.Net.Mail.MailAddress.TryCreate(f.ContactEmail, out _))
            yield return ("ContactEmail", "Indiquez une adresse électronique valide, par exemple nom@culture.gouv.fr.");
    }
}
