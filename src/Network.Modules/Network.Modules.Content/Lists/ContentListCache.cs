using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Lists;

/// <summary>A published item as lists show it: the row, its typed fields and its facet values.</summary>
public sealed record ContentCard(ContentItem Item, object Fields, ILookup<string, string> Facets)
{
    public T FieldsAs<T>() where T : class => (T)Fields;
}

/// <summary>Every published item of one type in one tenant, newest first.</summary>
public sealed record ContentSnapshot(IReadOnlyList<ContentCard> Items, long Generation);

/// <summary>
/// Keeps each tenant's published items of each type in memory, read once per change of that tenant's
/// content: filtering, faceting, sorting and paging a few thousand items in memory is far cheaper than
/// as many SQL queries per page view.
/// </summary>
public sealed class ContentListCache(ContentChangeNotifier changes)
{
    private readonly ConcurrentDictionary<(string Tenant, string Type), ContentSnapshot> _snapshots = new();

    public async Task<ContentSnapshot> GetAsync(ContentDbContext db, string tenant, ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var generation = changes.Generation(tenant);
        if (_snapshots.TryGetValue((tenant, type.Name), out var cached) && cached.Generation == generation) return cached;

        var items = await db.Items.AsNoTracking().Include(i => i.Facets)
            .Where(i => i.ContentType == type.Name && i.Status == ContentStatus.Published)
            .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var snapshot = new ContentSnapshot(
            items.Select(i => new ContentCard(i, type.ReadFields(i.FieldsJson), i.Facets.ToLookup(f => f.Facet, f => f.Value))).ToList(),
            generation);
        _snapshots[(tenant, type.Name)] = snapshot;
        return snapshot;
    }
}
