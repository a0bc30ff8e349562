namespace Network.Modules.Discussions.Data;

/// <summary>
/// A member's comment under a content item of the tenant (or a reply to one, one level deep). The item is pointed to
/// by its id and type; the body is Markdown rendered in restricted mode. After the author's account is erased,
/// <see cref="AuthorId"/> is null and the text stays under "Compte supprimé".
/// </summary>
public sealed class Comment
{
    public int Id { get; set; }

    public int ItemId { get; set; }

    /// <summary>The item's type when the comment was written: a comment never moves to an item of another type.</summary>
    public string ContentType { get; set; } = "";

    /// <summary>The top-level comment this one answers; null for a top-level comment. Replies never have replies.</summary>
    public int? ParentId { get; set; }

    public string? AuthorId { get; set; }
    public string AuthorName { get; set; } = "";

    public string Body { get; set; } = "";

    public CommentStatus Status { get; set; }

    /// <summary>Hidden automatically because enough people reported it (until a moderator reviews it).</summary>
    public bool HiddenByReports { get; set; }

    /// <summary>The author deleted it while it had replies: the text is gone, the thread stays readable.</summary>
    public bool Deleted { get; set; }

    /// <summary>A random key of the form the comment came from: the same form posted twice creates one comment.</summary>
    public string SubmissionKey { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
    public DateTime? EditedUtc { get; set; }

    /// <summary>When it was first shown to everyone (authors of the item and of the parent are told then, once).</summary>
    public DateTime? PublishedUtc { get; set; }

    public int Version { get; set; } = 1;
}

public enum CommentStatus
{
    /// <summary>Waiting for a moderator (pre-moderation); only its author sees it.</summary>
    Pending = 0,
    Published = 1,
    /// <summary>Hidden by a moderator or by reports; only its author sees it, marked as such.</summary>
    Hidden = 2,
    Rejected = 3,
}

/// <summary>One person's report of a comment, with their reason; one per person and comment.</summary>
public sealed class CommentReport
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public string UserId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>A moderator restored or removed the comment after this report: it no longer counts towards hiding it.</summary>
    public bool Reviewed { get; set; }
}

/// <summary>"Useful": one per member and item.</summary>
public sealed class UsefulMark
{
    public int ItemId { get; set; }
    public string UserId { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>What moderators did to a comment, and when the threshold hid it.</summary>
public sealed class CommentModerationEntry
{
    public int Id { get; set; }
    public int CommentId { get; set; }
    public string Action { get; set; } = "";
    public string? UserId { get; set; }
    public string UserName { get; set; } = "";
    public string Note { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

/// <summary>The tenant's discussion rules, one row (absent until a coordinator saves: the defaults apply).</summary>
public sealed class DiscussionSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>Comments wait for a moderator before anyone else sees them.</summary>
    public bool PreModeration { get; set; }

    /// <summary>Distinct people whose open reports hide a comment until it is reviewed.</summary>
    public int ReportThreshold { get; set; } = DiscussionRules.DefaultReportThreshold;

    public int Version { get; set; } = 1;
}
