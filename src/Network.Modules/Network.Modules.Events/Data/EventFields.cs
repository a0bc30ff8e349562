using Network.Modules.Media;

namespace Network.Modules.Events.Data;

/// <summary>
/// The public definition of an event, stored as its content item's JSON (title, summary and address are the item's).
/// Times are UTC here, typed and shown in Europe/Paris. What only registrants may see (the online joining link) and
/// what coordinators change after publication (cancellation, postponement) live in <see cref="EventSetup"/>.
/// </summary>
public sealed class EventFields
{
    /// <summary>A value of <see cref="Services.EventKinds"/>.</summary>
    public string Kind { get; set; } = Services.EventKinds.StudyDay;

    /// <summary>Markdown.</summary>
    public string Description { get; set; } = "";

    public ImageRef? Image { get; set; }

    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }

    /// <summary>Held online (a webinar): no venue; the joining link is in <see cref="EventSetup.OnlineJoinUrl"/>.</summary>
    public bool Online { get; set; }

    public string VenueName { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";

    /// <summary>Markdown: step-free access, hearing loop, seats reserved, public transport.</summary>
    public string AccessibilityInfo { get; set; } = "";

    /// <summary>Seats for the whole event.</summary>
    public int Capacity { get; set; }

    public DateTime RegistrationOpensUtc { get; set; }

    /// <summary>A registration at this instant or later is refused.</summary>
    public DateTime RegistrationClosesUtc { get; set; }

    /// <summary>The programme, in time order; some sessions are workshops that registrants choose.</summary>
    public List<EventSession> Sessions { get; set; } = [];

    /// <summary>Optional questions of the registration form; their answers are deleted some days after the event.</summary>
    public List<EventQuestion> Questions { get; set; } = [];

    public string ContactEmail { get; set; } = "";
}

/// <param name="Key">Stable within the event ("atelier-3d"): registrations' workshop choices reference it.</param>
/// <param name="Speakers">As written ("Camille Durand (Musée de Lille), Karim Benali").</param>
/// <param name="IsWorkshop">Registrants choose it, within its own <paramref name="Capacity"/>.</param>
/// <param name="Capacity">Seats of a workshop (null for a plenary session).</param>
public sealed record EventSession(string Key, string Title, DateTime StartUtc, DateTime EndUtc, string Room, string Speakers, string Description,
    bool IsWorkshop, int? Capacity);

/// <param name="Key">Stable within the event, the key of the answer.</param>
/// <param name="Reason">Why it is asked, shown next to the field ("pour adapter l'accueil").</param>
public sealed record EventQuestion(string Key, string Label, string Reason, int MaxLength = 500);
