using Network.Modules.Content.Lists;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.News.Data;

namespace Network.Modules.News.Services;

/// <summary>The news article as a content type: its addresses, its tag facet and the format checks of its fields.</summary>
public sealed class NewsType : ContentType<NewsFields>
{
    public const string TypeName = "news";

    public const string TagFacet = "tag";
    public const string RegionFacet = Network.Modules.Content.Feed.HubShareConsumer.RegionFacet;

    /// <summary>The tag filter of <c>/actualites</c> and of its feeds.</summary>
    public static readonly ContentFilter TagFilter = new(TagFacet, "mot-cle");

    public const int BodyMaxLength = 50_000;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;
    public const int SignatureMaxLength = 200;
    public const int AltMaxLength = 250;
    public const int CreditMaxLength = 200;

    public override string Name => TypeName;
    public override string ModuleId => NewsModule.ModuleId;
    public override string DisplayName => "Actualité";
    public override string PluralName => "Actualités";
    public override string PublicPath => "/actualites";
    public override string AdminPath => "/admin/actualites";
    public override int Order => 5;

    public override string SummaryLabel => "Chapô";
    public override string? MissingSummaryMessage => "Rédigez le chapô : une ou deux phrases qui résument l'actualité.";

    public override IReadOnlyDictionary<string, string> FieldLabels { get; } = new Dictionary<string, string>
    {
        ["body"] = "Texte",
        ["image"] = "Image principale",
        ["tags"] = "Mots-clés",
        ["signature"] = "Signature",
    };

    /// <summary>The filter value of a tag ("Appel à projets" → "appel-a-projets").</summary>
    public static string TagValue(string tag) => ContentTags.Value(tag, TagMaxLength);

    /// <summary>Who the article is by: the signature when there is one, else the author's account name.</summary>
    public static string AuthorOf(ContentItem item, NewsFields fields)
        => fields.Signature.Trim() is { Length: > 0 } signature ? signature : item.AuthorName;

    protected override IEnumerable<(string Facet, string Value)> Facets(NewsFields fields)
        => fields.Tags.Select(t => (TagFacet, TagValue(t))).Distinct();

    protected override string SearchText(NewsFields f) => SearchText([f.Signature, .. f.Tags], [f.Body]);

    protected override IEnumerable<int> MediaIds(NewsFields fields) => fields.Image is { } image ? [image.MediaId] : [];

    protected override IEnumerable<(string Field, string Message)> Validate(NewsFields fields)
    {
        var body = fields.Body ?? "";
        if (body.Trim().Length == 0) yield return ("Body", "Rédigez le texte de l'actualité.");
        else if (body.Length > BodyMaxLength) yield return ("Body", $"Le texte ne peut dépasser {BodyMaxLength} caractères (il en compte {body.Length}).");

        foreach (var error in ContentTags.Validate(fields.Tags ?? [], MaxTags, TagMaxLength)) yield return error;

        if ((fields.Signature ?? "").Length > SignatureMaxLength)
            yield return ("Signature", $"La signature ne peut dépasser {SignatureMaxLength} caractères.");

        if (fields.Image is { } image)
            foreach (var error in ContentImageRules.Validate(image, "ImageAlt", "ImageCredit", AltMaxLength, CreditMaxLength)) yield return error;
    }
}
