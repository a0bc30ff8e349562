namespace Network.Modules.Calls.Services;

/// <summary>The kinds of organisations a call may be open to, and an application's legal form.</summary>
public static class ApplicantTypes
{
    public static readonly IReadOnlyList<(string Value, string Label)> All =
    [
        ("association", "Association"),
        ("collectivite", "Collectivité territoriale ou groupement"),
        ("etablissement-public", "Établissement public"),
        ("entreprise", "Entreprise (dont SCOP, SCIC)"),
        ("fondation", "Fondation ou fonds de dotation"),
        ("universite", "Université ou établissement d'enseignement supérieur"),
        ("autre", "Autre structure"),
    ];

    public static bool IsKnown(string? value) => All.Any(t => t.Value == value);

    public static string Label(string value) => All.FirstOrDefault(t => t.Value == value).Label ?? value;
}
