using Network.Core.Tenancy;
using Network.Core.Text;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;

namespace Network.Modules.Directory.Services;

/// <summary>
/// The organisation as a content type: coordinators create and verify organisations on the shared workflow, so slugs,
/// revisions, hub copies, the search index and the site map come with it. The slug is the organisation's stable key
/// (what follows and links name).
/// </summary>
public sealed class OrganisationType : ContentType<OrganisationFields>
{
    public const string TypeName = "organisation";

    public const int ShortTextMaxLength = 200;
    public const int DescriptionMaxLength = 20_000;
    public const int UrlMaxLength = 2_000;
    public const int AltMaxLength = 250;
    public const int CreditMaxLength = 200;
    public const int MaxOtherNames = 10;

    /// <summary>Addresses below <c>/annuaire</c> that the directory's own pages use: never an organisation's slug.</summary>
    public static readonly IReadOnlyList<string> ReservedSlugs = ["membres", "messages"];

    public static class FacetNames
    {
        public const string Kind = "kind";
        public const string Domain = "domain";
        public const string Technology = "technology";
        public const string Commune = "commune";
        public const string Verified = "verified";
        public const string Region = Network.Modules.Content.Feed.HubShareConsumer.RegionFacet;
    }

    /// <summary>The filters of <c>/annuaire</c>, in display order (region: on the hub).</summary>
    public static class Filters
    {
        public static readonly ContentFilter Kind = new(FacetNames.Kind, "type");
        public static readonly ContentFilter Domain = new(FacetNames.Domain, "domaine");
        public static readonly ContentFilter Technology = new(FacetNames.Technology, "technologie");
        public static readonly ContentFilter Commune = new(FacetNames.Commune, "commune");
        public static readonly ContentFilter Verified = new(FacetNames.Verified, "verifiee");
    }

    public override string Name => TypeName;
    public override string ModuleId => DirectoryModule.ModuleId;
    public override string DisplayName => "Organisation";
    public override string PluralName => "Organisations";
    public override string PublicPath => "/annuaire";
    public override string AdminPath => "/admin/annuaire";
    public override int Order => 40;
    public override string SummaryLabel => "Présentation en une phrase";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["kind"] = "Type de structure",
        ["commune"] = "Commune",
        ["department"] = "Département",
        ["description"] = "Description",
        ["website"] = "Site web",
        ["siret"] = "SIRET",
        ["logo"] = "Logo",
        ["domains"] = "Domaines d'expertise",
        ["technologies"] = "Technologies maîtrisées",
        ["otherNames"] = "Autres noms",
        ["verified"] = "Vérifiée",
    };

    /// <summary>The commune's filter value ("Saint-Quentin" → "saint-quentin").</summary>
    public static string CommuneValue(string commune) => Slugs.FromTitle(commune, 80);

    protected override IEnumerable<(string Facet, string Value)> Facets(OrganisationFields f)
    {
        if (f.Kind.Length > 0) yield return (FacetNames.Kind, f.Kind);
        foreach (var domain in f.Domains) yield return (FacetNames.Domain, domain);
        foreach (var technology in f.Technologies) yield return (FacetNames.Technology, technology);
        if (f.Commune.Trim().Length > 0) yield return (FacetNames.Commune, CommuneValue(f.Commune));
        if (f.Verified) yield return (FacetNames.Verified, "oui");
    }

    /// <summary>What people look an organisation up by: its kind, place, other names and description. Never its SIRET.</summary>
    protected override string SearchText(OrganisationFields f)
        => SearchText([OrganisationKinds.Label(f.Kind), f.Commune, .. f.OtherNames], [f.Description]);

    protected override IEnumerable<int> MediaIds(OrganisationFields f) => f.Logo is { } logo ? [logo.MediaId] : [];

    public override IEnumerable<string> CheckAddress(string slug)
    {
        if (ReservedSlugs.Contains(slug)) yield return $"L'adresse « {slug} » est celle d'une page de l'annuaire : choisissez-en une autre.";
    }

    protected override IEnumerable<(string Field, string Message)> Validate(OrganisationFields f)
    {
        if (!OrganisationKinds.IsKnown(f.Kind)) yield return ("Kind", "Choisissez le type de structure dans la liste.");
        if (f.Description.Length > DescriptionMaxLength) yield return ("Description", $"La description ne peut dépasser {DescriptionMaxLength} caractères.");
        foreach (var (field, label, value) in new[] { ("Commune", "La commune", f.Commune), ("Department", "Le département", f.Department) })
            if (value.Length > ShortTextMaxLength) yield return (field, $"{label} ne peut dépasser {ShortTextMaxLength} caractères.");
        if (f.Department.Length > 0 && !IsDepartment(f.Department))
            yield return ("Department", "Indiquez le numéro du département : deux chiffres (59), 2A, 2B ou trois chiffres outre-mer (974).");

        var website = f.Website.Trim();
        if (website.Length > UrlMaxLength) yield return ("Website", $"L'adresse du site ne peut dépasser {UrlMaxLength} caractères.");
        else if (website.Length > 0 && !(Uri.TryCreate(website, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) && uri.Host.Contains('.')))
            yield return ("Website", "Indiquez l'adresse complète du site, par exemple https://www.exemple.fr.");

        if (f.Siret.Length > 0 && !Siret.IsValid(f.Siret))
            yield return ("Siret", f.Siret.Length != 14 || !f.Siret.All(char.IsAsciiDigit)
                ? "Le SIRET compte 14 chiffres (les espaces sont permis)."
                : "Ce SIRET n'existe pas : sa clé de contrôle est fausse. Vérifiez les 14 chiffres.");

        if (f.OtherNames.Count > MaxOtherNames) yield return ("OtherNames", $"Indiquez {MaxOtherNames} autres noms au plus.");
        if (f.OtherNames.Any(n => n.Length > ShortTextMaxLength)) yield return ("OtherNames", $"Chaque autre nom compte {ShortTextMaxLength} caractères au plus.");

        if (f.Logo is { } logo)
            foreach (var error in ContentImageRules.Validate(logo, "ImageAlt", "ImageCredit", AltMaxLength, CreditMaxLength)) yield return error;
    }

    private static bool IsDepartment(string value)
        => value is "2A" or "2B" || (value.Length is 2 or 3 && value.All(char.IsAsciiDigit));
}
