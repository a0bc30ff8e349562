using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Calls.Data;

/// <summary>
/// A call's private settings and the phases its coordinators move it through once the deadline has passed. One row per
/// call (created with the call); the public definition (dates, criteria, questions) stays in the content item.
/// </summary>
public sealed class CallRound
{
    /// <summary>The call's content item id.</summary>
    public int CallId { get; set; }

    /// <summary>Reviewers do not see who applied (organisation, people, SIRET, attachments' names).</summary>
    public bool BlindReview { get; set; }

    /// <summary>How many reviews each application should get (the "even" assignment and the ranking's "expected").</summary>
    public int ReviewsPerApplication { get; set; } = 2;

    /// <summary>Set when coordinators start the review (the call is closed): the call is "under review".</summary>
    public DateTime? ReviewStartedUtc { get; set; }

    /// <summary>Set when the results are published: decisions are mailed and the results page appears.</summary>
    public DateTime? ResultsPublishedUtc { get; set; }

    /// <summary>The last reference number given to a submission of this call ("ADNI-2026-0007" is number 7).</summary>
    public int LastReferenceNumber { get; set; }

    public int Version { get; set; }
}

internal sealed class CallRoundConfiguration : IEntityTypeConfiguration<CallRound>
{
    public void Configure(EntityTypeBuilder<CallRound> builder)
    {
        builder.ToTable("CallRounds");
        builder.HasKey(r => r.CallId);
        builder.Property(r => r.CallId).ValueGeneratedNever();
        builder.Property(r => r.Version).IsConcurrencyToken();
    }
}

/// <summary>An account in a call's reviewer pool (it must hold the ReviewApplications permission in the tenant).</summary>
public sealed class CallReviewer
{
    public int CallId { get; set; }
    public string UserId { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public DateTime AddedUtc { get; set; }
}

internal sealed class CallReviewerConfiguration : IEntityTypeConfiguration<CallReviewer>
{
    public void Configure(EntityTypeBuilder<CallReviewer> builder)
    {
        builder.ToTable("CallReviewers");
        builder.HasKey(r => new { r.CallId, r.UserId });
        builder.Property(r => r.UserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(r => r.DisplayName).HasMaxLength(CallRules.NameMaxLength);
    }
}
