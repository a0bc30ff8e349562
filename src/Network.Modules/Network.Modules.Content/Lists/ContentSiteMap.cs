using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Navigation;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;

namespace Network.Modules.Content.Lists;

/// <summary>
/// Every published item of the tenant's own (not the hub's copies, whose pages are their regions'), for each content
/// type whose module is enabled: one XML-sitemap-only section per type, its list page carrying the newest change and
/// its items as children with their own. Read from <see cref="ContentListCache"/>, so free once warm.
/// </summary>
public sealed class ContentSiteMap(ContentTypeRegistry types, ContentListCache cache) : ISiteMapContributor
{
    public string ModuleId => ContentModule.ModuleId;

    public async Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var tenant = context.RequestServices.GetRequiredService<TenantContext>().Required;
        var db = context.RequestServices.GetRequiredService<ContentDbContext>();
        var sections = new List<SiteMapSection>();
        foreach (var type in types.All.Where(t => tenant.IsEnabled(t.ModuleId)))
        {
            var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
            var items = snapshot.Items.Where(c => c.Item.OriginTenant is null)
                .Select(c => new SiteMapNode(c.Item.Title, type.PublicUrl(c.Item.Slug), [], ContentFeedWriter.Updated(c.Item)))
                .ToList();
            // A type without a list address of its own (pages) gives its items alone.
            if (type.PublicPath.Length == 0) { sections.Add(new SiteMapSection(type.PluralName, items, 900, InPlan: false)); continue; }
            var newest = snapshot.Items.Count == 0 ? (DateTime?)null : snapshot.Items.Max(c => ContentFeedWriter.Updated(c.Item));
            sections.Add(new SiteMapSection(type.PluralName, [new SiteMapNode(type.PluralName, type.PublicPath, items, newest)], 900, InPlan: false));
        }
        return sections;
    }
}
