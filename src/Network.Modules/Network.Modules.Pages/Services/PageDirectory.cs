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
        var cards = snapshot.Items.Where(c => !c.Item.IsMirror).ToList();
        var ids = cards.Select(c => c.Item.Id).ToHashSet();
        // A published page under an unpublished parent is still reachable at its address: it is listed at the top.
        var byParent = cards.ToLookup(c => c.FieldsAs<PageFields>().ParentId is { } p && ids.Contains(p) ? p : (int?)null);
        var links = new List<PageLink>(cards.Count);
        void Add(int? parent)
        {
            foreach (var card in byParent[parent].OrderBy(c => c.FieldsAs<PageFields>().Position).ThenBy(c => c.Item.SortTitle, StringComparer.Ordinal))
            {
                var fields = card.FieldsAs<PageFields>();
                links.Add(new PageLink(card.Item.Id, card.Item.Title, "/" + card.Item.Slug, parent, fields.Role));
                Add(card.Item.Id);
            }
        }
        Add(null);
        return links;
    }
}
