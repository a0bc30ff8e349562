using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Events.Data;

public enum RegistrationStatus
{
    /// <summary>Holds a seat of the event.</summary>
    Confirmed,
    /// <summary>Waits for a seat of the event, in order of <see cref="EventRegistration.WaitlistedUtc"/> then id.</summary>
    Waitlisted,
    /// <summary>Cancelled by the person or a coordinator; the seat was freed.</summary>
    Cancelled,
    /// <summary>A guest who did not verify the address in time; the seat was freed.</summary>
    Expired,
}

/// <summary>
/// One person's registration to one event (at most one per address and event: registering again reuses it). An account
/// holder's address is verified at once; a guest's holds its seat or place in line until <see cref="VerifyByUtc"/>.
/// </summary>
public sealed class EventRegistration
{
    public int Id { get; set; }
    public int EventId { get; set; }

    /// <summary>The account that registered, null for a guest.</summary>
    public string? UserId { get; set; }

    public string Email { get; set; } = "";

    /// <summary>Upper-cased invariant form of <see cref="Email"/>: the uniqueness key per event.</summary>
    public string NormalizedEmail { get; set; } = "";

    public string FullName { get; set; } = "";
    public string Organisation { get; set; } = "";

    /// <summary>The language of the mails ("fr", "en"): the one the person registered in.</summary>
    public string Culture { get; set; } = "fr";

    public RegistrationStatus Status { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>When the address was verified (at once for an account); null for a guest who has not clicked yet.</summary>
    public DateTime? AddressVerifiedUtc { get; set; }

    /// <summary>An unverified guest's deadline: past it, the registration expires and frees its seat.</summary>
    public DateTime? VerifyByUtc { get; set; }

    public DateTime? ConfirmedUtc { get; set; }

    /// <summary>When it joined the waitlist: the waitlist's order.</summary>
    public DateTime? WaitlistedUtc { get; set; }

    public DateTime? CancelledUtc { get; set; }

    /// <summary>SHA-256 (hex) of the personal link's secret: the link itself is only in the person's mails.</summary>
    public string TokenHash { get; set; } = "";

    /// <summary>Answers to the event's optional questions (JSON object key → text); emptied some days after the event.</summary>
    public string AnswersJson { get; set; } = "{}";

    public DateTime? AnswersDeletedUtc { get; set; }

    public DateTime? ReminderSentUtc { get; set; }

    public DateTime? CheckedInUtc { get; set; }
    public string? CheckedInByUserId { get; set; }

    /// <summary>Set when the personal data was replaced by placeholders, months after the event (counts stay).</summary>
    public DateTime? AnonymisedUtc { get; set; }

    public int Version { get; set; }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.Property(r => r.UserId).HasMaxLength(EventRules.UserIdMaxLength);
        builder.Property(r => r.Email).HasMaxLength(EventRules.EmailMaxLength);
        builder.Property(r => r.NormalizedEmail).HasMaxLength(EventRules.EmailMaxLength);
        builder.Property(r => r.FullName).HasMaxLength(EventRules.NameMaxLength);
        builder.Property(r => r.Organisation).HasMaxLength(EventRules.OrganisationMaxLength);
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.TokenHash).HasMaxLength(EventRules.TokenHashMaxLength);
        builder.Property(r => r.AnswersJson).HasMaxLength(EventRules.AnswersMaxLength);
        builder.Property(r => r.CheckedInByUserId).HasMaxLength(EventRules.UserIdMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        // One registration per address and event: the second attempt (double click, replay) finds the first.
        builder.HasIndex(r => new { r.EventId, r.NormalizedEmail }).IsUnique();
        builder.HasIndex(r => r.TokenHash).IsUnique();
        builder.HasIndex(r => new { r.EventId, r.Status });
        builder.HasIndex(r => r.UserId);
    }
}

public enum WorkshopChoiceStatus
{
    Confirmed,
    Waitlisted,
}

/// <summary>
/// A workshop a registrant chose. It holds a seat of the workshop or waits for one, in order of
/// <see cref="WaitlistedUtc"/> then id; removed when the person drops the workshop or the registration ends.
/// </summary>
public sealed class WorkshopChoice
{
    public int Id { get; set; }
    public int RegistrationId { get; set; }
    public int EventId { get; set; }
    public string SessionKey { get; set; } = "";
    public WorkshopChoiceStatus Status { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? WaitlistedUtc { get; set; }
    public DateTime? CheckedInUtc { get; set; }
}

internal sealed class WorkshopChoiceConfiguration : IEntityTypeConfiguration<WorkshopChoice>
{
    public void Configure(EntityTypeBuilder<WorkshopChoice> builder)
    {
        builder.ToTable("EventWorkshopChoices");
        builder.Property(c => c.SessionKey).HasMaxLength(EventRules.SessionKeyMaxLength);
        builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasIndex(c => new { c.RegistrationId, c.SessionKey }).IsUnique();
        builder.HasIndex(c => new { c.EventId, c.SessionKey, c.Status });
    }
}
