using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;

namespace Network.Modules.Pages.Services;

/// <summary>A published page of the current tenant: its tenant-relative address ("/a-propos/equipe"), parent and role.</summary>
public sealed record PageLink(int Id, string Title, string Path, int? ParentId, string Role);

/// <summary>The current tenant's published pages (the menu editor's choices, the site map's page tree).</summary>
public sealed class PageDirectory(ContentDbContext db, PageType type)
{
    public async Task<IReadOnlyList<PageLink>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var items = await db.Items.AsNoTracking()
            .Where(i => i.ContentType == PageType.TypeName && i.Status == ContentStatus.Published && i.OriginTenant == null)
            .OrderBy(i => i.SortTitle).ToListAsync(cancellationToken);
        return items.Select(i =>
        {
            var fields = type.Read(i);
            return new PageLink(i.Id, i.Title, "/" + i.Slug, fields.ParentId, fields.Role);
        }).ToList();
    }
}
