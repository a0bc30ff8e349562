using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Calls.Data;

/// <summary>
/// The private side of the tenant's calls for projects, in the tenant's database: each call's round (review settings
/// and phase), its reviewer pool, the applications with their attachments and decisions, the reviews, and the log of
/// what coordinators and reviewers did. A call's public definition is a content item of type "call" (see
/// <see cref="Services.CallType"/>); these rows point to it by its id.
/// </summary>
public sealed class CallsDbContext(DbContextOptions<CallsDbContext> options) : DbContext(options)
{
    public DbSet<CallRound> Rounds => Set<CallRound>();
    public DbSet<CallReviewer> Reviewers => Set<CallReviewer>();
    public DbSet<CallApplication> Applications => Set<CallApplication>();
    public DbSet<ApplicationAttachment> Attachments => Set<ApplicationAttachment>();
    public DbSet<ReviewAssignment> Reviews => Set<ReviewAssignment>();
    public DbSet<CallAuditEntry> AuditEntries => Set<CallAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new CallRoundConfiguration());
        modelBuilder.ApplyConfiguration(new CallReviewerConfiguration());
        modelBuilder.ApplyConfiguration(new CallApplicationConfiguration());
        modelBuilder.ApplyConfiguration(new ApplicationAttachmentConfiguration());
        modelBuilder.ApplyConfiguration(new ReviewAssignmentConfiguration());
        modelBuilder.ApplyConfiguration(new CallAuditEntryConfiguration());
    }
}

public static class CallRules
{
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 256;
    public const int EmailMaxLength = 256;
    public const int ReferenceMaxLength = 40;
    public const int TitleMaxLength = 200;
    public const int OrganisationMaxLength = 200;
    public const int JustificationMaxLength = 4_000;
    public const int CommentMaxLength = 4_000;
    public const int FormMaxLength = 200_000;
    public const int FileNameMaxLength = 200;
    public const int AuditDetailMaxLength = 2_000;
}
