namespace Network.Modules.Discussions;

/// <summary>Host-wide limits of comments (configuration section "Discussions"); the moderation mode and the report threshold are per tenant.</summary>
public sealed class DiscussionsOptions
{
    public const string Section = "Discussions";

    /// <summary>More links than this in one comment is refused as link stuffing.</summary>
    public int MaxLinks { get; set; } = 3;

    /// <summary>Comments one member may post in one tenant within <see cref="RateWindowMinutes"/>.</summary>
    public int RatePermitLimit { get; set; } = 5;

    public int RateWindowMinutes { get; set; } = 10;
}
