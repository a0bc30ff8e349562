using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Services;

/// <summary>A comment waiting for a moderator: the comment, its item, and its open reports.</summary>
public sealed record ModerationCase(Comment Comment, string ItemTitle, string? ItemPath, IReadOnlyList<CommentReport> Reports);

/// <summary>
/// The moderators' side (permission ModerateComments): the queue of pending and reported comments and the four
/// decisions. Each decision is one conditional UPDATE on the version the moderator saw, with its log entry and the
/// mails it causes in one tenant transaction, so two moderators deciding at once decide once.
/// </summary>
public sealed class CommentModeration(DiscussionsDbContext db, ContentDbContext content, ContentTypeRegistry types, CommentNotifier notifier, DatabaseSession session, TimeProvider clock)
{
    public const string Approve = "approve";
    public const string Reject = "reject";
    public const string Hide = "hide";
    public const string Restore = "restore";
    /// <summary>Logged when reports hid a comment by themselves.</summary>
    public const string AutoHide = "auto-hide";

    public static readonly IReadOnlyList<string> Actions = [Approve, Reject, Hide, Restore];

    public const string Stale = "Ce commentaire a changé depuis l'ouverture de la page (une autre personne l'a peut-être déjà traité) : rien n'a été modifié.";
    public const string NotAllowed = "Cette décision ne s'applique pas à ce commentaire dans son état actuel.";

    /// <summary>Pending comments, hidden ones awaiting review, and published ones with open reports, oldest first.</summary>
    public async Task<IReadOnlyList<ModerationCase>> QueueAsync(CancellationToken cancellationToken = default)
    {
        var reported = db.Reports.Where(r => !r.Reviewed).Select(r => r.CommentId);
        var comments = await db.Comments.AsNoTracking()
            .Where(c => !c.Deleted && (c.Status == CommentStatus.Pending || (c.Status == CommentStatus.Hidden && c.HiddenByReports)
                || ((c.Status == CommentStatus.Published || c.Status == CommentStatus.Hidden) && reported.Contains(c.Id))))
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).Take(200).ToListAsync(cancellationToken);
        var ids = comments.Select(c => c.Id).ToList();
        var reports = (await db.Reports.AsNoTracking().Where(r => ids.Contains(r.CommentId) && !r.Reviewed).OrderBy(r => r.CreatedUtc).ToListAsync(cancellationToken))
            .ToLookup(r => r.CommentId);
        var itemIds = comments.Select(c => c.ItemId).Distinct().ToList();
        var items = await content.Items.AsNoTracking().Where(i => itemIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, cancellationToken);
        return comments.Select(c =>
        {
            var item = items.GetValueOrDefault(c.ItemId);
            var path = item is { Status: ContentStatus.Published } && types.Find(item.ContentType) is { } type ? type.PublicUrl(item.Slug) : null;
            return new ModerationCase(c, item?.Title ?? "", path, reports[c.Id].ToList());
        }).ToList();
    }

    public Task<List<CommentModerationEntry>> LogAsync(int count = 50, CancellationToken cancellationToken = default)
        => db.ModerationLog.AsNoTracking().OrderByDescending(e => e.AtUtc).ThenByDescending(e => e.Id).Take(count).ToListAsync(cancellationToken);

    /// <summary>Applies <paramref name="action"/> to the comment as it was at <paramref name="version"/>; the problem in French otherwise.</summary>
    public async Task<string?> DecideAsync(int commentId, int version, string action, string? note, Commenter moderator, CancellationToken cancellationToken = default)
    {
        if (!Actions.Contains(action)) return NotAllowed;
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null || comment.Deleted) return CommentDesk.CommentNotFound;
        if (comment.Version != version) return Stale;
        var allowed = action switch
        {
            Approve => comment.Status == CommentStatus.Pending,
            Reject => comment.Status != CommentStatus.Rejected,
            Hide => comment.Status == CommentStatus.Published,
            _ => comment.Status == CommentStatus.Hidden || comment.Status == CommentStatus.Published,
        };
        if (!allowed) return NotAllowed;

        var now = clock.GetUtcNow().UtcDateTime;
        var status = action switch { Approve or Restore => CommentStatus.Published, Hide => CommentStatus.Hidden, _ => CommentStatus.Rejected };
        var firstPublication = status == CommentStatus.Published && comment.PublishedUtc is null;
        DateTime? publishedAt = status == CommentStatus.Published ? now : null;
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var changed = await db.Comments.Where(c => c.Id == commentId && c.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, status).SetProperty(c => c.HiddenByReports, false)
                .SetProperty(c => c.PublishedUtc, c => c.PublishedUtc ?? publishedAt)
                .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (changed == 0) return Stale;
        // A decision answers the reports made so far; later ones count afresh towards the threshold.
        await db.Reports.Where(r => r.CommentId == commentId && !r.Reviewed).ExecuteUpdateAsync(s => s.SetProperty(r => r.Reviewed, true), cancellationToken);
        db.ModerationLog.Add(new CommentModerationEntry
        {
            CommentId = commentId,
            Action = action,
            UserId = moderator.UserId,
            UserName = moderator.Name,
            Note = (note ?? "").Trim() is { Length: > 0 } text ? text[..Math.Min(text.Length, DiscussionRules.ReasonMaxLength)] : "",
            AtUtc = now,
        });
        await db.SaveChangesAsync(cancellationToken);
        if (firstPublication && await content.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == comment.ItemId, cancellationToken) is { Status: ContentStatus.Published } item
            && types.Find(item.ContentType) is { } type)
        {
            comment.Status = status;
            await notifier.PublishedAsync(comment, item, type, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return null;
    }
}
