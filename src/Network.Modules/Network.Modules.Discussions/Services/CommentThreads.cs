using Microsoft.EntityFrameworkCore;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Services;

/// <summary>A top-level comment and its replies as one reader may see them.</summary>
public sealed record CommentThread(Comment Comment, IReadOnlyList<Comment> Replies);

/// <summary>An item's discussion for one reader: the threads, the published count, the useful marks.</summary>
public sealed record ItemDiscussion(IReadOnlyList<CommentThread> Threads, int PublishedCount, int UsefulCount, bool MarkedUseful);

/// <summary>
/// Reads an item's comments for its page: everyone sees the published ones; their authors also see their own comments
/// waiting for moderation or hidden. A deleted comment with replies stays as a placeholder.
/// </summary>
public sealed class CommentThreads(DiscussionsDbContext db)
{
    public async Task<ItemDiscussion> ForItemAsync(int itemId, string? viewerId, CancellationToken cancellationToken = default)
    {
        var comments = await db.Comments.AsNoTracking()
            .Where(c => c.ItemId == itemId && (c.Status == CommentStatus.Published || (viewerId != null && c.AuthorId == viewerId && c.Status != CommentStatus.Rejected)))
            .OrderBy(c => c.CreatedUtc).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        var replies = comments.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value);
        var threads = comments.Where(c => c.ParentId is null)
            // A deleted comment stays only as the head of the replies that remain.
            .Where(c => !c.Deleted || replies[c.Id].Any(r => !r.Deleted))
            .Select(c => new CommentThread(c, replies[c.Id].Where(r => !r.Deleted).ToList())).ToList();
        var published = comments.Count(c => c.Status == CommentStatus.Published && !c.Deleted);
        var useful = await db.UsefulMarks.CountAsync(m => m.ItemId == itemId, cancellationToken);
        var marked = viewerId is not null && await db.UsefulMarks.AnyAsync(m => m.ItemId == itemId && m.UserId == viewerId, cancellationToken);
        return new ItemDiscussion(threads, published, useful, marked);
    }
}
