using Network.Modules.Content.Data;

namespace Network.Modules.Content.Workflow;

/// <summary>What someone can do to an item besides editing its fields.</summary>
public enum ContentAction
{
    Submit,
    Withdraw,
    Publish,
    Schedule,
    Reject,
    Archive,
    Restore,
    Delete,
}

/// <summary>
/// Who is acting, in the current tenant: contributors write and submit their own items; moderators
/// (coordinators) edit, publish, reject and archive any item; with self-publishing on, authors publish their own.
/// </summary>
public sealed record ContentActor(string UserId, string DisplayName, bool CanContribute, bool CanModerate, bool SelfPublishing)
{
    /// <summary>Scheduled publications and recipes act as the system.</summary>
    public static ContentActor System { get; } = new("", "Réseau", true, true, true);

    public bool IsAuthorOf(ContentItem item) => UserId.Length > 0 && item.AuthorId == UserId;
}

/// <summary>The rules of the workflow, kept free of storage so they can be read and tested in one place.</summary>
public static class ContentWorkflow
{
    public static bool CanCreate(ContentActor actor) => actor.CanContribute || actor.CanModerate;

    /// <summary>Whether <paramref name="actor"/> may change the item's fields.</summary>
    public static bool CanEdit(ContentItem item, ContentActor actor)
    {
        if (item.IsMirror) return false;
        if (actor.CanModerate) return true;
        if (!actor.CanContribute || !actor.IsAuthorOf(item)) return false;
        return item.Status switch
        {
            ContentStatus.Draft or ContentStatus.Rejected => true,
            ContentStatus.Published or ContentStatus.Scheduled => actor.SelfPublishing,
            _ => false,
        };
    }

    /// <summary>Whether the item may be seen in the admin by <paramref name="actor"/> (its history included for moderators).</summary>
    public static bool CanView(ContentItem item, ContentActor actor)
        => !item.IsMirror && (actor.CanModerate || (actor.CanContribute && actor.IsAuthorOf(item)));

    public static bool CanPerform(ContentItem item, ContentAction action, ContentActor actor)
    {
        if (item.IsMirror) return false;
        var author = actor.CanContribute && actor.IsAuthorOf(item);
        var publisher = actor.CanModerate || (author && actor.SelfPublishing);
        return action switch
        {
            ContentAction.Submit => (author || actor.CanModerate) && item.Status is ContentStatus.Draft or ContentStatus.Rejected,
            ContentAction.Withdraw => (author || actor.CanModerate) && item.Status is ContentStatus.Submitted or ContentStatus.Scheduled,
            ContentAction.Publish or ContentAction.Schedule => publisher
                && item.Status is ContentStatus.Draft or ContentStatus.Submitted or ContentStatus.Rejected or ContentStatus.Scheduled or ContentStatus.Archived,
            ContentAction.Reject => actor.CanModerate && item.Status is ContentStatus.Submitted or ContentStatus.Scheduled,
            ContentAction.Archive => publisher && item.Status == ContentStatus.Published,
            ContentAction.Restore => actor.CanModerate,
            // Only what never reached the public can disappear; published items are archived instead.
            ContentAction.Delete => (author || actor.CanModerate) && item.PublishedUtc is null
                && item.Status is ContentStatus.Draft or ContentStatus.Rejected,
            _ => false,
        };
    }

    /// <summary>The status an action leads to.</summary>
    public static ContentStatus Target(ContentAction action, ContentStatus current) => action switch
    {
        ContentAction.Submit => ContentStatus.Submitted,
        ContentAction.Withdraw => ContentStatus.Draft,
        ContentAction.Publish => ContentStatus.Published,
        ContentAction.Schedule => ContentStatus.Scheduled,
        ContentAction.Reject => ContentStatus.Rejected,
        ContentAction.Archive => ContentStatus.Archived,
        _ => current,
    };

    /// <summary>The actions to offer on an item's page, in the order shown.</summary>
    public static IReadOnlyList<ContentAction> Available(ContentItem item, ContentActor actor)
        => Enum.GetValues<ContentAction>().Where(a => a != ContentAction.Restore && CanPerform(item, a, actor)).ToList();

    public static string ChangeName(ContentAction action) => action.ToString().ToLowerInvariant();
}
