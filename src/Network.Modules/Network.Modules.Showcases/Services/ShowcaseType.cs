using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>
/// The showcase content type: its addresses, the facets its public lists filter on, the media its gallery uses and
/// the format checks of its fields. Checks stay on format only (drafts must be easy to save); what a publication
/// needs is the moderators' call.
/// </summary>
public sealed partial class ShowcaseType : ContentType<ShowcaseFields>
{
    public const string TypeName = "showcase";

    public const int MaxListEntries = 20;
    public const int MaxGalleryImages = 20;
    public const int ShortTextMaxLength = 200;
    public const int MarkdownMaxLength = 20_000;
    public const int DescriptionMaxLength = 50_000;
    public const int AltMaxLength = 300;
    public const int UrlMaxLength = 2_000;
    public const int MinYear = 1990;
    public const int MaxYear = 2100;
    public const decimal MaxAmount = 10_000_000_000m;

    public override string Name => TypeName;
    public override string ModuleId => "Showcases";
    public override string DisplayName => "Projet";
    public override string PluralName => "Projets";
    public override string PublicPath => "/projets";
    public override string AdminPath => "/admin/projets";
    public override ContentDiscussion Discussion => ContentDiscussion.Comments;

    /// <summary>The facets of the public lists, in display order ("region" exists only on the hub's copies).</summary>
    public static class FacetNames
    {
        public const string Domain = "domain";
        public const string Technology = "technology";
        public const string Programme = "programme";
        public const string Year = "year";
        public const string Maturity = "maturity";
        public const string Region = Network.Modules.Content.Feed.HubShareConsumer.RegionFacet;
    }

    /// <summary>The filters of <c>/projets</c> and of the API's showcases, in display order (region: on the hub).</summary>
    public static class Filters
    {
        public static readonly ContentFilter Domain = new(FacetNames.Domain, "domaine");
        public static readonly ContentFilter Technology = new(FacetNames.Technology, "technologie");
        public static readonly ContentFilter Programme = new(FacetNames.Programme, "programme");
        public static readonly ContentFilter Year = new(FacetNames.Year, "annee");
        public static readonly ContentFilter Maturity = new(FacetNames.Maturity, "maturite");
    }

    /// <summary>Kinds of links, with their French labels.</summary>
    public static readonly IReadOnlyList<(string Kind, string Label)> LinkKinds =
    [
        ("website", "Site web"),
        ("source", "Code source"),
        ("opendata", "Données ouvertes"),
        ("pop", "Notice POP"),
        ("europeana", "Notice Europeana"),
        ("other", "Autre lien"),
    ];

    /// <summary>Maturity: (value, stable value used in facets and addresses, French label).</summary>
    public static readonly IReadOnlyList<(ShowcaseMaturity Value, string Slug, string Label)> Maturities =
    [
        (ShowcaseMaturity.Idea, "idee", "Idée"),
        (ShowcaseMaturity.Prototype, "prototype", "Prototype"),
        (ShowcaseMaturity.Pilot, "pilote", "Pilote"),
        (ShowcaseMaturity.Production, "en-production", "En production"),
        (ShowcaseMaturity.Stopped, "arrete", "Arrêté"),
    ];

    public static string MaturitySlug(ShowcaseMaturity maturity) => Maturities.FirstOrDefault(m => m.Value == maturity).Slug ?? "prototype";

    public static string MaturityLabel(ShowcaseMaturity maturity) => Maturities.FirstOrDefault(m => m.Value == maturity).Label ?? "Prototype";

    public static string? MaturityLabelOfSlug(string slug) => Maturities.FirstOrDefault(m => m.Slug == slug).Label;

