using Network.Core.Text;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

/// <summary>
/// The event as a content type: its public definition goes through the shared workflow (addresses, revisions,
/// publication, hub copies, the search index, the site map), while registrations, seats and attendance live in
/// <see cref="EventsDbContext"/>.
/// </summary>
public sealed class EventType : ContentType<EventFields>
{
    public const string TypeName = "event";

    public const string KindFacet = "kind";
    public const string YearFacet = "year";
    public const string CityFacet = "city";

    /// <summary>The filters of <c>/evenements</c> and of the API's events, in display order (region: on the hub).</summary>
    public static class Filters
    {
        public static readonly ContentFilter Kind = new(KindFacet, "type");
        public static readonly ContentFilter City = new(CityFacet, "ville");
        public static readonly ContentFilter Year = new(YearFacet, "annee");
    }

    public const int TextMaxLength = 20_000;
    public const int ShortTextMaxLength = 300;
    public const int AltMaxLength = 250;
    public const int CreditMaxLength = 200;
    public const int MaxCapacity = 100_000;
    public const int MaxSessions = 50;
    public const int MaxQuestions = 10;
    public const int MaxAnswerLength = 2_000;

    public override string Name => TypeName;
    public override string ModuleId => EventsModule.ModuleId;
    public override string DisplayName => "Événement";
    public override string PluralName => "Événements";
    public override string PublicPath => "/evenements";
    public override string AdminPath => "/admin/evenements";
    public override int Order => 40;

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["kind"] = "Type",
        ["description"] = "Description",
        ["image"] = "Image",
        ["startUtc"] = "Début",
        ["endUtc"] = "Fin",
        ["online"] = "En ligne",
        ["venueName"] = "Lieu",
        ["streetAddress"] = "Adresse",
        ["postalCode"] = "Code postal",
        ["city"] = "Ville",
        ["accessibilityInfo"] = "Accessibilité du lieu",
        ["capacity"] = "Places",
        ["registrationOpensUtc"] = "Ouverture des inscriptions",
        ["registrationClosesUtc"] = "Clôture des inscriptions",
        ["sessions"] = "Programme",
        ["questions"] = "Questions du formulaire",
        ["contactEmail"] = "Adresse de contact",
    };

    protected override IEnumerable<(string Facet, string Value)> Facets(EventFields fields)
    {
        if (EventKinds.IsKnown(fields.Kind)) yield return (KindFacet, fields.Kind);
        if (fields.StartUtc != default) yield return (YearFacet, fields.StartUtc.Year.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (!fields.Online && fields.City.Trim().Length > 0) yield return (CityFacet, Slugs.FromTitle(fields.City));
    }

    protected override string SearchText(EventFields f)
        => SearchText([EventKinds.Label(f.Kind), f.VenueName, f.City, .. f.Sessions.Select(s => s.Title), .. f.Sessions.Select(s => s.Speakers)],
            [f.Description, .. f.Sessions.Select(s => s.Description)]);

    protected override IEnumerable<int> MediaIds(EventFields fields) => fields.Image is { } image ? [image.MediaId] : [];

    protected override IEnumerable<(string Field, string Message)> Validate(EventFields f)
    {
        if (!EventKinds.IsKnown(f.Kind)) yield return ("Kind", "Choisissez le type d'événement.");
        if ((f.Description ?? "").Length > TextMaxLength) yield return ("Description", $"La description ne peut dépasser {TextMaxLength} caractères.");
        if (f.Image is { } image)
            foreach (var error in ContentImageRules.Validate(image, "ImageAlt", "ImageCredit", AltMaxLength, CreditMaxLength)) yield return error;

        if (f.StartUtc == default) yield return ("StartUtc", "Indiquez la date et l'heure de début.");
        if (f.EndUtc == default) yield return ("EndUtc", "Indiquez la date et l'heure de fin.");
        else if (f.StartUtc != default && f.EndUtc <= f.StartUtc) yield return ("EndUtc", "La fin doit suivre le début.");

        if (!f.Online)
        {
            if ((f.VenueName ?? "").Trim().Length == 0) yield return ("VenueName", "Indiquez le lieu, ou cochez « en ligne ».");
            if ((f.City ?? "").Trim().Length == 0) yield return ("City", "Indiquez la ville du lieu.");
        }
        foreach (var (field, value) in new[] { ("VenueName", f.VenueName), ("StreetAddress", f.StreetAddress), ("City", f.City) })
            if ((value ?? "").Length > ShortTextMaxLength) yield return (field, $"{ShortTextMaxLength} caractères au plus.");
        if ((f.PostalCode ?? "").Length > 0 && !System.Text.RegularExpressions.Regex.IsMatch(f.PostalCode!, "^[0-9]{5}$"))
            yield return ("PostalCode", "Le code postal compte 5 chiffres, par exemple 59000.");
        if ((f.AccessibilityInfo ?? "").Length > TextMaxLength) yield return ("AccessibilityInfo", $"{TextMaxLength} caractères au plus.");

        if (f.Capacity is < 1 or > MaxCapacity) yield return ("Capacity", $"Le nombre de places est un entier entre 1 et {MaxCapacity}.");
        if (f.RegistrationOpensUtc == default) yield return ("RegistrationOpensUtc", "Indiquez l'ouverture des inscriptions.");
        if (f.RegistrationClosesUtc == default) yield return ("RegistrationClosesUtc", "Indiquez la clôture des inscriptions.");
        else if (f.RegistrationOpensUtc != default && f.RegistrationClosesUtc <= f.RegistrationOpensUtc)
            yield return ("RegistrationClosesUtc", "La clôture des inscriptions doit suivre leur ouverture.");
        else if (f.EndUtc != default && f.RegistrationClosesUtc > f.EndUtc)
            yield return ("RegistrationClosesUtc", "Les inscriptions doivent fermer au plus tard à la fin de l'événement.");

        if (f.Sessions.Count > MaxSessions) yield return ("Sessions", $"{MaxSessions} séances au plus.");
        if (f.Sessions.Select(s => s.Key).Distinct(StringComparer.Ordinal).Count() != f.Sessions.Count) yield return ("Sessions", "Deux séances ont la même clé.");
        for (var i = 0; i < f.Sessions.Count; i++)
        {
            var s = f.Sessions[i];
            var n = i + 1;
            if (!Slugs.IsValid(s.Key) || s.Key.Length > EventRules.SessionKeyMaxLength) yield return ($"Sessions[{i}].Key", $"Séance {n} : clé invalide.");
            if ((s.Title ?? "").Trim().Length == 0 || s.Title!.Length > ShortTextMaxLength) yield return ($"Sessions[{i}].Title", $"Séance {n} : indiquez son intitulé.");
            if (s.StartUtc == default || s.EndUtc <= s.StartUtc) yield return ($"Sessions[{i}].EndUtc", $"Séance {n} : la fin doit suivre le début.");
            else if (f.StartUtc != default && f.EndUtc != default && (s.StartUtc < f.StartUtc || s.EndUtc > f.EndUtc))
                yield return ($"Sessions[{i}].StartUtc", $"Séance {n} : elle doit se tenir pendant l'événement.");
            if ((s.Room ?? "").Length > ShortTextMaxLength) yield return ($"Sessions[{i}].Room", $"Séance {n} : salle trop longue.");
            if ((s.Speakers ?? "").Length > ShortTextMaxLength) yield return ($"Sessions[{i}].Speakers", $"Séance {n} : intervenants trop longs.");
            if ((s.Description ?? "").Length > TextMaxLength) yield return ($"Sessions[{i}].Description", $"Séance {n} : description trop longue.");
            if (s.IsWorkshop && s.Capacity is not (>= 1 and <= MaxCapacity)) yield return ($"Sessions[{i}].Capacity", $"Séance {n} : un atelier a un nombre de places entre 1 et {MaxCapacity}.");
            if (!s.IsWorkshop && s.Capacity is not null) yield return ($"Sessions[{i}].Capacity", $"Séance {n} : seuls les ateliers ont leurs propres places.");
        }

        if (f.Questions.Count > MaxQuestions) yield return ("Questions", $"{MaxQuestions} questions au plus.");
        if (f.Questions.Select(q => q.Key).Distinct(StringComparer.Ordinal).Count() != f.Questions.Count) yield return ("Questions", "Deux questions ont la même clé.");
        for (var i = 0; i < f.Questions.Count; i++)
        {
            var q = f.Questions[i];
            if (!Slugs.IsValid(q.Key)) yield return ($"Questions[{i}].Key", $"Question {i + 1} : clé invalide.");
            if ((q.Label ?? "").Trim().Length == 0 || q.Label!.Length > ShortTextMaxLength) yield return ($"Questions[{i}].Label", $"Question {i + 1} : indiquez son intitulé.");
            if ((q.Reason ?? "").Trim().Length == 0 || q.Reason!.Length > ShortTextMaxLength)
                yield return ($"Questions[{i}].Reason", $"Question {i + 1} : dites pourquoi elle est posée ({ShortTextMaxLength} caractères au plus).");
            if (q.MaxLength is < 1 or > MaxAnswerLength) yield return ($"Questions[{i}].MaxLength", $"Question {i + 1} : la longueur maximale est entre 1 et {MaxAnswerLength} caractères.");
        }

        if ((f.ContactEmail ?? "").Length > 0 && !System.Net.Mail.MailAddress.TryCreate(f.ContactEmail, out _))
            yield return ("ContactEmail", "Indiquez une adresse électronique valide, par exemple nom@culture.gouv.fr.");
    }

    /// <summary>Two sessions overlap when one starts before the other ends (back-to-back sessions do not).</summary>
    public static bool Overlap(EventSession a, EventSession b) => a.StartUtc < b.EndUtc && b.StartUtc < a.EndUtc;
}
