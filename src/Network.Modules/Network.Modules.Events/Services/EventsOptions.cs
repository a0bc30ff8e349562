namespace Network.Modules.Events.Services;

/// <summary>The "Events" configuration section: delays of the registration and personal-data rules.</summary>
public sealed class EventsOptions
{
    public const string Section = "Events";

    /// <summary>How long a guest has to open the link of the verification mail before the registration expires and frees its seat.</summary>
    public int GuestVerificationHours { get; set; } = 24;

    /// <summary>How often the expiry of unverified guests is swept in every tenant.</summary>
    public int ExpirySweepSeconds { get; set; } = 60;

    /// <summary>Answers to the optional questions are deleted this many days after the event (shown in the information notice).</summary>
    public int AnswersRetentionDays { get; set; } = 7;

    /// <summary>Registrations' personal data is anonymised this many months after the event (shown in the information notice).</summary>
    public int AnonymiseAfterMonths { get; set; } = 6;
}
