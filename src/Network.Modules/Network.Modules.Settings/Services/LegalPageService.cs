using System.Collections.Concurrent;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Settings.Data;

namespace Network.Modules.Settings.Services;

/// <summary>A legal page as shown: the text someone wrote (a page of the Pages module), or the generated default.</summary>
public sealed record LegalPageContent(string Slug, LegalPageText Page, bool IsDefault);

/// <summary>
/// Reads the current tenant's legal pages through <see cref="ILegalPageSource"/> (the Pages module, absent from a
/// host without it), falling back to <see cref="LegalPageDefaults"/>; editing happens in the pages admin.
/// </summary>
public sealed class LegalPageService(IEnumerable<ILegalPageSource> sources, TenantContext tenantContext)
{
    public async Task<LegalPageContent> GetAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (!LegalPageSlugs.IsKnown(slug)) throw new ArgumentOutOfRangeException(nameof(slug), slug, "Unknown legal page.");
        foreach (var source in sources)
        {
            if (await source.FindAsync(slug, cancellationToken) is { } written) return new LegalPageContent(slug, written, false);
        }
        return new LegalPageContent(slug, LegalPageDefaults.For(slug, tenantContext.Required), true);
    }

    public async Task<IReadOnlyList<LegalPageContent>> ListAsync(CancellationToken cancellationToken = default)
    {
        var pages = new List<LegalPageContent>();
        foreach (var slug in LegalPageSlugs.All) pages.Add(await GetAsync(slug, cancellationToken));
        return pages;
    }
}

/// <summary>The last declared accessibility status of each tenant, for <see cref="IAccessibilityStatusSource.Peek"/> (error pages).</summary>
public sealed class AccessibilityStatusCache
{
    private readonly ConcurrentDictionary<int, AccessibilityConformance> _byTenant = new();

    public bool TryGet(TenantInfo tenant, out AccessibilityConformance status) => _byTenant.TryGetValue(tenant.Id, out status);

    public void Set(TenantInfo tenant, AccessibilityConformance status) => _byTenant[tenant.Id] = status;
}

/// <summary>
/// The footer's status, read from the accessibility page on every request: the page source keeps the tenant's
/// legal pages in memory until its pages change, so a warm read touches no database and an edit shows at once.
/// </summary>
public sealed class AccessibilityStatusSource(TenantContext tenantContext, AccessibilityStatusCache cache, IEnumerable<ILegalPageSource> sources) : IAccessibilityStatusSource
{
    public async Task<AccessibilityConformance> GetAsync(CancellationToken cancellationToken = default)
    {
        // The default text declares "non conforme": no need to generate it for the footer.
        AccessibilityConformance? written = null;
        foreach (var source in sources)
        {
            if (await source.FindAsync(LegalPageSlugs.Accessibility, cancellationToken) is { } page) { written = page.AccessibilityStatus; break; }
        }
        var status = written ?? AccessibilityConformance.NonConforme;
        cache.Set(tenantContext.Required, status);
        return status;
    }

    public AccessibilityConformance? Peek()
        => tenantContext.Tenant is { } tenant && cache.TryGet(tenant, out var status) ? status : null;
}
