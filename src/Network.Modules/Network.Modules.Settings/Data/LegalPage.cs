using Network.Core.Theming;

namespace Network.Modules.Settings.Data;

/// <summary>
/// One of the tenant's legal pages, as edited by its coordinators. A page that was never edited has no row:
/// its default text is generated from the tenant's settings (see <see cref="Services.LegalPageDefaults"/>).
/// </summary>
public sealed class LegalPage
{
    /// <summary>One of <see cref="LegalPageSlugs.All"/>: also the page's public address.</summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";
    public string BodyMarkdown { get; set; } = "";

    /// <summary>English version; empty means English visitors read the French text.</summary>
    public string TitleEn { get; set; } = "";
    public string BodyMarkdownEn { get; set; } = "";

    /// <summary>Declared RGAA status; only meaningful on the accessibility page.</summary>
    public AccessibilityConformance? AccessibilityStatus { get; set; }

    public DateTime UpdatedUtc { get; set; }

    /// <summary>E-mail of the account that saved the page last.</summary>
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();
}

public static class LegalPageSlugs
{
    public const string Accessibility = "accessibilite";
    public const string LegalNotice = "mentions-legales";
    public const string PersonalData = "donnees-personnelles";

    public static readonly IReadOnlyList<string> All = [Accessibility, LegalNotice, PersonalData];

    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug, StringComparer.Ordinal);
}
