namespace Network.Modules.Settings.Data;

/// <summary>The fixed addresses of the legal pages every tenant answers (the Pages module stores their texts as pages with these roles).</summary>
public static class LegalPageSlugs
{
    public const string Accessibility = "accessibilite";
    public const string LegalNotice = "mentions-legales";
    public const string PersonalData = "donnees-personnelles";

    public static readonly IReadOnlyList<string> All = [Accessibility, LegalNotice, PersonalData];

    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug, StringComparer.Ordinal);
}
