using Microsoft.EntityFrameworkCore;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Services;

/// <summary>The tenant's moderation mode and report threshold: the saved row, or the defaults (post-moderation, 3).</summary>
public sealed class DiscussionSettingsStore(DiscussionsDbContext db)
{
    public async Task<DiscussionSettings> CurrentAsync(CancellationToken cancellationToken = default)
        => await db.Settings.AsNoTracking().FirstOrDefaultAsync(s => s.Id == DiscussionSettings.SingletonId, cancellationToken) ?? new DiscussionSettings { Version = 0 };

    /// <summary>Saves when <paramref name="version"/> is still the current one (0 before the first save); false otherwise (someone else saved in between).</summary>
    public async Task<bool> SaveAsync(bool preModeration, int reportThreshold, int version, CancellationToken cancellationToken = default)
    {
        var row = await db.Settings.FirstOrDefaultAsync(s => s.Id == DiscussionSettings.SingletonId, cancellationToken);
        if ((row?.Version ?? 0) != version) return false;
        if (row is null) db.Settings.Add(row = new DiscussionSettings { Version = 0 });
        row.PreModeration = preModeration;
        row.ReportThreshold = reportThreshold;
        row.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // Two saves at once (concurrency token or the first row twice): the other one won.
            db.ChangeTracker.Clear();
            return false;
        }
    }
}
