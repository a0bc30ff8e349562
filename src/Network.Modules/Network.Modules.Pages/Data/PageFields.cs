using Network.Core.Theming;
using Network.Modules.Media;

namespace Network.Modules.Pages.Data;

/// <summary>
/// A page's own fields (the title, the address segment and the SEO description, which is the item's summary, are
/// common columns). An English version is optional: English visitors read the French text when it is empty.
/// </summary>
public sealed class PageFields
{
    /// <summary>The page this one sits under (its address then starts with the parent's), or null at the top.</summary>
    public int? ParentId { get; set; }

    /// <summary>Markdown, rendered through SafeMarkdown.</summary>
    public string Body { get; set; } = "";

    public string TitleEn { get; set; } = "";
    public string BodyEn { get; set; } = "";

    /// <summary>Optional main image (from the media library), shown at the top of the page and as og:image.</summary>
    public ImageRef? Image { get; set; }

    /// <summary>"" for a free page, else one of <see cref="PageRoles"/>: the page then has a fixed address.</summary>
    public string Role { get; set; } = "";

    /// <summary>The declared RGAA status; only on the accessibility page.</summary>
    public AccessibilityConformance? AccessibilityStatus { get; set; }

    /// <summary>Position among its siblings in the site map (ascending, then title).</summary>
    public int Position { get; set; }
}

/// <summary>Pages with a fixed address and a job: the legal pages every DSFR site links from its footer, and the contact page.</summary>
public static class PageRoles
{
    public const string Accessibility = "accessibilite";
    public const string LegalNotice = "mentions-legales";
    public const string PersonalData = "donnees-personnelles";
    public const string Contact = "contact";

    public static readonly IReadOnlyList<string> Legal = [Accessibility, LegalNotice, PersonalData];
    public static readonly IReadOnlyList<string> All = [Accessibility, LegalNotice, PersonalData, Contact];

    public static bool IsKnown(string? role) => role is not null && All.Contains(role, StringComparer.Ordinal);
}
