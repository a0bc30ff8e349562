using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Privacy;
using Network.Core.Tenancy;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Privacy;

/// <summary>
/// An account's comments, reports and useful marks in every running tenant (the hub included) whose database has the
/// Discussions tables. Erasing anonymises the comments (author removed, shown as "Compte supprimé", text kept so that
/// threads still read) and deletes the reports and marks.
/// </summary>
public sealed class CommentPersonalData(TenantCatalog catalog, TenantActivator activator, TenantScopeFactory scopes) : IPersonalDataSource
{
    public string ModuleId => DiscussionsModule.ModuleId;

    public string Section => "commentaires";

    public async Task<object?> ExportAsync(string userId, CancellationToken cancellationToken = default)
    {
        var sites = new List<object>();
        await EachAsync(async (tenant, db) =>
        {
            var comments = await db.Comments.AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedUtc)
                .Select(c => new { c.Id, c.ItemId, c.ContentType, c.ParentId, c.Body, Status = c.Status.ToString(), c.Deleted, c.CreatedUtc, c.EditedUtc })
                .ToListAsync(cancellationToken);
            var reports = await db.Reports.AsNoTracking().Where(r => r.UserId == userId).OrderBy(r => r.CreatedUtc)
                .Select(r => new { r.CommentId, r.Reason, r.CreatedUtc }).ToListAsync(cancellationToken);
            var useful = await db.UsefulMarks.AsNoTracking().Where(m => m.UserId == userId).OrderBy(m => m.CreatedUtc)
                .Select(m => new { m.ItemId, m.CreatedUtc }).ToListAsync(cancellationToken);
            if (comments.Count + reports.Count + useful.Count > 0)
                sites.Add(new { site = tenant.Name, commentaires = comments, signalements = reports, utiles = useful });
        }, cancellationToken);
        return sites.Count == 0 ? null : sites;
    }

    public Task EraseAsync(string userId, CancellationToken cancellationToken = default)
        => EachAsync(async (_, db) =>
        {
            await db.Comments.Where(c => c.AuthorId == userId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorId, (string?)null).SetProperty(c => c.AuthorName, "")
                    .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
            await db.Reports.Where(r => r.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.UsefulMarks.Where(m => m.UserId == userId).ExecuteDeleteAsync(cancellationToken);
            await db.ModerationLog.Where(e => e.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(e => e.UserId, (string?)null).SetProperty(e => e.UserName, ""), cancellationToken);
        }, cancellationToken);

    /// <summary>Every running tenant whose database holds the module's tables (it may have been disabled since).</summary>
    private async Task EachAsync(Func<TenantInfo, DiscussionsDbContext, Task> work, CancellationToken cancellationToken)
    {
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running).OrderBy(t => t.Name, StringComparer.Ordinal))
        {
            await activator.EnsureActivatedAsync(tenant);
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<DiscussionsDbContext>();
            if (!(await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any()) continue;
            await work(tenant, db);
        }
    }
}
