using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Settings.Data;

namespace Network.Modules.Settings.Services;

/// <summary>A legal page as shown or edited: the stored row, or the generated default when none was saved.</summary>
public sealed record LegalPageContent(LegalPage Page, bool IsDefault);

/// <summary>What a coordinator submits for a legal page.</summary>
public sealed record LegalPageEdit(string Title, string BodyMarkdown, string? TitleEn, string? BodyMarkdownEn, AccessibilityConformance? AccessibilityStatus);

/// <summary>Reads and saves the current tenant's legal pages.</summary>
public sealed class LegalPageService(SiteSettingsDbContext db, TenantContext tenantContext, AccessibilityStatusCache statusCache)
{
    public async Task<LegalPageContent> GetAsync(string slug, CancellationToken cancellationToken = default)
    {
        if (!LegalPageSlugs.IsKnown(slug)) throw new ArgumentOutOfRangeException(nameof(slug), slug, "Unknown legal page.");
        var stored = await db.LegalPages.AsNoTracking().SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        return stored is not null
            ? new LegalPageContent(stored, false)
            : new LegalPageContent(LegalPageDefaults.For(slug, tenantContext.Required), true);
    }

    public async Task<IReadOnlyList<LegalPageContent>> ListAsync(CancellationToken cancellationToken = default)
    {
        var stored = await db.LegalPages.AsNoTracking().ToDictionaryAsync(p => p.Slug, cancellationToken);
        return LegalPageSlugs.All
            .Select(slug => stored.TryGetValue(slug, out var page) ? new LegalPageContent(page, false) : new LegalPageContent(LegalPageDefaults.For(slug, tenantContext.Required), true))
            .ToList();
    }

    /// <summary>Validates then saves; returns (field, French message) problems and changes nothing when there are any.</summary>
    /// <param name="expectedVersion">The version the editor started from (null when it started from the default text).</param>
    public async Task<IReadOnlyList<(string Field, string Message)>> SaveAsync(string slug, LegalPageEdit edit, Guid? expectedVersion, string updatedBy, CancellationToken cancellationToken = default)
    {
        if (!LegalPageSlugs.IsKnown(slug)) throw new ArgumentOutOfRangeException(nameof(slug), slug, "Unknown legal page.");
        var problems = Validate(slug, edit);
        if (problems.Count > 0) return problems;

        var page = await db.LegalPages.SingleOrDefaultAsync(p => p.Slug == slug, cancellationToken);
        if (page?.Version != expectedVersion)
            return [("Version", "la page a été modifiée entre-temps par quelqu'un d'autre ; rechargez-la et recommencez")];
        if (page is null)
        {
            page = new LegalPage { Slug = slug };
            db.LegalPages.Add(page);
        }
        page.Title = edit.Title.Trim();
        page.BodyMarkdown = Normalize(edit.BodyMarkdown);
        page.TitleEn = (edit.TitleEn ?? "").Trim();
        page.BodyMarkdownEn = Normalize(edit.BodyMarkdownEn);
        page.AccessibilityStatus = slug == LegalPageSlugs.Accessibility ? edit.AccessibilityStatus : null;
        page.UpdatedUtc = DateTime.UtcNow;
        page.UpdatedBy = updatedBy;
        page.Version = Guid.NewGuid();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor saved (or created the row) between our read and our write.
            return [("Version", "la page a été modifiée entre-temps par quelqu'un d'autre ; rechargez-la et recommencez")];
        }
        if (slug == LegalPageSlugs.Accessibility) statusCache.Set(tenantContext.Required, page.AccessibilityStatus ?? AccessibilityConformance.NonConforme);
        return [];
    }

    public static List<(string Field, string Message)> Validate(string slug, LegalPageEdit edit)
    {
        var problems = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(edit.Title)) problems.Add(("Title", "le titre est obligatoire"));
        else if (edit.Title.Trim().Length > LegalPageRules.TitleMaxLength) problems.Add(("Title", $"le titre fait au plus {LegalPageRules.TitleMaxLength} caractères"));
        if (string.IsNullOrWhiteSpace(edit.BodyMarkdown)) problems.Add(("BodyMarkdown", "le texte est obligatoire"));
        else if (edit.BodyMarkdown.Length > LegalPageRules.BodyMaxLength) problems.Add(("BodyMarkdown", $"le texte fait au plus {LegalPageRules.BodyMaxLength} caractères"));
        if ((edit.TitleEn ?? "").Trim().Length > LegalPageRules.TitleMaxLength) problems.Add(("TitleEn", $"le titre fait au plus {LegalPageRules.TitleMaxLength} caractères"));
        if ((edit.BodyMarkdownEn ?? "").Length > LegalPageRules.BodyMaxLength) problems.Add(("BodyMarkdownEn", $"le texte fait au plus {LegalPageRules.BodyMaxLength} caractères"));
        var hasTitleEn = !string.IsNullOrWhiteSpace(edit.TitleEn);
        var hasBodyEn = !string.IsNullOrWhiteSpace(edit.BodyMarkdownEn);
        if (hasTitleEn != hasBodyEn) problems.Add((hasTitleEn ? "BodyMarkdownEn" : "TitleEn", "la version anglaise a besoin d'un titre et d'un texte, ou d'aucun des deux"));
        if (slug == LegalPageSlugs.Accessibility && (edit.AccessibilityStatus is not { } status || !Enum.IsDefined(status)))
            problems.Add(("AccessibilityStatus", "choisissez l'état de conformité du site"));
        return problems;
    }

    private static string Normalize(string? markdown) => (markdown ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>The declared accessibility status of each tenant, kept in memory: the footer of every page shows it.</summary>
public sealed class AccessibilityStatusCache
{
    private readonly ConcurrentDictionary<int, AccessibilityConformance> _byTenant = new();

    public bool TryGet(TenantInfo tenant, out AccessibilityConformance status) => _byTenant.TryGetValue(tenant.Id, out status);

    public void Set(TenantInfo tenant, AccessibilityConformance status) => _byTenant[tenant.Id] = status;
}

/// <summary>Reads the status once per tenant from the accessibility page, then from memory.</summary>
public sealed class AccessibilityStatusSource(TenantContext tenantContext, AccessibilityStatusCache cache, IServiceProvider services) : IAccessibilityStatusSource
{
    public async Task<AccessibilityConformance> GetAsync(CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required;
        if (cache.TryGet(tenant, out var cached)) return cached;
        // Resolved only on a cache miss: most requests never open the tenant database for the footer.
        var db = (SiteSettingsDbContext)services.GetService(typeof(SiteSettingsDbContext))!;
        var stored = await db.LegalPages.AsNoTracking().Where(p => p.Slug == LegalPageSlugs.Accessibility)
            .Select(p => p.AccessibilityStatus).SingleOrDefaultAsync(cancellationToken);
        var status = stored ?? AccessibilityConformance.NonConforme;
        cache.Set(tenant, status);
        return status;
    }

    public AccessibilityConformance? Peek()
        => tenantContext.Tenant is { } tenant && cache.TryGet(tenant, out var status) ? status : null;
}
