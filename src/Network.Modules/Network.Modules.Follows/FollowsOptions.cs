namespace Network.Modules.Follows;

/// <summary>The "Follows" configuration section.</summary>
public sealed class FollowsOptions
{
    public const string Section = "Follows";

    /// <summary>Whether the weekly digest job runs (tests and one-off tools run it themselves).</summary>
    public bool DigestJobEnabled { get; set; } = true;

    /// <summary>The hour (Paris time) from which Monday's digest goes out; later runs of the week send to whoever is left.</summary>
    public int DigestHour { get; set; } = 7;

    /// <summary>How often the job checks whether a digest is due.</summary>
    public int DigestCheckMinutes { get; set; } = 30;

    /// <summary>Members handled per host transaction: the database's write lock is held for one batch at most.</summary>
    public int DigestBatchSize { get; set; } = 200;

    /// <summary>Pause between batches, so requests and transactional mail get the database between them.</summary>
    public int DigestPauseMilliseconds { get; set; } = 20;
}
