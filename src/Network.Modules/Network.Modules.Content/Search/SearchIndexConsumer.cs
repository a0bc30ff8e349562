using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Search;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Feed;

namespace Network.Modules.Content.Search;

/// <summary>
/// Keeps the network search index in step with the change feed: each changed item's current state is upserted when
/// it is a published item of a searchable type, and removed otherwise (unpublished, archived, deleted, a legal page).
/// The feed's cursor moves only once <see cref="ISearchIndexWriter.ApplyAsync"/> returned, so a crash between the
/// commit and the index is caught up at the next pass. Without the Search module in the build there is nothing to do.
/// </summary>
public sealed class SearchIndexConsumer(ContentSearchDocuments documents) : IContentChangeConsumer
{
    public string Name => "search-index";

    public async Task ApplyAsync(TenantInfo tenant, IReadOnlyList<ContentChange> changes, IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        if (tenantScope.GetService<ISearchIndexWriter>() is not { } writer) return;
        var ids = changes.Select(c => c.ItemId).Distinct().ToList();
        var db = tenantScope.GetRequiredService<ContentDbContext>();
        // Hub copies are left out here: a region's item is indexed once, under its region.
        var items = await db.Items.AsNoTracking().Where(i => ids.Contains(i.Id) && i.OriginTenant == null).ToDictionaryAsync(i => i.Id, cancellationToken);
        var labels = items.Count > 0 ? await ContentSearchDocuments.FacetLabelsAsync(tenantScope, cancellationToken) : null;

        var upserts = new List<SearchDocument>();
        var removals = new List<SearchDocumentKey>();
        // The last change of an item carries its type even when the item is gone (deleted).
        foreach (var change in changes.GroupBy(c => c.ItemId).Select(g => g.Last()))
        {
            var document = items.TryGetValue(change.ItemId, out var item) ? documents.ToDocument(tenant, item, labels!) : null;
            if (document is not null) upserts.Add(document);
            else removals.Add(new SearchDocumentKey(tenant.Name, item?.ContentType ?? change.ContentType, ContentSearchDocuments.Key(change.ItemId)));
        }
        await writer.ApplyAsync(upserts, removals, cancellationToken);
    }
}
