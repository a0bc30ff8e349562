using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Pages.Data;

namespace Network.Modules.Pages.Services;

/// <summary>One page of the tenant with its place in the tree (depth 0 at the top).</summary>
public sealed record PageNode(ContentItem Item, PageFields Fields, int Depth);

/// <summary>Pages in tree order: each page followed by its sub-pages, siblings by position then title.</summary>
public static class PageTree
{
    public static IReadOnlyList<PageNode> Order(IEnumerable<(ContentItem Item, PageFields Fields)> pages)
    {
        var list = pages.ToList();
        var ids = list.Select(p => p.Item.Id).ToHashSet();
        // A page whose parent is not in the set (unpublished, for public lists) is shown at the top.
        var byParent = list.ToLookup(p => p.Fields.ParentId is { } parent && ids.Contains(parent) ? parent : (int?)null);
        var ordered = new List<PageNode>(list.Count);
        void Add(int? parent, int depth)
        {
            foreach (var (item, fields) in byParent[parent].OrderBy(p => p.Fields.Position).ThenBy(p => p.Item.SortTitle, StringComparer.Ordinal).ThenBy(p => p.Item.Id))
            {
                ordered.Add(new PageNode(item, fields, depth));
                if (depth < ContentRules.MaxDepth) Add(item.Id, depth + 1);
            }
        }
        Add(null, 0);
        return ordered;
    }

    /// <summary>Every page of the current tenant (any status), in tree order.</summary>
    public static async Task<IReadOnlyList<PageNode>> AllAsync(ContentDbContext db, PageType type, CancellationToken cancellationToken)
    {
        var items = await db.Items.AsNoTracking().Where(i => i.ContentType == type.Name && i.OriginTenant == null).ToListAsync(cancellationToken);
        return Order(items.Select(i => (i, type.Read(i))));
    }
}
