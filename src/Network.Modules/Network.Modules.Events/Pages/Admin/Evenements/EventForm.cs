using Network.Modules.Content.Editing;

namespace Network.Modules.Events.Pages.Admin.Evenements;

/// <summary>
/// The event's own fields as the editor posts them (bound as <c>Form.*</c>). Numbers and dates arrive as text and are
/// read by <see cref="EventEditorModel"/>, so "beaucoup" as a capacity gets a clear message instead of a binding
/// failure. Dates and times are typed in Paris time and stored in UTC.
/// </summary>
public sealed class EventForm
{
    public string? Kind { get; set; }
    public string? Description { get; set; }

    public string? StartDate { get; set; }
    public string? StartTime { get; set; }
    public string? EndDate { get; set; }
    public string? EndTime { get; set; }

    public bool Online { get; set; }
    public string? VenueName { get; set; }
    public string? StreetAddress { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? AccessibilityInfo { get; set; }

    public string? Capacity { get; set; }
    public string? RegistrationOpensDate { get; set; }
    public string? RegistrationOpensTime { get; set; }
    public string? RegistrationClosesDate { get; set; }
    public string? RegistrationClosesTime { get; set; }

    public List<SessionRow> Sessions { get; set; } = [];
    public List<EventQuestionRow> Questions { get; set; } = [];

    public string? ContactEmail { get; set; }

    /// <summary>Private (the event's setup): shown only to confirmed registrants of an online event.</summary>
    public string? OnlineJoinUrl { get; set; }

    /// <summary>Private (the event's setup): days before the start the reminder goes out; 0 for none.</summary>
    public string? ReminderDaysBefore { get; set; }

    /// <summary>The media number of the current image (kept across a refused save, checked against the tenant's library).</summary>
    public string? ImageMediaId { get; set; }

    public string? ImageAlt { get; set; }
    public bool ImageDecorative { get; set; }
    public string? ImageCredit { get; set; }
    public bool RemoveImage { get; set; }

    /// <summary>A new image: an uploaded file or a media number; its texts are the fields above.</summary>
    public NewImageInput NewImage { get; set; } = new();
}

/// <summary>A time slot of the programme; a workshop has its own seats that registrants choose.</summary>
public sealed class SessionRow
{
    /// <summary>Empty: made from the title. Registrants' workshop choices point to it: it stays once registrations exist.</summary>
    public string? Key { get; set; }
    public string? Title { get; set; }

    /// <summary>The session's day; empty: the event's first day.</summary>
    public string? Date { get; set; }
    public string? StartTime { get; set; }
    public string? EndTime { get; set; }
    public string? Room { get; set; }
    public string? Speakers { get; set; }
    public string? Description { get; set; }
    public bool IsWorkshop { get; set; }
    public string? Capacity { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Title) && string.IsNullOrWhiteSpace(StartTime)
        && string.IsNullOrWhiteSpace(EndTime) && string.IsNullOrWhiteSpace(Room) && string.IsNullOrWhiteSpace(Speakers) && string.IsNullOrWhiteSpace(Description);
}

/// <summary>An optional question of the registration form, with the reason shown to the person asked.</summary>
public sealed class EventQuestionRow
{
    /// <summary>Empty: made from the label.</summary>
    public string? Key { get; set; }
    public string? Label { get; set; }
    public string? Reason { get; set; }
    public string? MaxLength { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Key) && string.IsNullOrWhiteSpace(Label) && string.IsNullOrWhiteSpace(Reason);
}
