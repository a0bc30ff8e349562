using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Network.Core.OpenData;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.OpenData;

/// <summary>A published item as a dataset row sees it.</summary>
/// <param name="Id">"{region}-{id}" with the id in the region that owns it, so the hub and the region give the same.</param>
/// <param name="Owner">The tenant that published it (the region, for a hub copy).</param>
/// <param name="Url">Its public page, absolute, in the tenant that owns it.</param>
public sealed record ContentOpenDataItem(ContentItem Item, object Fields, string Id, TenantInfo Owner, string Url)
{
    public T FieldsAs<T>() where T : class => (T)Fields;

    /// <summary>The owner's name as the "region" column gives it.</summary>
    public string Region => Owner.DisplayName;
}

/// <summary>
/// The published items of a content type as open data: read from the database as a stream, one row at a time, rather
/// than from <see cref="ContentListCache"/>, so that exporting 20,000 items on the hub does not load them all into memory
/// (the cache holds them only once a list page has asked). On the hub: its own items and the copies of the regions'
/// shared ones, without those <see cref="HubVisibility"/> hides.
/// </summary>
public sealed class ContentOpenData(ContentDbContext db, HubVisibility visibility, TenantContext tenantContext, TenantCatalog tenants, TenantUrls urls)
{
    /// <summary>The changes that take an item out of the published set: they change the data as much as a publication.</summary>
    private static readonly string[] Removals = [ContentWorkflow.ChangeName(ContentAction.Archive), ContentWorkflow.ChangeName(ContentAction.Delete), ContentWorkflow.ChangeName(ContentAction.Withdraw)];

    public async IAsyncEnumerable<ContentOpenDataItem> PublishedAsync(ContentTypeDefinition type, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required;
        var owners = new Dictionary<string, TenantInfo?>(StringComparer.Ordinal);
        var items = db.Items.AsNoTracking()
            .Where(i => i.ContentType == type.Name && i.Status == ContentStatus.Published)
            .OrderBy(i => i.Id)
            .AsAsyncEnumerable();
        await foreach (var item in items.WithCancellation(cancellationToken))
        {
            var owner = tenant;
            if (item.OriginTenant is { } origin)
            {
                if (!owners.TryGetValue(origin, out var region))
                    owners[origin] = region = visibility.IsOriginVisible(origin, type.Name) ? tenants.Find(origin) : null;
                if (region is null) continue;
                owner = region;
            }
            var id = item.OriginTenant is null ? $"{tenant.Name}-{item.Id}" : $"{item.OriginTenant}-{item.OriginId}";
            yield return new ContentOpenDataItem(item, type.ReadFields(item.FieldsJson), id, owner, urls.Absolute(owner, type.PublicUrl(item.Slug)));
        }
    }

    /// <summary>
    /// How many items <see cref="PublishedAsync"/> gives and the latest change of that set: the latest publication or
    /// change of one of them, or the latest withdrawal, archiving or deletion of one (two aggregate queries).
    /// </summary>
    public async Task<OpenDatasetState> StateAsync(ContentTypeDefinition type, CancellationToken cancellationToken = default)
    {
        var groups = await db.Items.AsNoTracking()
            .Where(i => i.ContentType == type.Name && i.Status == ContentStatus.Published)
            .GroupBy(i => i.OriginTenant)
            .Select(g => new { Origin = g.Key, Count = g.Count(), Latest = g.Max(i => i.UpdatedUtc) })
            .ToListAsync(cancellationToken);
        var visible = groups.Where(g => g.Origin is null || visibility.IsOriginVisible(g.Origin, type.Name)).ToList();
        var removed = await db.Changes.AsNoTracking()
            .Where(c => c.ContentType == type.Name && Removals.Contains(c.Action))
            .MaxAsync(c => (DateTime?)c.CreatedUtc, cancellationToken);
        DateTime? latest = visible.Count == 0 ? null : visible.Max(g => g.Latest);
        if (removed is { } r && (latest is null || r > latest)) latest = r;
        return new OpenDatasetState(visible.Sum(g => g.Count), latest is { } l ? DateTime.SpecifyKind(l, DateTimeKind.Utc) : null);
    }
}
