using Microsoft.EntityFrameworkCore;
using Network.Core.Text;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Practices.Data;

namespace Network.Modules.Practices.Services;

/// <summary>
/// The practice report (retour d'expérience) as a content type: its addresses, facets (tags, cultural domains),
/// its rules and the French labels of its fields.
/// </summary>
public sealed class PracticeType : ContentType<PracticeFields>
{
    public const string TypeName = "practice";

    /// <summary>The showcase type's stored name: practices point to showcases by id only (no dependency on that module).</summary>
    public const string ShowcaseTypeName = "showcase";

    /// <summary>Facets of the public list; on the hub the hub copy adds <see cref="RegionFacet"/>.</summary>
    public const string TagFacet = "tag";
    public const string DomainFacet = "domain";
    public const string RegionFacet = Network.Modules.Content.Feed.HubShareConsumer.RegionFacet;

    /// <summary>The filters of <c>/pratiques</c> and of the API's practices (region: on the hub).</summary>
    public static class Filters
    {
        public static readonly ContentFilter Domain = new(DomainFacet, "domaine");
        public static readonly ContentFilter Tag = new(TagFacet, "mot-cle");
    }

    public const int TextMaxLength = 20_000;
    public const int MaxResources = 20;
    public const int ResourceLabelMaxLength = 200;
    public const int UrlMaxLength = 2_000;
    public const int MaxTags = 12;
    public const int TagMaxLength = 40;
    public const int MaxDomains = 12;
    public const int MaxRelatedShowcases = 20;
    public const int NameMaxLength = 200;
    public const int AltMaxLength = 250;
    public const int CreditMaxLength = 200;

    public override string Name => TypeName;
    public override string ModuleId => "Practices";
    public override string DisplayName => "Retour d'expérience";
    public override string PluralName => "Retours d'expérience";
    public override string PublicPath => "/pratiques";
    public override string AdminPath => "/admin/pratiques";
    public override int Order => 20;

