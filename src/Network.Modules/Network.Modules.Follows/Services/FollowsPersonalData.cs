using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Privacy;
using Network.Core.Tenancy;
using Network.Modules.Follows.Data;

namespace Network.Modules.Follows.Services;

/// <summary>
/// What the Follows module holds about an account, all in the host database: its follows, its "no digest" switch, the
/// weeks a digest was queued and the items it was mailed about. Erasing deletes every row (nothing is shared with others).
/// </summary>
public sealed class FollowsPersonalData(TenantScopeFactory scopes, TenantCatalog catalog) : IPersonalDataSource
{
    public string ModuleId => FollowsModule.ModuleId;

    public string Section => "abonnements";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScope(catalog.Hub);
        var db = scope.ServiceProvider.GetRequiredService<FollowsDbContext>();
        var follows = await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Id)
            .Select(f => new { kind = f.Kind, site = f.Tenant, key = f.Key, delivery = f.Delivery.ToString(), createdUtc = f.CreatedUtc }).ToListAsync(cancellationToken);
        var settings = await db.Settings.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { noDigest = s.NoDigest, updatedUtc = s.UpdatedUtc }).FirstOrDefaultAsync(cancellationToken);
        var digests = await db.DigestDeliveries.AsNoTracking().Where(d => d.UserId == userId).OrderBy(d => d.Week)
            .Select(d => new { week = d.Week, items = d.ItemCount, queuedUtc = d.QueuedUtc }).ToListAsync(cancellationToken);
        var notices = await db.ImmediateNotices.AsNoTracking().Where(n => n.UserId == userId).OrderBy(n => n.QueuedUtc)
            .Select(n => new { site = n.Tenant, itemId = n.ItemId, queuedUtc = n.QueuedUtc }).ToListAsync(cancellationToken);
        if (follows.Count == 0 && settings is null && digests.Count == 0 && notices.Count == 0) return null;
        return new { follows, settings, digests, immediateMails = notices };
    }

    public async Task EraseAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScope(catalog.Hub);
        var db = scope.ServiceProvider.GetRequiredService<FollowsDbContext>();
        await db.Follows.Where(f => f.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.Settings.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.DigestDeliveries.Where(d => d.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await db.ImmediateNotices.Where(n => n.UserId == userId).ExecuteDeleteAsync(cancellationToken);
    }
}
