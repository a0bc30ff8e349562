using Microsoft.EntityFrameworkCore;
using Network.Modules.Content.Data;
using Network.Modules.Media;

namespace Network.Modules.Content.Services;

/// <summary>Tells the media library which of the tenant's items use a file (their editors), so a used file is not deleted.</summary>
public sealed class ContentMediaUsageProvider(ContentDbContext db, ContentTypeRegistry types) : IMediaUsageProvider
{
    public async Task<IReadOnlyList<MediaUsage>> FindUsagesAsync(int mediaId, CancellationToken cancellationToken = default)
    {
        var items = await db.MediaUses.AsNoTracking().Where(u => u.MediaId == mediaId)
            .Join(db.Items.Where(i => i.OriginTenant == null), u => u.ItemId, i => i.Id, (u, i) => new { i.Id, i.Title, i.ContentType })
            .OrderBy(i => i.Title).ToListAsync(cancellationToken);
        return items.Select(i => new MediaUsage(i.Title,
                types.Find(i.ContentType) is { } type ? type.EditUrl(i.Id) : $"{Feed.ContentNotificationConsumer.AdminItemPath}/{i.Id}"))
            .ToList();
    }
}
