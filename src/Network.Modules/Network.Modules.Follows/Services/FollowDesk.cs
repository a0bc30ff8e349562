using Microsoft.EntityFrameworkCore;
using Network.Modules.Follows.Data;

namespace Network.Modules.Follows.Services;

/// <summary>
/// A member's follows and global switch: follow (or change the delivery of) a topic, stop following, the "no digest"
/// switch. Every change is keyed by the member, so nobody can touch another member's follows; following twice (a
/// double submit, two tabs) leaves one row with the last delivery chosen.
/// </summary>
public sealed class FollowDesk(FollowsDbContext db, TimeProvider clock)
{
    public const int MaxFollowsPerMember = 500;

    /// <returns>False when the member already has <see cref="MaxFollowsPerMember"/> follows.</returns>
    public async Task<bool> FollowAsync(string userId, FollowTopic topic, FollowDelivery delivery, CancellationToken cancellationToken = default)
    {
        var code = topic.Code;
        if (await db.Follows.Where(f => f.UserId == userId && f.Topic == code).ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, delivery), cancellationToken) > 0)
            return true;
        if (await db.Follows.CountAsync(f => f.UserId == userId, cancellationToken) >= MaxFollowsPerMember) return false;
        var follow = new Follow { UserId = userId, Kind = topic.Kind, Tenant = topic.Tenant, Key = topic.Key, Topic = code, Delivery = delivery, CreatedUtc = clock.GetUtcNow().UtcDateTime };
        db.Follows.Add(follow);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same member's other request created it a moment ago (unique index): make it this one's choice.
            db.Entry(follow).State = EntityState.Detached;
            await db.Follows.Where(f => f.UserId == userId && f.Topic == code).ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, delivery), cancellationToken);
        }
        return true;
    }

    public async Task<bool> UnfollowAsync(string userId, FollowTopic topic, CancellationToken cancellationToken = default)
    {
        var code = topic.Code;
        return await db.Follows.Where(f => f.UserId == userId && f.Topic == code).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task<bool> RemoveAsync(string userId, int id, CancellationToken cancellationToken = default)
        => await db.Follows.Where(f => f.UserId == userId && f.Id == id).ExecuteDeleteAsync(cancellationToken) > 0;

    public async Task<bool> SetDeliveryAsync(string userId, int id, FollowDelivery delivery, CancellationToken cancellationToken = default)
        => await db.Follows.Where(f => f.UserId == userId && f.Id == id).ExecuteUpdateAsync(s => s.SetProperty(f => f.Delivery, delivery), cancellationToken) > 0;

    public async Task<Follow?> FindAsync(string userId, FollowTopic topic, CancellationToken cancellationToken = default)
    {
        var code = topic.Code;
        return await db.Follows.AsNoTracking().FirstOrDefaultAsync(f => f.UserId == userId && f.Topic == code, cancellationToken);
    }

    public async Task<IReadOnlyList<Follow>> ListAsync(string userId, CancellationToken cancellationToken = default)
        => await db.Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Tenant).ThenBy(f => f.Kind).ThenBy(f => f.Key).ToListAsync(cancellationToken);

    public async Task<bool> NoDigestAsync(string userId, CancellationToken cancellationToken = default)
        => await db.Settings.AsNoTracking().AnyAsync(s => s.UserId == userId && s.NoDigest, cancellationToken);

    public async Task SetNoDigestAsync(string userId, bool noDigest, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (await db.Settings.Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NoDigest, noDigest).SetProperty(x => x.UpdatedUtc, now), cancellationToken) > 0) return;
        var row = new FollowerSettings { UserId = userId, NoDigest = noDigest, UpdatedUtc = now };
        db.Settings.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.Entry(row).State = EntityState.Detached;
            await db.Settings.Where(s => s.UserId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.NoDigest, noDigest).SetProperty(x => x.UpdatedUtc, now), cancellationToken);
        }
    }
}
