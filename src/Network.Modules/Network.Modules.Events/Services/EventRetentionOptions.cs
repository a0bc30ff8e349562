namespace Network.Modules.Events.Services;

/// <summary>How long registrations keep their personal data after the event (section "Events:Retention" of the settings).</summary>
public sealed class EventRetentionOptions
{
    public const string Section = "Events:Retention";

    /// <summary>Days after the event's end when the answers to its optional questions (accessibility, diet) are deleted.</summary>
    public int AnswersDays { get; set; } = 7;

    /// <summary>Months after the event's end when the registrations' personal data is replaced by placeholders.</summary>
    public int AnonymiseMonths { get; set; } = 6;

    /// <summary>How often every tenant is looked at (the work is idempotent: a late or repeated pass changes nothing more).</summary>
    public int SweepMinutes { get; set; } = 60;
}
