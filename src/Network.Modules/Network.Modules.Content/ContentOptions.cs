namespace Network.Modules.Content;

/// <summary>The "Content" configuration section.</summary>
public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>How often every tenant's feed is read and its scheduled items published, besides the wake-ups after each change.</summary>
    public int SweepSeconds { get; set; } = 30;

    /// <summary>Changes handed to a consumer at once.</summary>
    public int BatchSize { get; set; } = 100;
}
