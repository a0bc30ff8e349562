namespace Network.Modules.Directory.Services;

/// <summary>The kinds of organisations of the sector: stable values (facets, addresses) and French labels.</summary>
public static class OrganisationKinds
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        ("musee", "Musée"),
        ("bibliotheque", "Bibliothèque"),
        ("archives", "Service d'archives"),
        ("monument", "Monument"),
        ("compagnie", "Compagnie"),
        ("festival", "Festival"),
        ("collectivite", "Collectivité"),
        ("service-etat", "Service de l'État"),
        ("entreprise", "Entreprise"),
        ("start-up", "Start-up"),
        ("laboratoire", "Laboratoire"),
        ("universite", "Université ou école"),
        ("association", "Association"),
        ("tiers-lieu", "Tiers-lieu"),
        ("autre", "Autre"),
    ];

    public static bool IsKnown(string? value) => All.Any(k => k.Value == value);

    public static string Label(string value) => All.FirstOrDefault(k => k.Value == value).Label ?? value;
}
