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
