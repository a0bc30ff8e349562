using System.Runtime.CompilerServices;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Pages.Data;

namespace Network.Modules.Pages.Services;

/// <summary>A published page as menus and the site map link to it.</summary>
/// <param name="Path">Tenant-relative address ("/a-propos/equipe").</param>
/// <param name="Role">"" for a free page, else its <see cref="PageRoles"/> value.</param>
public sealed record PageLink(int Id, string Title, string Path, int? ParentId, string Role);

/// <summary>
/// The current tenant's published pages with their addresses, in tree order (each page followed by its sub-pages,
/// siblings by position then title). Built from the content list snapshot, so it costs nothing per request once warm
/// and is rebuilt after any content change of the tenant. Other modules (menus) use it to offer and resolve pages.
/// </summary>
public sealed class PageDirectory(ContentListCache lists, ContentDbContext db, TenantContext tenantContext, PageType type)
{
    private static readonly ConditionalWeakTable<ContentSnapshot, IReadOnlyList<PageLink>> Trees = new();

    public async Task<IReadOnlyList<PageLink>> PublishedAsync(CancellationToken cancellationToken = default)
    {
        var snapshot = await lists.GetAsync(db, tenantContext.Required.Name, type, cancellationToken);
        return Trees.GetValue(snapshot, Build);
    }

    private static IReadOnlyList<PageLink> Build(ContentSnapshot snapshot)
    {
        var nodes = PageTree.Order(snapshot.Items.Where(c => !c.Item.IsMirror).Select(c => (c.Item, c.FieldsAs<PageFields>())));
        var ids = nodes.Select(n => n.Item.Id).ToHashSet();
        return nodes.Select(n => new PageLink(n.Item.Id, n.Item.Title, "/" + n.Item.Slug,
            n.Fields.ParentId is { } parent && ids.Contains(parent) ? parent : null, n.Fields.Role)).ToList();
    }
}
