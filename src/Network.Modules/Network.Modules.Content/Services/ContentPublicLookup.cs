using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;

namespace Network.Modules.Content.Services;

/// <summary>What a public address leads to: a published item, a permanent redirect to its current address, or nothing.</summary>
public sealed record ContentLookup(ContentItem? Item, string? RedirectSlug)
{
    public static readonly ContentLookup None = new(null, null);
}

/// <summary>Finds the tenant's published item at a public address; unpublished items do not exist for the public.</summary>
public sealed class ContentPublicLookup(ContentDbContext db)
{
    public async Task<ContentLookup> FindAsync(ContentTypeDefinition type, string slug, CancellationToken cancellationToken = default)
    {
        if (slug.Length > ContentRules.SlugMaxLength) return ContentLookup.None;
        var item = await db.Items.AsNoTracking().Include(i => i.Facets)
            .FirstOrDefaultAsync(i => i.ContentType == type.Name && i.Slug == slug && i.OriginTenant == null, cancellationToken);
        if (item is not null) return item.Status == ContentStatus.Published ? new ContentLookup(item, null) : ContentLookup.None;

        var current = await db.SlugRedirects.AsNoTracking()
            .Where(r => r.ContentType == type.Name && r.OldSlug == slug)
            .Join(db.Items, r => r.ItemId, i => i.Id, (r, i) => i)
            .FirstOrDefaultAsync(cancellationToken);
        return current is { Status: ContentStatus.Published } ? new ContentLookup(null, current.Slug) : ContentLookup.None;
    }
}
