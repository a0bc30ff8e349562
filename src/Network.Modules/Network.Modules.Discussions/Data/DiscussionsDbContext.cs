using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Discussions.Data;

/// <summary>Comments, their reports, useful marks, the moderation log and the tenant's discussion settings, in the tenant's database.</summary>
public sealed class DiscussionsDbContext(DbContextOptions<DiscussionsDbContext> options) : DbContext(options)
{
    public DbSet<Comment> Comments => Set<Comment>();
    public DbSet<CommentReport> Reports => Set<CommentReport>();
    public DbSet<UsefulMark> UsefulMarks => Set<UsefulMark>();
    public DbSet<CommentModerationEntry> ModerationLog => Set<CommentModerationEntry>();
    public DbSet<DiscussionSettings> Settings => Set<DiscussionSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Comment>(builder =>
        {
            builder.ToTable("Comments");
            builder.Property(c => c.ContentType).HasMaxLength(40);
            builder.Property(c => c.AuthorId).HasMaxLength(DiscussionRules.UserIdMaxLength);
            builder.Property(c => c.AuthorName).HasMaxLength(DiscussionRules.NameMaxLength);
            builder.Property(c => c.Body).HasMaxLength(DiscussionRules.BodyMaxLength);
            builder.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
            builder.Property(c => c.SubmissionKey).HasMaxLength(DiscussionRules.SubmissionKeyMaxLength);
            builder.Property(c => c.Version).IsConcurrencyToken();
            builder.HasIndex(c => new { c.ItemId, c.CreatedUtc });
            builder.HasIndex(c => new { c.Status, c.CreatedUtc });
            builder.HasIndex(c => new { c.AuthorId, c.CreatedUtc });
            // A double click posts the same form twice: the second insert fails on this index and nothing is added.
            builder.HasIndex(c => new { c.AuthorId, c.SubmissionKey }).IsUnique().HasFilter("\"AuthorId\" IS NOT NULL");
            builder.HasOne<Comment>().WithMany().HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<CommentReport>(builder =>
        {
            builder.ToTable("CommentReports");
            builder.Property(r => r.UserId).HasMaxLength(DiscussionRules.UserIdMaxLength);
            builder.Property(r => r.Reason).HasMaxLength(DiscussionRules.ReasonMaxLength);
            builder.HasIndex(r => new { r.CommentId, r.UserId }).IsUnique();
            builder.HasIndex(r => r.UserId);
            builder.HasOne<Comment>().WithMany().HasForeignKey(r => r.CommentId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<UsefulMark>(builder =>
        {
            builder.ToTable("UsefulMarks");
            builder.HasKey(m => new { m.ItemId, m.UserId });
            builder.Property(m => m.UserId).HasMaxLength(DiscussionRules.UserIdMaxLength);
            builder.HasIndex(m => m.UserId);
        });
        modelBuilder.Entity<CommentModerationEntry>(builder =>
        {
            builder.ToTable("CommentModerationLog");
            builder.Property(e => e.Action).HasMaxLength(20);
            builder.Property(e => e.UserId).HasMaxLength(DiscussionRules.UserIdMaxLength);
            builder.Property(e => e.UserName).HasMaxLength(DiscussionRules.NameMaxLength);
            builder.Property(e => e.Note).HasMaxLength(DiscussionRules.ReasonMaxLength);
            builder.HasIndex(e => e.AtUtc);
            // No foreign key: the log outlives deleted comments.
        });
        modelBuilder.Entity<DiscussionSettings>(builder =>
        {
            builder.ToTable("DiscussionSettings");
            builder.Property(s => s.Id).ValueGeneratedNever();
            builder.Property(s => s.Version).IsConcurrencyToken();
        });
    }
}

public static class DiscussionRules
{
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 256;
    public const int BodyMaxLength = 5_000;
    public const int ReasonMaxLength = 1_000;
    public const int SubmissionKeyMaxLength = 64;
    public const int DefaultReportThreshold = 3;
    public const int MaxReportThreshold = 50;
}
