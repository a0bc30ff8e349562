using Network.Core.Text;

namespace Network.Modules.Content.Recipes;

/// <summary>The values of the vocabularies every tenant starts with (labels of issue 3, as slugs).</summary>
internal static class DefaultVocabularies
{
    public static readonly string[] Domains =
    [
        "Monuments historiques", "Musées", "Archives", "Bibliothèques et lecture", "Archéologie", "Architecture", "Inventaire",
        "Spectacle vivant", "Arts visuels", "Cinéma et audiovisuel", "Musique", "Éducation artistique et culturelle",
    ];

    public static readonly string[] Technologies =
    [
        "Numérisation 2D", "Numérisation 3D", "Réalité augmentée", "Réalité virtuelle", "Application mobile", "Data visualisation",
        "Vidéo interactive", "Intelligence artificielle", "Reconnaissance d'écriture manuscrite", "Jumeau numérique", "Billetterie",
        "Portail et base de données",
    ];

    public static readonly IReadOnlyDictionary<string, IReadOnlySet<string>> All = new Dictionary<string, IReadOnlySet<string>>
    {
        ["domains"] = Domains.Select(l => Slugs.FromTitle(l)).ToHashSet(),
        ["technologies"] = Technologies.Select(l => Slugs.FromTitle(l)).ToHashSet(),
    };
}
