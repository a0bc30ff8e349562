using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Calls.Data;

public enum ApplicationStatus
{
    /// <summary>Being written: every step is saved on the server; only the applicant sees it.</summary>
    Draft = 0,
    /// <summary>Submitted before the deadline and locked; it has its reference.</summary>
    Submitted = 1,
    /// <summary>A coordinator reopened it for correction (logged): the applicant edits and submits again.</summary>
    Reopened = 2,
}

public enum ApplicationDecision
{
    None = 0,
    Accepted = 1,
    Waitlisted = 2,
    Rejected = 3,
}

/// <summary>
/// One application to a call: the applicant's form (<see cref="FormJson"/>, an <see cref="ApplicationForm"/>), the
/// columns the lists, ranking and exports need, the submission and the decision. Readable only by the applicant,
/// the tenant's call coordinators and the reviewers assigned to it.
/// </summary>
public sealed class CallApplication
{
    public int Id { get; set; }

    /// <summary>The call's content item id.</summary>
    public int CallId { get; set; }

    public string ApplicantUserId { get; set; } = "";
    public string ApplicantName { get; set; } = "";
    public string ApplicantEmail { get; set; } = "";

    /// <summary>The applicant's language when they submitted ("fr", "en"): the receipt and the decision are in it.</summary>
    public string Culture { get; set; } = "fr";

    public ApplicationStatus Status { get; set; }

    /// <summary>The step of the form the applicant reached (0-based), to bring them back where they were.</summary>
    public int CurrentStep { get; set; }

    /// <summary>The whole form as JSON (<see cref="ApplicationForm"/>).</summary>
    public string FormJson { get; set; } = "{}";

    /// <summary>Copied from the form at each save, for lists, ranking and exports.</summary>
    public string ProjectTitle { get; set; } = "";
    public string OrganisationName { get; set; } = "";
    public decimal? AmountRequested { get; set; }
    public decimal? TotalBudget { get; set; }

    /// <summary>Given at the first submission ("ADNI-2026-0007"), unique in the tenant, kept on resubmission.</summary>
    public string? Reference { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }

    public ApplicationDecision Decision { get; set; }
    public decimal? AmountGranted { get; set; }
    public string DecisionJustification { get; set; } = "";
    public DateOnly? DecisionDate { get; set; }
    public DateOnly? ConventionDate { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTime? DecidedUtc { get; set; }

    /// <summary>When the decision mail was queued (results publication), so it is sent once.</summary>
    public DateTime? DecisionNotifiedUtc { get; set; }

    /// <summary>The draft showcase created for an accepted application (content item id).</summary>
    public int? ShowcaseItemId { get; set; }

    public int Version { get; set; }
}

internal sealed class CallApplicationConfiguration : IEntityTypeConfiguration<CallApplication>
{
    public void Configure(EntityTypeBuilder<CallApplication> builder)
    {
        builder.ToTable("CallApplications");
        builder.Property(a => a.ApplicantUserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(a => a.ApplicantName).HasMaxLength(CallRules.NameMaxLength);
        builder.Property(a => a.ApplicantEmail).HasMaxLength(CallRules.EmailMaxLength);
        builder.Property(a => a.Culture).HasMaxLength(10);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Decision).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.FormJson).HasMaxLength(CallRules.FormMaxLength);
        builder.Property(a => a.ProjectTitle).HasMaxLength(CallRules.TitleMaxLength);
        builder.Property(a => a.OrganisationName).HasMaxLength(CallRules.OrganisationMaxLength);
        builder.Property(a => a.Reference).HasMaxLength(CallRules.ReferenceMaxLength);
        builder.Property(a => a.DecisionJustification).HasMaxLength(CallRules.JustificationMaxLength);
        builder.Property(a => a.DecidedByUserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(a => a.Version).IsConcurrencyToken();
        builder.HasIndex(a => new { a.CallId, a.Status });
        builder.HasIndex(a => a.ApplicantUserId);
        builder.HasIndex(a => a.Reference).IsUnique().HasFilter("\"Reference\" IS NOT NULL");
        builder.HasMany<ApplicationAttachment>().WithOne().HasForeignKey(f => f.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany<ReviewAssignment>().WithOne().HasForeignKey(r => r.ApplicationId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>
/// A PDF attached to an application, stored outside the public media library under
/// <c>&lt;DataPath&gt;/tenants/&lt;name&gt;/calls/</c> and served only to those who may read the application.
/// </summary>
public sealed class ApplicationAttachment
{
    public int Id { get; set; }
    public int ApplicationId { get; set; }

    /// <summary>What the document is ("budget", "statuts", "other"): the form's attachment slots.</summary>
    public string Purpose { get; set; } = "";

    /// <summary>The name the applicant's file had (shown, never used as a path).</summary>
    public string FileName { get; set; } = "";

    /// <summary>The random name of the stored file.</summary>
    public string StoredName { get; set; } = "";

    public long Length { get; set; }
    public DateTime UploadedUtc { get; set; }
}

internal sealed class ApplicationAttachmentConfiguration : IEntityTypeConfiguration<ApplicationAttachment>
{
    public void Configure(EntityTypeBuilder<ApplicationAttachment> builder)
    {
        builder.ToTable("CallApplicationAttachments");
        builder.Property(a => a.Purpose).HasMaxLength(40);
        builder.Property(a => a.FileName).HasMaxLength(CallRules.FileNameMaxLength);
        builder.Property(a => a.StoredName).HasMaxLength(80);
        builder.HasIndex(a => a.ApplicationId);
    }
}
