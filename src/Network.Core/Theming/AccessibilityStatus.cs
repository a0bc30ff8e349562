namespace Network.Core.Theming;

/// <summary>The RGAA conformity level a tenant declares on its accessibility page (shown in every footer).</summary>
public enum AccessibilityConformance
{
    NonConforme,
    PartiellementConforme,
    TotalementConforme,
}

/// <summary>
/// The current tenant's declared accessibility status, for the theme's footer. Implemented by the Settings
/// module, which owns the accessibility page; the theme stays free of any module.
/// </summary>
public interface IAccessibilityStatusSource
{
    Task<AccessibilityConformance> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>The last known status without touching the tenant database (error pages, uninitialized tenants); null when unknown.</summary>
    AccessibilityConformance? Peek();
}

/// <summary>A legal page's text as a module stores it (the Pages module, where legal pages are pages with fixed addresses).</summary>
/// <param name="TitleEn">English title; empty when English visitors read the French text.</param>
/// <param name="AccessibilityStatus">The declared RGAA status (accessibility page only).</param>
public sealed record LegalPageText(string Title, string BodyMarkdown, string TitleEn, string BodyMarkdownEn, AccessibilityConformance? AccessibilityStatus, DateTime UpdatedUtc);

/// <summary>
/// Where the Settings module, which answers the fixed legal addresses (/accessibilite, /mentions-legales,
/// /donnees-personnelles) in every tenant, finds a legal page someone wrote. Null means none: the generated
/// default text is shown. Implemented by the Pages module (it answers null where the tenant has it disabled).
/// </summary>
public interface ILegalPageSource
{
    Task<LegalPageText?> FindAsync(string slug, CancellationToken cancellationToken = default);
}
