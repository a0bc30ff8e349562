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
/// as many SQL queries per page view. On the hub, copies of regions that are disabled (or have the type's
/// module switched off) are left out of what <see cref="GetAsync"/> returns (<see cref="HubVisibility"/>).
/// </summary>
public sealed class ContentListCache(ContentChangeNotifier changes, HubVisibility visibility)
{
    private readonly ConcurrentDictionary<(string Tenant, string Type), Entry> _entries = new();

    public async Task<ContentSnapshot> GetAsync(ContentDbContext db, string tenant, ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var generation = changes.Generation(tenant);
        if (!_entries.TryGetValue((tenant, type.Name), out var entry) || entry.All.Generation != generation)
        {
            var items = await db.Items.AsNoTracking().Include(i => i.Facets)
                .Where(i => i.ContentType == type.Name && i.Status == ContentStatus.Published)
                .OrderByDescending(i => i.PublishedUtc).ThenByDescending(i => i.Id)
                .ToListAsync(cancellationToken);
            var snapshot = new ContentSnapshot(
                items.Select(i => new ContentCard(i, type.ReadFields(i.FieldsJson), i.Facets.ToLookup(f => f.Facet, f => f.Value))).ToList(),
                generation);
            entry = new Entry(snapshot, items.Where(i => i.OriginTenant is not null).Select(i => i.OriginTenant!).Distinct(StringComparer.Ordinal).ToArray());
            _entries[(tenant, type.Name)] = entry;
        }
        if (entry.Origins.Length == 0) return entry.All;

        // Which regions are hidden changes without any content change (a region disabled): checked on every read.
        var hidden = entry.Origins.Where(o => !visibility.IsOriginVisible(o, type.Name)).Order(StringComparer.Ordinal).ToArray();
        if (hidden.Length == 0) return entry.All;
        var key = string.Join('\n', hidden);
        var filtered = entry.Filtered;
        if (filtered is null || filtered.Value.Key != key)
        {
            var hiddenSet = hidden.ToHashSet(StringComparer.Ordinal);
            filtered = (key, entry.All with { Items = entry.All.Items.Where(c => c.Item.OriginTenant is null || !hiddenSet.Contains(c.Item.OriginTenant)).ToList() });
            entry.Filtered = filtered;
        }
        return filtered.Value.Snapshot;
    }

    private sealed class Entry(ContentSnapshot all, string[] origins)
    {
        public ContentSnapshot All { get; } = all;
        public string[] Origins { get; } = origins;
        public (string Key, ContentSnapshot Snapshot)? Filtered { get; set; }
    }
}
