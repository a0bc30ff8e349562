namespace Network.Modules.Follows.Data;

/// <summary>A member follows a topic (<see cref="FollowTopic"/>) with a delivery choice.</summary>
public sealed class Follow
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>One of <see cref="FollowKinds"/>.</summary>
    public string Kind { get; set; } = "";

    /// <summary>The tenant the topic belongs to (the hub: what the regions share with the network).</summary>
    public string Tenant { get; set; } = "";

    /// <summary>The topic within its kind and tenant: a vocabulary value, a call's or an organisation's slug, "" for a region.</summary>
    public string Key { get; set; } = "";

    /// <summary><see cref="FollowTopic.Code"/> of (Kind, Tenant, Key): one indexed column to match items against.</summary>
    public string Topic { get; set; } = "";

    public FollowDelivery Delivery { get; set; }
    public DateTime CreatedUtc { get; set; }

    public FollowTopic AsTopic() => new(Kind, Tenant, Key);
}

public enum FollowDelivery
{
    /// <summary>Kept on the preferences page, never mailed.</summary>
    None = 0,
    /// <summary>In the weekly digest.</summary>
    Weekly = 1,
    /// <summary>One mail as soon as a matching item is published.</summary>
    Immediate = 2,
}

/// <summary>A member's global choices (one row once they changed something).</summary>
public sealed class FollowerSettings
{
    public string UserId { get; set; } = "";

    /// <summary>The global "no digest" switch (also what the digest's unsubscribe link sets).</summary>
    public bool NoDigest { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

/// <summary>The digest of ISO week <see cref="Week"/> ("2026-W48") was queued for the member: written with the mail, so never twice.</summary>
public sealed class DigestDelivery
{
    public string UserId { get; set; } = "";
    public string Week { get; set; } = "";
    public int ItemCount { get; set; }
    public DateTime QueuedUtc { get; set; }
}

/// <summary>The member was mailed about item <see cref="ItemId"/> of <see cref="Tenant"/>: written with the mail, so never twice.</summary>
public sealed class ImmediateNotice
{
    public string UserId { get; set; } = "";
    public string Tenant { get; set; } = "";
    public int ItemId { get; set; }
    public DateTime QueuedUtc { get; set; }
}
