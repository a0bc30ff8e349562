using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Navigation;

namespace Network.Modules.Pages.Services;

/// <summary>The "Pages" section of the plan du site: the published free pages as a tree (role pages have their own places).</summary>
public sealed class PageSiteMap : ISiteMapContributor
{
    public string ModuleId => PagesModule.ModuleId;

    public async Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var pages = await context.RequestServices.GetRequiredService<PageDirectory>().PublishedAsync(cancellationToken);
        var free = pages.Where(p => p.Role.Length == 0).ToList();
        if (free.Count == 0) return [];
        var ids = free.Select(p => p.Id).ToHashSet();
        var byParent = free.ToLookup(p => p.ParentId is { } parent && ids.Contains(parent) ? parent : (int?)null);
        // The directory is already in tree order (position, then title): children keep it.
        IReadOnlyList<SiteMapNode> Nodes(int? parent) => byParent[parent].Select(p => new SiteMapNode(p.Title, p.Path, Nodes(p.Id))).ToList();
        return [new SiteMapSection("Pages", Nodes(null), Order: 50)];
    }
}
