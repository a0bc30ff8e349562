using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>A showcase as a card shows it; built from the in-memory snapshot only (no query per card).</summary>
/// <param name="Url">The public page: the region's own page for a hub copy.</param>
/// <param name="ImagePathBase">The path base of the tenant that owns the image files.</param>
public sealed record ShowcaseCard(
    ContentItem Item,
    ShowcaseFields Fields,
    string Url,
    string RegionName,
    ImageRef? Image,
    string ImagePathBase,
    IReadOnlyList<string> Domains,
    IReadOnlyList<string> Technologies);

/// <summary>Labels of the tenant's vocabularies (value → label).</summary>
public sealed record VocabularyLabels(IReadOnlyDictionary<string, string> Domains, IReadOnlyDictionary<string, string> Technologies)
{
    public string Domain(string value) => Domains.GetValueOrDefault(value) ?? value;
    public string Technology(string value) => Technologies.GetValueOrDefault(value) ?? value;
}

/// <summary>
/// Reads the showcases the public sees in the current tenant: the cached snapshot of published items, the vocabulary
/// labels, the links of hub copies to their region. Everything a list or detail page needs, without a query per item.
/// </summary>
public sealed class ShowcaseCatalog(
    ContentListCache lists,
    ContentDbContext db,
    ContentPublicLookup lookup,
    VocabularyService vocabularies,
    TenantContext tenantContext,
    TenantCatalog tenants,
    ShowcaseType type,
    IHttpContextAccessor httpContextAccessor)
{
    private static readonly ConditionalWeakTable<ContentSnapshot, Dictionary<string, ContentCard>> SlugIndexes = new();
    private static readonly ConditionalWeakTable<ContentSnapshot, ConcurrentDictionary<(int, string?, int), IReadOnlyList<ContentCard>>> RelatedCache = new();
    public const string DomainsVocabulary = Vocabularies.Domains;
    public const string TechnologiesVocabulary = Vocabularies.Technologies;

    private TenantInfo Tenant => tenantContext.Required;

    public Task<ContentSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
        => lists.GetAsync(db, Tenant.Name, type, cancellationToken);

    /// <summary>The tenant's vocabulary labels (cached by the vocabulary service until the tenant's content or vocabularies change).</summary>
    public async Task<VocabularyLabels> LabelsAsync(CancellationToken cancellationToken = default)
        => new(await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken), await vocabularies.LabelsAsync(Vocabularies.Technologies, cancellationToken));

    /// <summary>The tenant's own published item at this address, from the snapshot.</summary>
    public ContentCard? FindPublished(ContentSnapshot snapshot, string slug)
    {
        var index = SlugIndexes.GetValue(snapshot, s => s.Items
            .Where(c => c.Item.OriginTenant is null)
            .GroupBy(c => c.Item.Slug, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal));
        return index.GetValueOrDefault(slug);
    }

    /// <summary>For an address not in the snapshot: the redirect of an old address, or a publication newer than the snapshot.</summary>
    public Task<ContentLookup> LookupAsync(string slug, CancellationToken cancellationToken = default) => lookup.FindAsync(type, slug, cancellationToken);

    public ShowcaseCard Card(ContentCard card, VocabularyLabels labels)
    {
        var fields = card.FieldsAs<ShowcaseFields>();
        var item = card.Item;
        var owner = item.OriginTenant is { } origin ? tenants.Find(origin) ?? Tenant : Tenant;
        var url = TenantPath(owner, type.PublicUrl(item.Slug));
        return new ShowcaseCard(item, fields, url, owner.DisplayName, fields.Gallery.FirstOrDefault(), TenantPath(owner, ""),
            fields.Domains.Select(labels.Domain).ToList(), fields.Technologies.Select(labels.Technology).ToList());
    }

    /// <summary>Up to <paramref name="count"/> other showcases sharing the most domains and technologies, newest first among equals.</summary>
    public IReadOnlyList<ContentCard> Related(ContentSnapshot snapshot, ContentCard of, int count = 3)
    {
        // A snapshot never changes: the neighbours of an item are found once per snapshot .
        var cache = RelatedCache.GetValue(snapshot, _ => new ConcurrentDictionary<(int, string?, int), IReadOnlyList<ContentCard>>());
        var key = (of.Item.Id, of.Item.OriginTenant, count);
        if (cache.TryGetValue(key, out var known)) return known;
        var found = FindRelated(snapshot, of, count);
        if (cache.Count < 10_000) cache.TryAdd(key, found);
        return found;
    }

    private IReadOnlyList<ContentCard> FindRelated(ContentSnapshot snapshot, ContentCard of, int count)
    {
        var fields = of.FieldsAs<ShowcaseFields>();
        var domains = fields.Domains.ToHashSet(StringComparer.Ordinal);
        var technologies = fields.Technologies.ToHashSet(StringComparer.Ordinal);
        if (domains.Count == 0 && technologies.Count == 0) return [];
        var best = new List<(int Score, int Order, ContentCard Card)>();
        for (var i = 0; i < snapshot.Items.Count; i++)
        {
            var card = snapshot.Items[i];
            if (card.Item.Id == of.Item.Id && card.Item.OriginTenant == of.Item.OriginTenant) continue;
            var score = card.Facets[ShowcaseType.FacetNames.Domain].Count(domains.Contains) + card.Facets[ShowcaseType.FacetNames.Technology].Count(technologies.Contains);
            if (score == 0) continue;
            best.Add((score, i, card));
        }
        // The snapshot is newest first: the order breaks ties in favour of recent items.
        return best.OrderByDescending(b => b.Score).ThenBy(b => b.Order).Take(count).Select(b => b.Card).ToList();
    }

    /// <summary>A path inside <paramref name="tenant"/> as a link from the current page: relative when a prefix reaches it, absolute otherwise.</summary>
    public string TenantPath(TenantInfo tenant, string path)
        => httpContextAccessor.HttpContext is { } http ? TenantUrls.Link(http, tenant, path).TrimEnd('/') : tenant.PathBase + path;
}
