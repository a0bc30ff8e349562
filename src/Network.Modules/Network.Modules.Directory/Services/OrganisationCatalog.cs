using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Http;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Media;

namespace Network.Modules.Directory.Services;

/// <summary>An organisation as the directory's cards show it, from the cached list only.</summary>
/// <param name="Url">Its page: in its own region for a hub copy.</param>
/// <param name="ImagePathBase">The path base of the tenant that owns the logo's files.</param>
/// <param name="Region">The region's name for a hub copy, else null.</param>
public sealed record OrganisationCard(ContentItem Item, OrganisationFields Fields, string Url, ImageRef? Logo, string ImagePathBase, string? Region,
    string KindLabel, IReadOnlyList<string> Expertise);

/// <summary>
/// Reads the organisations the public sees in the current tenant (on the hub: the regions' shared copies too) from the
/// Content module's cached list, with the vocabulary labels; and the tenant's own organisations by id or slug.
/// </summary>
public sealed class OrganisationCatalog(
    ContentListCache lists, ContentDbContext db, ContentPublicLookup lookup, VocabularyService vocabularies,
    TenantContext tenantContext, TenantCatalog tenants, OrganisationType type, IHttpContextAccessor httpContextAccessor)
{
    private static readonly ConditionalWeakTable<ContentSnapshot, Dictionary<string, ContentCard>> SlugIndexes = new();

    public OrganisationType Type => type;

    public Task<ContentSnapshot> SnapshotAsync(CancellationToken cancellationToken = default)
        => lists.GetAsync(db, tenantContext.Required.Name, type, cancellationToken);

    public async Task<(IReadOnlyDictionary<string, string> Domains, IReadOnlyDictionary<string, string> Technologies)> LabelsAsync(CancellationToken cancellationToken = default)
        => (await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken), await vocabularies.LabelsAsync(Vocabularies.Technologies, cancellationToken));

    /// <summary>The tenant's own published organisation at this address, from the snapshot.</summary>
    public ContentCard? FindPublished(ContentSnapshot snapshot, string slug)
        => SlugIndexes.GetValue(snapshot, s => s.Items.Where(c => c.Item.OriginTenant is null)
            .GroupBy(c => c.Item.Slug, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal))
            .GetValueOrDefault(slug);

    /// <summary>The tenant's own published organisation with this id (join requests name organisations by id).</summary>
    public async Task<ContentCard?> FindPublishedAsync(int id, CancellationToken cancellationToken = default)
        => (await SnapshotAsync(cancellationToken)).Items.FirstOrDefault(c => c.Item.Id == id && c.Item.OriginTenant is null);

    public Task<ContentLookup> LookupAsync(string slug, CancellationToken cancellationToken = default) => lookup.FindAsync(type, slug, cancellationToken);

    public OrganisationCard Card(ContentCard card, IReadOnlyDictionary<string, string> domains, IReadOnlyDictionary<string, string> technologies)
    {
        var fields = card.FieldsAs<OrganisationFields>();
        var item = card.Item;
        var tenant = tenantContext.Required;
        var owner = item.OriginTenant is { } origin ? tenants.Find(origin) ?? tenant : tenant;
        var expertise = fields.Domains.Select(d => domains.GetValueOrDefault(d) ?? d)
            .Concat(fields.Technologies.Select(t => technologies.GetValueOrDefault(t) ?? t)).ToList();
        return new OrganisationCard(item, fields, TenantPath(owner, type.PublicUrl(item.Slug)), fields.Logo, TenantPath(owner, ""),
            item.OriginTenant is null ? null : owner.DisplayName, OrganisationKinds.Label(fields.Kind), expertise);
    }

    /// <summary>A path inside <paramref name="tenant"/> as a link from the current page.</summary>
    public string TenantPath(TenantInfo tenant, string path)
        => httpContextAccessor.HttpContext is { } http ? TenantUrls.Link(http, tenant, path).TrimEnd('/') : tenant.PathBase + path;
}
