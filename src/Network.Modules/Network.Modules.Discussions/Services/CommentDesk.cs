using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Discussions.Data;

namespace Network.Modules.Discussions.Services;

/// <summary>The signed-in person acting on comments.</summary>
public sealed record Commenter(string UserId, string Name);

/// <summary>Why a request on comments was refused: a field's problem (shown next to it) or the request itself (not found, not allowed, too many).</summary>
public sealed record CommentProblem(string? Field, string Message, object? Argument = null);

public sealed record CommentOutcome(Comment? Comment, CommentProblem? Problem, int StatusCode = 200)
{
    public bool Succeeded => Problem is null;
    public static CommentOutcome Ok(Comment comment) => new(comment, null);
    public static CommentOutcome Refused(int statusCode, string message, string? field = null, object? argument = null) => new(null, new CommentProblem(field, message, argument), statusCode);
}

/// <summary>
/// What members do with comments: post (a top-level comment or a reply to one), edit or delete their own, report
/// someone else's, mark an item useful. Every id is checked against this tenant's data (a published item of a type that
/// opted in, a top-level comment of the same item); a refused request changes nothing.
/// </summary>
public sealed class CommentDesk(
    DiscussionsDbContext db,
    ContentDbContext content,
    ContentTypeRegistry types,
    DiscussionSettingsStore settings,
    CommentNotifier notifier,
    DatabaseSession session,
    IOptions<DiscussionsOptions> options,
    TimeProvider clock)
{
    public const string NotFound = "Ce contenu n'existe pas ou n'accepte pas de commentaires.";
    public const string CommentNotFound = "Ce commentaire n'existe pas ou n'est plus visible.";
    public const string NotYours = "Vous ne pouvez modifier ou supprimer que vos propres commentaires.";
    public const string ReplyToReply = "On ne peut répondre qu'à un commentaire, pas à une réponse.";
    public const string TooMany = "Vous avez publié beaucoup de commentaires en peu de temps : patientez quelques minutes avant de recommencer.";
    public const string Stale = "Ce commentaire a été modifié entre-temps : rechargez la page et recommencez.";
    public const string ReasonMissing = "Indiquez pourquoi vous signalez ce commentaire.";
    public const string ReasonTooLong = "La raison fait au plus 1 000 caractères.";
    public const string AlreadyReported = "Vous avez déjà signalé ce commentaire : la modération l'examinera.";
    public const string OwnComment = "Vous ne pouvez pas signaler votre propre commentaire.";
    public const string UsefulNotOffered = "Ce contenu ne peut pas être marqué comme utile.";

    /// <summary>A published item of the tenant (not a hub copy) whose type takes comments, with its type.</summary>
    public async Task<(ContentItem Item, ContentTypeDefinition Type)?> CommentableAsync(int itemId, CancellationToken cancellationToken)
    {
        var item = await content.Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == itemId && i.OriginTenant == null, cancellationToken);
        if (item is not { Status: ContentStatus.Published } || types.Find(item.ContentType) is not { Discussion: not ContentDiscussion.None } type) return null;
        return (item, type);
    }

    public async Task<CommentOutcome> PostAsync(int itemId, int? parentId, string? body, string? submissionKey, Commenter who, CancellationToken cancellationToken = default)
    {
        var limits = options.Value;
        var (text, problem, argument) = CommentText.Check(body, limits.MaxLinks);
        if (await CommentableAsync(itemId, cancellationToken) is not { } found) return CommentOutcome.Refused(404, NotFound);
        var (item, type) = found;
        if (parentId is { } pid)
        {
            var parent = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == pid, cancellationToken);
            if (parent is null || parent.ItemId != itemId || parent.Status != CommentStatus.Published || parent.Deleted) return CommentOutcome.Refused(404, CommentNotFound);
            if (parent.ParentId is not null) return CommentOutcome.Refused(400, ReplyToReply);
        }
        var key = (submissionKey ?? "").Trim();
        if (key.Length > DiscussionRules.SubmissionKeyMaxLength) return CommentOutcome.Refused(400, "La demande n'est pas valide : rechargez la page et recommencez.");
        if (key.Length > 0 && await FindSubmissionAsync(who.UserId, key, cancellationToken) is { } already) return CommentOutcome.Ok(already);
        if (problem is not null) return CommentOutcome.Refused(400, problem, "Body", argument);

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now.AddMinutes(-Math.Max(1, limits.RateWindowMinutes));
        if (await db.Comments.CountAsync(c => c.AuthorId == who.UserId && c.CreatedUtc > since, cancellationToken) >= Math.Max(1, limits.RatePermitLimit))
            return CommentOutcome.Refused(429, TooMany);

        var rules = await settings.CurrentAsync(cancellationToken);
        var comment = new Comment
        {
            ItemId = item.Id,
            ContentType = item.ContentType,
            ParentId = parentId,
            AuthorId = who.UserId,
            AuthorName = who.Name,
            Body = text!,
            Status = rules.PreModeration ? CommentStatus.Pending : CommentStatus.Published,
            SubmissionKey = key.Length > 0 ? key : Guid.NewGuid().ToString("N"),
            CreatedUtc = now,
            PublishedUtc = rules.PreModeration ? null : now,
        };
        try
        {
            await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
            db.Comments.Add(comment);
            await db.SaveChangesAsync(cancellationToken);
            if (comment.Status == CommentStatus.Published) await notifier.PublishedAsync(comment, item, type, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException) when (key.Length > 0)
        {
            // The same form posted twice at once: the other request created the comment.
            db.ChangeTracker.Clear();
            if (await FindSubmissionAsync(who.UserId, key, cancellationToken) is { } first) return CommentOutcome.Ok(first);
            throw;
        }
        return CommentOutcome.Ok(comment);
    }

    private Task<Comment?> FindSubmissionAsync(string userId, string key, CancellationToken cancellationToken)
        => db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.AuthorId == userId && c.SubmissionKey == key, cancellationToken);

    /// <summary>The comment if <paramref name="who"/> wrote it and may still change it (not rejected, not deleted).</summary>
    public async Task<CommentOutcome> OwnAsync(int commentId, Commenter who, CancellationToken cancellationToken = default)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null || comment.Deleted || comment.Status == CommentStatus.Rejected) return CommentOutcome.Refused(404, CommentNotFound);
        if (comment.AuthorId != who.UserId) return CommentOutcome.Refused(403, NotYours);
        return CommentOutcome.Ok(comment);
    }

    public async Task<CommentOutcome> EditAsync(int commentId, int version, string? body, Commenter who, CancellationToken cancellationToken = default)
    {
        var own = await OwnAsync(commentId, who, cancellationToken);
        if (!own.Succeeded) return own;
        var (text, problem, argument) = CommentText.Check(body, options.Value.MaxLinks);
        if (problem is not null) return CommentOutcome.Refused(400, problem, "Body", argument);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Comments.Where(c => c.Id == commentId && c.AuthorId == who.UserId && c.Version == version && !c.Deleted)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Body, text!).SetProperty(c => c.EditedUtc, now).SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
        if (changed == 0) return CommentOutcome.Refused(409, Stale);
        return CommentOutcome.Ok((await db.Comments.AsNoTracking().FirstAsync(c => c.Id == commentId, cancellationToken)));
    }

    /// <summary>
    /// Removes the author's comment; one that has replies keeps its place in the thread as "deleted" (text emptied), so
    /// the answers still read as answers.
    /// </summary>
    public async Task<CommentOutcome> DeleteAsync(int commentId, int version, Commenter who, CancellationToken cancellationToken = default)
    {
        var own = await OwnAsync(commentId, who, cancellationToken);
        if (!own.Succeeded) return own;
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var hasReplies = await db.Comments.AnyAsync(c => c.ParentId == commentId, cancellationToken);
        var changed = hasReplies
            ? await db.Comments.Where(c => c.Id == commentId && c.AuthorId == who.UserId && c.Version == version)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Deleted, true).SetProperty(c => c.Body, "").SetProperty(c => c.Version, c => c.Version + 1), cancellationToken)
            : await db.Comments.Where(c => c.Id == commentId && c.AuthorId == who.UserId && c.Version == version).ExecuteDeleteAsync(cancellationToken);
        if (changed == 0) return CommentOutcome.Refused(409, Stale);
        await transaction.CommitAsync(cancellationToken);
        return CommentOutcome.Ok(own.Comment!);
    }

    /// <summary>
    /// Records <paramref name="who"/>'s report (once per person); when the comment's open reports reach the tenant's
    /// threshold it is hidden until a moderator reviews it.
    /// </summary>
    public async Task<CommentOutcome> ReportAsync(int commentId, string? reason, Commenter who, CancellationToken cancellationToken = default)
    {
        var comment = await db.Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null || comment.Deleted || comment.Status != CommentStatus.Published) return CommentOutcome.Refused(404, CommentNotFound);
        if (comment.AuthorId == who.UserId) return CommentOutcome.Refused(400, OwnComment);
        var text = (reason ?? "").Trim();
        if (text.Length == 0) return CommentOutcome.Refused(400, ReasonMissing, "Reason");
        if (text.Length > DiscussionRules.ReasonMaxLength) return CommentOutcome.Refused(400, ReasonTooLong, "Reason");
        if (await db.Reports.AnyAsync(r => r.CommentId == commentId && r.UserId == who.UserId, cancellationToken))
            return CommentOutcome.Refused(409, AlreadyReported);

        var threshold = (await settings.CurrentAsync(cancellationToken)).ReportThreshold;
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
            db.Reports.Add(new CommentReport { CommentId = commentId, UserId = who.UserId, Reason = text, CreatedUtc = now });
            await db.SaveChangesAsync(cancellationToken);
            var open = await db.Reports.CountAsync(r => r.CommentId == commentId && !r.Reviewed, cancellationToken);
            if (open >= threshold)
            {
                var hidden = await db.Comments.Where(c => c.Id == commentId && c.Status == CommentStatus.Published)
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CommentStatus.Hidden).SetProperty(c => c.HiddenByReports, true)
                        .SetProperty(c => c.Version, c => c.Version + 1), cancellationToken);
                if (hidden > 0)
                    db.ModerationLog.Add(new CommentModerationEntry { CommentId = commentId, Action = CommentModeration.AutoHide, UserName = "", Note = $"{open}", AtUtc = now });
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same person reporting twice at once: the unique index kept one.
            db.ChangeTracker.Clear();
            return CommentOutcome.Refused(409, AlreadyReported);
        }
        return CommentOutcome.Ok(comment);
    }

    /// <summary>Marks (or unmarks) a practice as useful for <paramref name="who"/>; one mark per person, repeating changes nothing.</summary>
    public async Task<CommentOutcome> MarkUsefulAsync(int itemId, bool useful, Commenter who, CancellationToken cancellationToken = default)
    {
        if (await CommentableAsync(itemId, cancellationToken) is not { } found) return CommentOutcome.Refused(404, NotFound);
        if (found.Type.Discussion != ContentDiscussion.CommentsAndUsefulMarks) return CommentOutcome.Refused(404, UsefulNotOffered);
        if (useful)
        {
            if (await db.UsefulMarks.AnyAsync(m => m.ItemId == itemId && m.UserId == who.UserId, cancellationToken)) return new CommentOutcome(null, null);
            db.UsefulMarks.Add(new UsefulMark { ItemId = itemId, UserId = who.UserId, CreatedUtc = clock.GetUtcNow().UtcDateTime });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // A double click or two tabs: the other request's mark is the one mark.
                db.ChangeTracker.Clear();
            }
        }
        else
        {
            await db.UsefulMarks.Where(m => m.ItemId == itemId && m.UserId == who.UserId).ExecuteDeleteAsync(cancellationToken);
        }
        return new CommentOutcome(null, null);
    }
}
