namespace Network.Modules.Events.Services;

/// <summary>Delays of the registration rules (section "Events:Registration" of the settings).</summary>
public sealed class RegistrationOptions
{
    public const string Section = "Events:Registration";

    /// <summary>How long a guest has to open the link of the verification mail before the registration expires and frees its seat.</summary>
    public int GuestVerificationHours { get; set; } = 24;

    /// <summary>How often the expiry of unverified guests is swept in every tenant.</summary>
    public int ExpirySweepSeconds { get; set; } = 60;
}
