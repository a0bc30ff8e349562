using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Search;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Search;

/// <summary>
/// The content items of a tenant as search documents: its own (never the hub's copies of region items) published
/// items of searchable types. Read in full by rebuilds; <see cref="SearchIndexConsumer"/> maps single items with
/// the same <see cref="ToDocument"/>, so a rebuilt index and a day-to-day one hold the same documents.
/// </summary>
public sealed class ContentSearchDocuments(ContentTypeRegistry types) : ISearchDocumentSource
{
    /// <summary>Items read from the tenant database per query while streaming.</summary>
    private const int ReadBatchSize = 200;

    public IReadOnlyList<SearchDocumentType> Types { get; } = types.All.Where(t => t.IsSearchable)
        .Select(t => new SearchDocumentType(t.Name, t.DisplayName, t.PluralName, t.ModuleId, t.PublicPath)).ToList();

    private IReadOnlyList<string> TypeNames => Types.Select(t => t.Name).ToList();

    /// <summary>Published items of searchable types; an upper bound, as a type may leave some items out (legal pages).</summary>
    public async Task<int> CountAsync(TenantInfo tenant, IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        if (!tenant.IsEnabled(ContentModule.ModuleId)) return 0;
        var names = TypeNames;
        return await tenantScope.GetRequiredService<ContentDbContext>().Items
            .CountAsync(i => i.OriginTenant == null && i.Status == ContentStatus.Published && names.Contains(i.ContentType), cancellationToken);
    }

    public async IAsyncEnumerable<SearchDocument> ReadAllAsync(TenantInfo tenant, IServiceProvider tenantScope, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!tenant.IsEnabled(ContentModule.ModuleId)) yield break;
        var db = tenantScope.GetRequiredService<ContentDbContext>();
        var labels = await FacetLabelsAsync(tenantScope, cancellationToken);
        var names = TypeNames;
        var last = 0;
        while (true)
        {
            // Keyset pages: a bounded number of items in memory whatever the tenant's size.
            var batch = await db.Items.AsNoTracking()
                .Where(i => i.Id > last && i.OriginTenant == null && i.Status == ContentStatus.Published && names.Contains(i.ContentType))
                .OrderBy(i => i.Id).Take(ReadBatchSize).ToListAsync(cancellationToken);
            foreach (var item in batch)
            {
                if (ToDocument(tenant, item, labels) is { } document) yield return document;
            }
            if (batch.Count < ReadBatchSize) yield break;
            last = batch[^1].Id;
        }
    }

    /// <summary>The document of <paramref name="item"/>, or null when it does not belong in the index (not published, a hub copy, a type or item not searched).</summary>
    public SearchDocument? ToDocument(TenantInfo tenant, ContentItem item, FacetLabels labels)
    {
        if (item.IsMirror || item.Status != ContentStatus.Published || types.Find(item.ContentType) is not { IsSearchable: true } type) return null;
        var fields = type.ReadFields(item.FieldsJson);
        if (!type.IsSearchableItem(fields)) return null;
        return new SearchDocument
        {
            Tenant = tenant.Name,
            Type = type.Name,
            Key = Key(item.Id),
            Path = type.PublicUrl(item.Slug),
            Title = item.Title,
            Summary = item.Summary,
            Body = type.SearchTextOf(fields),
            DateUtc = item.PublishedUtc ?? item.UpdatedUtc,
            Language = "fr",
            Shared = item.SharedWithNetwork && type.IsShareable,
            Facets = type.FacetsOf(fields)
                .Where(f => SearchFacets.DocumentFacets.Contains(f.Facet) && !string.IsNullOrWhiteSpace(f.Value))
                .Distinct()
                .Select(f => new SearchFacetValue(f.Facet, f.Value, labels.Label(f.Facet, f.Value)))
                .ToList(),
        };
    }

    /// <summary>The document key of an item (its id in the tenant).</summary>
    public static string Key(int itemId) => itemId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The labels of the tenant's vocabulary facets (domains, technologies), read once per batch or rebuild.</summary>
    public static async Task<FacetLabels> FacetLabelsAsync(IServiceProvider tenantScope, CancellationToken cancellationToken)
    {
        var vocabularies = tenantScope.GetRequiredService<VocabularyService>();
        var byFacet = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var vocabulary in Vocabularies.All)
            byFacet[vocabulary.Facet] = await vocabularies.LabelsAsync(vocabulary.Name, cancellationToken);
        return new FacetLabels(byFacet);
    }
}

/// <summary>Facet value → label for the vocabulary facets; other facets (programme, year) are their own label.</summary>
public sealed class FacetLabels(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> byFacet)
{
    public string Label(string facet, string value)
        => byFacet.TryGetValue(facet, out var labels) && labels.TryGetValue(value, out var label) ? label : value;
}
