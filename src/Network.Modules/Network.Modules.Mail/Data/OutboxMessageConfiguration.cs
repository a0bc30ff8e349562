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
        // Purge of old sent messages.
        builder.HasIndex(m => m.SentUtc);
    }
}
