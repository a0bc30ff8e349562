using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Mail.Data;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int MaxSubjectLength = 300;
    public const int MaxNameLength = 200;
    public const int MaxErrorLength = 2000;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.Property(m => m.MessageId).HasMaxLength(200).IsRequired();
        builder.Property(m => m.TenantName).HasMaxLength(63).IsRequired();
        builder.Property(m => m.To).HasMaxLength(254).IsRequired();
        builder.Property(m => m.ToName).HasMaxLength(MaxNameLength);
        builder.Property(m => m.ReplyTo).HasMaxLength(254);
        builder.Property(m => m.Subject).HasMaxLength(MaxSubjectLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.HtmlBody).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(MaxErrorLength);
        builder.Ignore(m => m.Status);
        builder.HasIndex(m => m.MessageId).IsUnique();
        // The worker's query: due messages (NextAttemptUtc is null once sent or given up).
        builder.HasIndex(m => m.NextAttemptUtc);
        // The same query in sending order: transactional mail before bulk mail; only pending rows, so the sent history
        // is never walked through.
        builder.HasIndex(m => new { m.Priority, m.NextAttemptUtc }).HasDatabaseName("IX_OutboxMessages_Priority_Due").HasFilter("\"NextAttemptUtc\" IS NOT NULL");
        // Purge of old sent messages.
        builder.HasIndex(m => m.SentUtc);
        builder.HasMany(m => m.Attachments).WithOne().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public const int MaxFileNameLength = 200;
    public const int MaxContentTypeLength = 200;

    /// <summary>The outbox carries small generated files (calendar entries), not documents: those are links.</summary>
    public const int MaxContentLength = 1_000_000;

    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.ToTable("OutboxAttachments");
        builder.Property(a => a.FileName).HasMaxLength(MaxFileNameLength).IsRequired();
        builder.Property(a => a.ContentType).HasMaxLength(MaxContentTypeLength).IsRequired();
        builder.Property(a => a.Content).IsRequired();
    }
}
