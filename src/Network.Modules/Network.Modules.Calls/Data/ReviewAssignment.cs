using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Calls.Data;

public enum ReviewStatus
{
    /// <summary>Assigned; the reviewer has not yet declared whether they have a conflict of interest.</summary>
    Assigned = 0,
    /// <summary>No conflict declared; scores may be saved as a draft.</summary>
    InProgress = 1,
    /// <summary>Submitted: final, and the reviewer may now see the other reviews of the application.</summary>
    Submitted = 2,
}

public enum ReviewOpinion
{
    None = 0,
    Favourable = 1,
    Reserved = 2,
    Unfavourable = 3,
}

/// <summary>
/// A reviewer assigned to an application, and their review: a score and a comment per criterion of the call
/// (<see cref="ScoresJson"/>, a list of <see cref="CriterionScore"/>) and an overall opinion. A declared conflict of
/// interest deletes the row (and is logged in <see cref="CallAuditEntry"/>).
/// </summary>
public sealed class ReviewAssignment
{
    public int Id { get; set; }
    public int CallId { get; set; }
    public int ApplicationId { get; set; }
    public string ReviewerUserId { get; set; } = "";
    public string ReviewerName { get; set; } = "";
    public DateTime AssignedUtc { get; set; }
    public string AssignedByUserId { get; set; } = "";

    public ReviewStatus Status { get; set; }

    /// <summary>When the reviewer declared having no conflict of interest with this application.</summary>
    public DateTime? NoConflictDeclaredUtc { get; set; }

    public string ScoresJson { get; set; } = "[]";
    public ReviewOpinion Opinion { get; set; }
    public string OverallComment { get; set; } = "";
    public DateTime? SavedUtc { get; set; }
    public DateTime? SubmittedUtc { get; set; }
    public int Version { get; set; }

    public IReadOnlyList<CriterionScore> ReadScores()
        => System.Text.Json.JsonSerializer.Deserialize<List<CriterionScore>>(ScoresJson, ApplicationForm.Json) ?? [];

    public void WriteScores(IEnumerable<CriterionScore> scores)
        => ScoresJson = System.Text.Json.JsonSerializer.Serialize(scores.ToList(), ApplicationForm.Json);
}

/// <summary>One criterion's score in a review.</summary>
/// <param name="Criterion">The criterion's key in the call's fields.</param>
public sealed record CriterionScore(string Criterion, decimal? Score, string Comment);

internal sealed class ReviewAssignmentConfiguration : IEntityTypeConfiguration<ReviewAssignment>
{
    public void Configure(EntityTypeBuilder<ReviewAssignment> builder)
    {
        builder.ToTable("CallReviews");
        builder.Property(r => r.ReviewerUserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(r => r.ReviewerName).HasMaxLength(CallRules.NameMaxLength);
        builder.Property(r => r.AssignedByUserId).HasMaxLength(CallRules.UserIdMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Opinion).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.ScoresJson).HasMaxLength(CallRules.FormMaxLength);
        builder.Property(r => r.OverallComment).HasMaxLength(CallRules.CommentMaxLength);
        builder.Property(r => r.Version).IsConcurrencyToken();
        builder.HasIndex(r => new { r.ApplicationId, r.ReviewerUserId }).IsUnique();
        builder.HasIndex(r => new { r.CallId, r.ReviewerUserId });
    }
}
