using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Events.Data;

public enum EventStatus
{
    Scheduled,
    Cancelled,
    Postponed,
}

/// <summary>
/// An event's private settings and what coordinators decide after publication. One row per event, created the first
/// time the event is worked on (see <see cref="Services.EventSetups"/>).
/// </summary>
public sealed class EventSetup
{
    /// <summary>The event's content item id.</summary>
    public int EventId { get; set; }

    public EventStatus Status { get; set; }

    /// <summary>Why it was cancelled or postponed, and the new date if known: shown on the page and in the mail.</summary>
    public string StatusNote { get; set; } = "";

    public DateTime? StatusChangedUtc { get; set; }

    /// <summary>Where an online event happens: shown only to confirmed registrants (page, personal link, mails).</summary>
    public string OnlineJoinUrl { get; set; } = "";

    /// <summary>How many days before the start the reminder goes out (0: no reminder).</summary>
    public int ReminderDaysBefore { get; set; } = 2;

    /// <summary>Set once the attendance has been recorded (check-in closed): statistics use it.</summary>
    public DateTime? AttendanceClosedUtc { get; set; }

    public int Version { get; set; }
}

internal sealed class EventSetupConfiguration : IEntityTypeConfiguration<EventSetup>
{
    public void Configure(EntityTypeBuilder<EventSetup> builder)
    {
        builder.ToTable("EventSetups");
        builder.HasKey(s => s.EventId);
        builder.Property(s => s.EventId).ValueGeneratedNever();
        builder.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(s => s.StatusNote).HasMaxLength(EventRules.NoteMaxLength);
        builder.Property(s => s.OnlineJoinUrl).HasMaxLength(EventRules.UrlMaxLength);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

/// <summary>
/// Seats taken for an event (<see cref="SessionKey"/> empty) or one of its workshops. A seat is taken by ONE
/// conditional UPDATE (<c>SET Taken = Taken + 1 WHERE Taken &lt; capacity</c>, the capacity read from the fields), so
/// concurrent registrations can never exceed the capacity on SQLite or PostgreSQL; freeing a seat decrements it in
/// the same transaction as the registration's change.
/// </summary>
public sealed class SeatCounter
{
    public int EventId { get; set; }

    /// <summary>"" for the event itself, else a workshop's <see cref="EventSession.Key"/>.</summary>
    public string SessionKey { get; set; } = "";

    public int Taken { get; set; }
}

internal sealed class SeatCounterConfiguration : IEntityTypeConfiguration<SeatCounter>
{
    public void Configure(EntityTypeBuilder<SeatCounter> builder)
    {
        builder.ToTable("EventSeatCounters");
        builder.HasKey(c => new { c.EventId, c.SessionKey });
        builder.Property(c => c.SessionKey).HasMaxLength(EventRules.SessionKeyMaxLength);
    }
}