    /// <summary>Members discuss a practice and say it was useful to them.</summary>
    public override ContentDiscussion Discussion => ContentDiscussion.CommentsAndUsefulMarks;

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["context"] = "Contexte",
        ["objectives"] = "Objectifs",
        ["approach"] = "Démarche",
        ["whatWorked"] = "Ce qui a fonctionné",
        ["whatDidNot"] = "Ce qui n'a pas fonctionné",
        ["adviceForReuse"] = "Conseils pour reproduire",
        ["resources"] = "Outils et ressources",
        ["costAndEffort"] = "Coût et effort",
        ["environmentalImpact"] = "Impact environnemental",
        ["accessibility"] = "Accessibilité",
        ["relatedShowcaseIds"] = "Projets liés",
        ["tags"] = "Mots-clés",
        ["domains"] = "Domaines culturels",
        ["authorName"] = "Auteur ou autrice",
        ["organisation"] = "Structure",
        ["licence"] = "Licence",
        ["image"] = "Illustration",
    };

    /// <summary>The licences a practice may be published under, with the address of their text (for JSON-LD and the page).</summary>
    public static readonly IReadOnlyList<(string Name, string Url)> Licences =
    [
        ("Licence Ouverte Etalab 2.0", "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"),
        ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/deed.fr"),
        ("CC BY-SA 4.0", "https://creativecommons.org/licenses/by-sa/4.0/deed.fr"),
        ("CC0 1.0", "https://creativecommons.org/publicdomain/zero/1.0/deed.fr"),
    ];

    public static string? LicenceUrl(string licence) => Licences.FirstOrDefault(l => l.Name == licence).Url;

    /// <summary>The text sections in reading order: (property, JSON name, French heading).</summary>
    public static readonly IReadOnlyList<(Func<PracticeFields, string> Read, string Key, string Heading)> Sections =
    [
        (f => f.Context, "context", "Contexte"),
        (f => f.Objectives, "objectives", "Objectifs"),
        (f => f.Approach, "approach", "Démarche"),
        (f => f.WhatWorked, "whatWorked", "Ce qui a fonctionné"),
        (f => f.WhatDidNot, "whatDidNot", "Ce qui n'a pas fonctionné"),
        (f => f.AdviceForReuse, "adviceForReuse", "Conseils pour reproduire"),
        (f => f.CostAndEffort, "costAndEffort", "Coût et effort"),
        (f => f.EnvironmentalImpact, "environmentalImpact", "Impact environnemental"),
        (f => f.Accessibility, "accessibility", "Accessibilité"),
    ];

    /// <summary>The filter value of a tag: its address form ("Réalité virtuelle" → "realite-virtuelle").</summary>
    public static string TagValue(string tag) => ContentTags.Value(tag, TagMaxLength);

    protected override IEnumerable<(string Facet, string Value)> Facets(PracticeFields fields)
        => fields.Tags.Select(t => (TagFacet, TagValue(t))).Concat(fields.Domains.Select(d => (DomainFacet, d)));

    protected override string SearchText(PracticeFields f)
        => SearchText([f.AuthorName, f.Organisation, .. f.Tags, .. f.Resources.Select(r => r.Label)], Sections.Select(s => s.Read(f)));

    protected override IEnumerable<int> MediaIds(PracticeFields fields) => fields.Image is { } image ? [image.MediaId] : [];

    protected override IEnumerable<(string Field, string Message)> Validate(PracticeFields fields)
    {
        foreach (var (read, key, heading) in Sections)
        {
            var text = read(fields) ?? "";
            if (text.Length > TextMaxLength)
                yield return (Pascal(key), $"La rubrique « {heading} » ne peut dépasser {TextMaxLength} caractères (elle en compte {text.Length}).");
        }

        if (fields.Resources.Count > MaxResources)
            yield return ("Resources", $"{MaxResources} ressources au plus.");
        for (var i = 0; i < fields.Resources.Count; i++)
        {
            var resource = fields.Resources[i];
            var label = resource.Label ?? "";
            var url = resource.Url ?? "";
            if (label.Trim().Length == 0) yield return ($"Resources[{i}].Label", $"Ressource {i + 1} : indiquez son intitulé.");
            else if (label.Length > ResourceLabelMaxLength) yield return ($"Resources[{i}].Label", $"Ressource {i + 1} : l'intitulé ne peut dépasser {ResourceLabelMaxLength} caractères.");
            if (!IsWebAddress(url)) yield return ($"Resources[{i}].Url", $"Ressource {i + 1} : indiquez une adresse web complète commençant par https:// ou http://.");
        }

        foreach (var error in ContentTags.Validate(fields.Tags, MaxTags, TagMaxLength)) yield return error;

        if (fields.Domains.Count > MaxDomains) yield return ("Domains", $"{MaxDomains} domaines au plus.");
        if (fields.Domains.Any(d => !Slugs.IsValid(d))) yield return ("Domains", "Un domaine choisi n'existe pas.");

        if (fields.RelatedShowcaseIds.Count > MaxRelatedShowcases) yield return ("RelatedShowcaseIds", $"{MaxRelatedShowcases} projets liés au plus.");

        if ((fields.AuthorName ?? "").Length > NameMaxLength) yield return ("AuthorName", $"Le nom ne peut dépasser {NameMaxLength} caractères.");
        if ((fields.Organisation ?? "").Length > NameMaxLength) yield return ("Organisation", $"Le nom de la structure ne peut dépasser {NameMaxLength} caractères.");
        if (LicenceUrl(fields.Licence ?? "") is null) yield return ("Licence", "Choisissez une des licences proposées.");

        if (fields.Image is { } image)
            foreach (var error in ContentImageRules.Validate(image, "ImageAlt", "ImageCredit", AltMaxLength, CreditMaxLength)) yield return error;
    }

    protected override async Task<IReadOnlyList<(string Field, string Message)>> ValidateReferencesAsync(PracticeFields fields, ContentDbContext db, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        var wanted = fields.RelatedShowcaseIds.Distinct().ToList();
        if (wanted.Count > 0)
        {
            // The tenant's own showcases only: an id typed or forged from another region finds nothing here.
            var found = await db.Items.AsNoTracking()
                .Where(i => wanted.Contains(i.Id) && i.ContentType == ShowcaseTypeName && i.OriginTenant == null)
                .CountAsync(cancellationToken);
            if (found != wanted.Count || wanted.Count != fields.RelatedShowcaseIds.Count)
                errors.Add(("RelatedShowcaseIds", "Un projet lié choisi n'existe pas sur ce site : rechargez la page et choisissez-le dans la liste."));
        }
        if (fields.Domains.Count > 0)
        {
            var terms = await db.VocabularyTerms.AsNoTracking().Where(t => t.Vocabulary == "domains").Select(t => t.Value).ToListAsync(cancellationToken);
            // Until the tenant has its vocabulary, any well-formed value is accepted (checked in Validate).
            if (terms.Count > 0 && fields.Domains.Any(d => !terms.Contains(d, StringComparer.Ordinal)))
                errors.Add(("Domains", "Un domaine choisi n'existe pas sur ce site : rechargez la page et choisissez-le dans la liste."));
        }
        return errors;
    }

    /// <summary>Absolute http or https address, with a host, no spaces or control characters.</summary>
    public static bool IsWebAddress(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > UrlMaxLength) return false;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c))) return false;
        return Uri.TryCreate(url, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && uri.Host.Length > 0
            && url.StartsWith(uri.Scheme + "://", StringComparison.OrdinalIgnoreCase);
    }

    private static string Pascal(string key) => char.ToUpperInvariant(key[0]) + key[1..];
}
