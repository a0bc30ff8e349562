using Network.Modules.Events.Data;

namespace Network.Modules.Events.Services;

public enum EventState
{
    /// <summary>Not published: only coordinators see it.</summary>
    Draft,
    Scheduled,
    /// <summary>Scheduled, every seat of the event taken: new registrations join the waitlist.</summary>
    RegistrationFull,
    Cancelled,
    Postponed,
    /// <summary>Its end has passed.</summary>
    Past,
}

/// <summary>
/// An event's state, worked out from its publication, its setup, its seats and its dates (against the server clock),
/// never stored, so it turns "past" at its end without a job.
/// </summary>
public static class EventPhase
{
    public static EventState Of(bool published, EventFields fields, EventSetup? setup, int seatsTaken, DateTime nowUtc)
    {
        if (!published) return EventState.Draft;
        if (setup?.Status == EventStatus.Cancelled) return EventState.Cancelled;
        if (setup?.Status == EventStatus.Postponed) return EventState.Postponed;
        if (nowUtc >= fields.EndUtc) return EventState.Past;
        return seatsTaken >= fields.Capacity ? EventState.RegistrationFull : EventState.Scheduled;
    }

    /// <summary>Whether a registration at <paramref name="nowUtc"/> is in time: from the opening, strictly before the closing.</summary>
    public static bool AcceptsRegistrations(EventFields fields, DateTime nowUtc) => nowUtc >= fields.RegistrationOpensUtc && nowUtc < fields.RegistrationClosesUtc;

    /// <summary>Registering (or joining the waitlist) is possible: published, neither cancelled, postponed nor past, in the window.</summary>
    public static bool CanRegister(EventState state, EventFields fields, DateTime nowUtc)
        => state is EventState.Scheduled or EventState.RegistrationFull && AcceptsRegistrations(fields, nowUtc);

    public static string Label(EventState state) => state switch
    {
        EventState.Draft => "Brouillon",
        EventState.Scheduled => "Programmé",
        EventState.RegistrationFull => "Complet",
        EventState.Cancelled => "Annulé",
        EventState.Postponed => "Reporté",
        EventState.Past => "Passé",
        _ => state.ToString(),
    };
}
