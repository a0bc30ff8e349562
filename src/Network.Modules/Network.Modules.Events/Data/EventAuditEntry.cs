using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Events.Data;

/// <summary>What happened to an event's registrations and who did it (promotions, check-ins, messages, cancellation).</summary>
public sealed class EventAuditEntry
{
    public long Id { get; set; }
    public int EventId { get; set; }
    public int? RegistrationId { get; set; }

    /// <summary>The acting account; empty for the site itself (a promotion, an expiry, a retention job).</summary>
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>A value of <see cref="EventAuditActions"/>.</summary>
    public string Action { get; set; } = "";
    public string Detail { get; set; } = "";
    public DateTime AtUtc { get; set; }
}

public static class EventAuditActions
{
    public const string Registered = "registered";
    public const string Waitlisted = "waitlisted";
    public const string Promoted = "promoted";
    public const string WorkshopsChanged = "workshops-changed";
    public const string Cancelled = "cancelled";
    public const string Expired = "expired";
    public const string CheckedIn = "checked-in";
    public const string CheckInUndone = "check-in-undone";
    public const string MessageSent = "message-sent";
    public const string EventCancelled = "event-cancelled";
    public const string EventPostponed = "event-postponed";
    /// <summary>A postponed event is held again, at the dates its editor now shows.</summary>
    public const string EventRescheduled = "event-rescheduled";
    public const string AnswersDeleted = "answers-deleted";
    public const string Anonymised = "anonymised";
}

internal sealed class EventAuditEntryConfiguration : IEntityTypeConfiguration<EventAuditEntry>
{
    public void Configure(EntityTypeBuilder<EventAuditEntry> builder)
    {
        builder.ToTable("EventAuditEntries");
        builder.Property(e => e.UserId).HasMaxLength(EventRules.UserIdMaxLength);
        builder.Property(e => e.UserName).HasMaxLength(EventRules.NameMaxLength);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(EventRules.AuditDetailMaxLength);
        builder.HasIndex(e => new { e.EventId, e.AtUtc });
    }
}
