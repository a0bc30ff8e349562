using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Legal;

/// <summary>A published page that holds a role (legal page, contact), with its fields.</summary>
public sealed record RolePage(ContentItem Item, PageFields Fields);

/// <summary>
/// Each tenant's published role pages, indexed by role and kept until the tenant's content changes (the footer asks
/// for the accessibility status on every page view: a warm read touches no database).
/// </summary>
public sealed class RolePageCache(ContentChangeNotifier changes)
{
    private readonly ConcurrentDictionary<string, (long Generation, IReadOnlyDictionary<string, RolePage> Pages)> _byTenant = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<string, RolePage>> GetAsync(string tenant, Func<Task<ContentSnapshot>> load)
    {
        var generation = changes.Generation(tenant);
        if (_byTenant.TryGetValue(tenant, out var entry) && entry.Generation == generation) return entry.Pages;
        var snapshot = await load();
        // Newest first: should two published pages claim a role (never through the editors), the newest wins.
        var pages = new Dictionary<string, RolePage>(StringComparer.Ordinal);
        foreach (var card in snapshot.Items.Where(c => c.Item.OriginTenant is null))
        {
            var fields = card.FieldsAs<PageFields>();
            if (PageRoles.IsKnown(fields.Role)) pages.TryAdd(fields.Role, new RolePage(card.Item, fields));
        }
        _byTenant[tenant] = (snapshot.Generation, pages);
        return pages;
    }
}

/// <summary>
/// The current tenant's role pages, and the Pages module's side of <see cref="ILegalPageSource"/>: the Settings module
/// answers /accessibilite, /mentions-legales and /donnees-personnelles with the page written here, or its default.
/// </summary>
public sealed class RolePages(TenantContext tenantContext, ModuleCatalog modules, RolePageCache cache, IServiceProvider services) : ILegalPageSource
{
    /// <summary>The published page holding <paramref name="role"/>; null when none, or where the tenant has Pages disabled.</summary>
    public async Task<RolePage?> FindAsync(string role, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        if (!modules.IsEnabled(tenant, PagesModule.ModuleId)) return null;
        var pages = await cache.GetAsync(tenant.Name, () =>
            // Resolved only on a miss: a warm read creates no database context.
            services.GetRequiredService<ContentListCache>().GetAsync(services.GetRequiredService<ContentDbContext>(), tenant.Name, services.GetRequiredService<PageType>(), cancellationToken));
        return pages.GetValueOrDefault(role);
    }

    async Task<LegalPageText?> ILegalPageSource.FindAsync(string slug, CancellationToken cancellationToken)
    {
        if (!PageRoles.Legal.Contains(slug, StringComparer.Ordinal)) return null;
        if (await FindAsync(slug, cancellationToken) is not { } page) return null;
        return new LegalPageText(page.Item.Title, page.Fields.Body, page.Fields.TitleEn, page.Fields.BodyEn,
            slug == PageRoles.Accessibility ? page.Fields.AccessibilityStatus ?? AccessibilityConformance.NonConforme : null,
            page.Item.UpdatedUtc);
    }
}
