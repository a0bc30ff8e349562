using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Feed;

/// <summary>
/// Keeps the hub's copies of a region's items: a published item shared with the network has a copy in the hub's
/// database (the hub's lists read only their own database); anything else has none. Works from each item's
/// current state, so replaying changes is harmless. Copies of a region that is later disabled, or whose module
/// is switched off, stay in the hub's database but are hidden by <see cref="HubVisibility"/> until it comes back.
/// </summary>
public sealed class HubShareConsumer(
    TenantCatalog catalog,
    TenantScopeFactory scopes,
    TenantActivator activator,
    ContentTypeRegistry types,
    ContentChangeNotifier notifier) : IContentChangeConsumer
{
    /// <summary>The facet that tells on the hub which region an item comes from.</summary>
    public const string RegionFacet = "region";

    public string Name => "hub-share";

    public async Task ApplyAsync(TenantInfo tenant, IReadOnlyList<ContentChange> changes, IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        if (tenant.IsHub) return;
        // Without content on the hub there is nowhere to copy to; the region's cursor moves on, and
        // HubVisibility has nothing to show. (Re-enabling content on the hub starts from new changes.)
        if (catalog.Hub is not { State: TenantState.Running } hub || !hub.IsEnabled(ContentModule.ModuleId)) return;

        var ids = changes.Select(c => c.ItemId).Distinct().ToList();
        var regionDb = tenantScope.GetRequiredService<ContentDbContext>();
        var current = await regionDb.Items.AsNoTracking().Include(i => i.Facets)
            .Where(i => ids.Contains(i.Id) && i.OriginTenant == null)
            .ToDictionaryAsync(i => i.Id, cancellationToken);

        await activator.EnsureActivatedAsync(hub);
        await using var scope = scopes.CreateScope(hub);
        var hubDb = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var nullableIds = ids.Select(i => (int?)i).ToList();
        var copies = await hubDb.Items.Include(i => i.Facets)
            .Where(i => i.OriginTenant == tenant.Name && nullableIds.Contains(i.OriginId))
            .ToDictionaryAsync(i => i.OriginId!.Value, cancellationToken);

        var changed = false;
        foreach (var id in ids)
        {
            var item = current.GetValueOrDefault(id);
            copies.TryGetValue(id, out var copy);
            if (item is not null && IsShared(tenant, item))
            {
                if (copy is null) hubDb.Items.Add(copy = new ContentItem { OriginTenant = tenant.Name, OriginId = item.Id });
                CopyInto(copy, item, tenant);
                changed = true;
            }
            else if (copy is not null)
            {
                hubDb.Items.Remove(copy);
                changed = true;
            }
        }
        if (!changed) return;
        await hubDb.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        notifier.Changed(hub.Name);
    }

    private bool IsShared(TenantInfo region, ContentItem item)
        => item is { Status: ContentStatus.Published, SharedWithNetwork: true }
           && region.State == TenantState.Running
           && types.Find(item.ContentType) is { } type && region.IsEnabled(type.ModuleId);

    private static void CopyInto(ContentItem copy, ContentItem item, TenantInfo region)
    {
        copy.ContentType = item.ContentType;
        copy.Slug = item.Slug;
        copy.Title = item.Title;
        copy.SortTitle = item.SortTitle;
        copy.Summary = item.Summary;
        copy.FieldsJson = item.FieldsJson;
        copy.Status = ContentStatus.Published;
        copy.SharedWithNetwork = true;
        copy.Featured = item.Featured;
        copy.AuthorId = item.AuthorId;
        copy.AuthorName = item.AuthorName;
        copy.CreatedUtc = item.CreatedUtc;
        copy.UpdatedUtc = item.UpdatedUtc;
        copy.PublishedUtc = item.PublishedUtc;
        copy.RejectionReason = null;

        copy.SetFacets(item.Facets.Where(f => f.Facet != RegionFacet).Select(f => (f.Facet, f.Value)).Append((RegionFacet, region.Name)));
    }
}