    public static string LinkKindLabel(string kind) => LinkKinds.FirstOrDefault(k => k.Kind == kind).Label ?? "Autre lien";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["description"] = "Description",
        ["leadOrganisation"] = "Structure porteuse",
        ["partners"] = "Partenaires",
        ["contactName"] = "Nom du contact",
        ["contactEmail"] = "Courriel du contact",
        ["showContact"] = "Contact affiché au public",
        ["department"] = "Département",
        ["commune"] = "Commune",
        ["domains"] = "Domaines culturels",
        ["technologies"] = "Technologies",
        ["audiences"] = "Publics",
        ["maturity"] = "Maturité",
        ["startDate"] = "Date de début",
        ["endDate"] = "Date de fin",
        ["programme"] = "Programme de financement",
        ["call"] = "Appel à projets",
        ["year"] = "Année",
        ["amountGranted"] = "Montant accordé",
        ["totalBudget"] = "Budget total",
        ["coFunders"] = "Cofinanceurs",
        ["outcomes"] = "Résultats et indicateurs",
        ["lessonsLearned"] = "Enseignements",
        ["licence"] = "Licence du contenu",
        ["links"] = "Liens",
        ["gallery"] = "Galerie d'images",
        ["accessibilityNotes"] = "Accessibilité",
        ["ecoDesignNotes"] = "Écoconception",
    };

    protected override IEnumerable<(string Facet, string Value)> Facets(ShowcaseFields fields)
    {
        foreach (var domain in fields.Domains) yield return (FacetNames.Domain, domain);
        foreach (var technology in fields.Technologies) yield return (FacetNames.Technology, technology);
        if (!string.IsNullOrWhiteSpace(fields.Programme)) yield return (FacetNames.Programme, fields.Programme.Trim());
        if (fields.Year is { } year) yield return (FacetNames.Year, year.ToString(CultureInfo.InvariantCulture));
        yield return (FacetNames.Maturity, MaturitySlug(fields.Maturity));
    }

    /// <summary>What people search a project by: its write-up, who made it with whom, where, how it was funded. Not the contact.</summary>
    protected override string SearchText(ShowcaseFields f)
        => SearchText(
            [f.LeadOrganisation, .. f.Partners.Select(p => $"{p.Name} {p.Role}"), f.Commune, f.Programme, f.Call, .. f.CoFunders, .. f.Audiences,
             .. f.Links.Select(l => l.Label)],
            [f.Description, f.Outcomes, f.LessonsLearned, f.AccessibilityNotes, f.EcoDesignNotes]);

    protected override IEnumerable<int> MediaIds(ShowcaseFields fields) => fields.Gallery.Select(i => i.MediaId);

    protected override IEnumerable<(string Field, string Message)> Validate(ShowcaseFields f)
    {
        if (f.Description.Length > DescriptionMaxLength) yield return ("Description", $"La description ne peut dépasser {DescriptionMaxLength} caractères.");
        foreach (var (field, label, value) in new[]
        {
            ("Outcomes", "Les résultats", f.Outcomes), ("LessonsLearned", "Les enseignements", f.LessonsLearned),
            ("AccessibilityNotes", "Les notes d'accessibilité", f.AccessibilityNotes), ("EcoDesignNotes", "Les notes d'écoconception", f.EcoDesignNotes),
        })
        {
            if (value.Length > MarkdownMaxLength) yield return (field, $"{label} ne peuvent dépasser {MarkdownMaxLength} caractères.");
        }
        foreach (var (field, label, value) in new[]
        {
            ("LeadOrganisation", "La structure porteuse", f.LeadOrganisation), ("ContactName", "Le nom du contact", f.ContactName),
            ("Commune", "La commune", f.Commune), ("Programme", "Le programme", f.Programme), ("Call", "L'appel à projets", f.Call),
            ("Licence", "La licence", f.Licence),
        })
        {
            if (value.Length > ShortTextMaxLength) yield return (field, $"{label} ne peut dépasser {ShortTextMaxLength} caractères.");
        }

        var email = f.ContactEmail.Trim();
        if (email.Length > 0 && !IsEmail(email)) yield return ("ContactEmail", "Indiquez une adresse électronique valide, par exemple nom@domaine.fr.");
        if (f.ShowContact && email.Length == 0 && f.ContactName.Trim().Length == 0)
            yield return ("ShowContact", "Indiquez un nom ou une adresse de contact avant de choisir de l'afficher.");

        var department = f.Department.Trim();
        if (department.Length > 0 && !DepartmentCode().IsMatch(department))
            yield return ("Department", "Indiquez le numéro du département (par exemple 59, 2A ou 971).");

        if (!Enum.IsDefined(f.Maturity)) yield return ("Maturity", "Choisissez une maturité dans la liste.");
        if (f.StartDate is { } start && f.EndDate is { } end && end < start) yield return ("EndDate", "La date de fin doit suivre la date de début.");
        if (f.Year is { } year && (year < MinYear || year > MaxYear)) yield return ("Year", $"Indiquez une année entre {MinYear} et {MaxYear}.");

        if (f.AmountGranted is { } granted && (granted < 0 || granted > MaxAmount)) yield return ("AmountGranted", "Le montant accordé doit être un nombre positif d'euros.");
        if (f.TotalBudget is { } budget && (budget < 0 || budget > MaxAmount)) yield return ("TotalBudget", "Le budget total doit être un nombre positif d'euros.");
        if (f.AmountGranted is { } g && f.TotalBudget is { } b && g >= 0 && b >= 0 && g > b)
            yield return ("AmountGranted", "Le montant accordé ne peut dépasser le budget total.");

        foreach (var (field, label, values) in new[] { ("Domains", "domaines", f.Domains), ("Technologies", "technologies", f.Technologies) })
        {
            if (values.Count > MaxListEntries) yield return (field, $"Choisissez au plus {MaxListEntries} {label}.");
            if (values.Any(v => !VocabularyValue().IsMatch(v))) yield return (field, "Choisissez des valeurs de la liste proposée.");
        }
        foreach (var (field, label, values) in new[] { ("Audiences", "publics", f.Audiences), ("CoFunders", "cofinanceurs", f.CoFunders) })
        {
            if (values.Count > MaxListEntries) yield return (field, $"Indiquez au plus {MaxListEntries} {label}.");
            if (values.Any(v => v.Length > ShortTextMaxLength)) yield return (field, $"Chaque entrée fait au plus {ShortTextMaxLength} caractères.");
        }

        if (f.Partners.Count > MaxListEntries) yield return ("Partners", $"Indiquez au plus {MaxListEntries} partenaires.");
        for (var i = 0; i < f.Partners.Count; i++)
        {
            var partner = f.Partners[i];
            if (string.IsNullOrWhiteSpace(partner.Name)) yield return ($"Partners[{i}].Name", "Indiquez le nom du partenaire (ou videz la ligne).");
            else if (partner.Name.Length > ShortTextMaxLength) yield return ($"Partners[{i}].Name", $"Le nom fait au plus {ShortTextMaxLength} caractères.");
            if ((partner.Role ?? "").Length > ShortTextMaxLength) yield return ($"Partners[{i}].Role", $"Le rôle fait au plus {ShortTextMaxLength} caractères.");
        }

        if (f.Links.Count > MaxListEntries) yield return ("Links", $"Indiquez au plus {MaxListEntries} liens.");
        for (var i = 0; i < f.Links.Count; i++)
        {
            var link = f.Links[i];
            if (!LinkKinds.Any(k => k.Kind == link.Kind)) yield return ($"Links[{i}].Kind", "Choisissez un type de lien dans la liste.");
            if ((link.Label ?? "").Length > ShortTextMaxLength) yield return ($"Links[{i}].Label", $"L'intitulé fait au plus {ShortTextMaxLength} caractères.");
            if (!IsWebAddress(link.Url)) yield return ($"Links[{i}].Url", "Indiquez une adresse web complète commençant par https:// ou http://.");
        }

        if (f.Gallery.Count > MaxGalleryImages) yield return ("Gallery", $"La galerie compte au plus {MaxGalleryImages} images.");
        for (var i = 0; i < f.Gallery.Count; i++)
        {
            var image = f.Gallery[i];
            if (!image.Decorative && string.IsNullOrWhiteSpace(image.Alt))
                yield return ($"Gallery[{i}].Alt", "Décrivez l'image dans le texte alternatif, ou cochez « Image décorative » si elle n'apporte rien au texte.");
            if (image.Alt.Length > AltMaxLength) yield return ($"Gallery[{i}].Alt", $"Le texte alternatif fait au plus {AltMaxLength} caractères.");
            if ((image.Credit ?? "").Length > ShortTextMaxLength) yield return ($"Gallery[{i}].Credit", $"Le crédit fait au plus {ShortTextMaxLength} caractères.");
        }
    }

    /// <summary>An absolute http or https address without spaces or credentials (javascript:, data: and the like are refused).</summary>
    public static bool IsWebAddress(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > UrlMaxLength || url.Any(c => char.IsWhiteSpace(c) || char.IsControl(c))) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0 && uri.UserInfo.Length == 0;
    }

    public static bool IsEmail(string email)
        => email.Length <= 254 && !email.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) && email.Count(c => c == '@') == 1
            && MailAddress.TryCreate(email, out var address) && address.Address == email && address.Host.Contains('.');

    [GeneratedRegex("^(0[1-9]|[1-8][0-9]|9[0-5]|2A|2B|97[1-8]|98[4-9])$")]
    private static partial Regex DepartmentCode();

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex VocabularyValue();
}
