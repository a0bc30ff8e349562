using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Calls.Data;

/// <summary>What happened to a call's applications and reviews, by whom and when, so the jury's work can be justified.</summary>
public sealed class CallAuditEntry
{
    public long Id { get; set; }
    public int CallId { get; set; }
    public int? ApplicationId { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>One of <see cref="CallAuditActions"/>.</summary>
    public string Action { get; set; } = "";

    /// <summary>French detail for the coordinators' log ("Conflit d'intérêts déclaré : ancien employeur").</summary>
    public string Detail { get; set; } = "";

    public DateTime AtUtc { get; set; }
}

public static class CallAuditActions
{
    public const string Submitted = "submitted";
    public const string Reopened = "reopened";
    public const string ReviewerAssigned = "reviewer-assigned";
    public const string ReviewerUnassigned = "reviewer-unassigned";
    public const string ConflictDeclared = "conflict-declared";
    public const string ReviewSubmitted = "review-submitted";
    public const string ReviewStarted = "review-started";
    public const string Decided = "decided";
    public const string ResultsPublished = "results-published";
}

internal sealed class CallAuditEntryConfiguration : IEntityTypeConfiguration<CallAuditEntry>
{
    public void Configure(EntityTypeBuilder<CallAuditEntry> builder)
    {
        builder.ToTable("CallAuditEntries");
        builder.Property(e => e.UserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(e => e.UserName).HasMaxLength(CallRules.NameMaxLength);
        builder.Property(e => e.Action).HasMaxLength(40);
        builder.Property(e => e.Detail).HasMaxLength(CallRules.AuditDetailMaxLength);
        builder.HasIndex(e => new { e.CallId, e.AtUtc });
    }
}
