using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Mail.Data;

/// <summary>
/// Messages queued inside a tenant transaction, in the tenant's database: they commit or roll back with the tenant's
/// change, then <see cref="Services.MailRelay"/> moves them to the network outbox (host database).
/// </summary>
public sealed class MailRelayDbContext(DbContextOptions<MailRelayDbContext> options) : DbContext(options)
{
    public DbSet<RelayedMail> Relayed => Set<RelayedMail>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new RelayedMailConfiguration());
}

/// <summary>A message waiting in a tenant's database for the network outbox.</summary>
public sealed class RelayedMail
{
    public long Id { get; set; }

    /// <summary>
    /// The outbox message's Message-ID, fixed when queued: the outbox's unique index on it makes a second relay of the
    /// same row (after a crash between the outbox insert and this row's deletion) a no-op.
    /// </summary>
    public string MessageId { get; set; } = "";

    /// <summary>The <see cref="Network.Core.Mail.OutgoingMail"/> as JSON (attachments in base64).</summary>
    public string PayloadJson { get; set; } = "";

    public DateTime CreatedUtc { get; set; }
}

internal sealed class RelayedMailConfiguration : IEntityTypeConfiguration<RelayedMail>
{
    public void Configure(EntityTypeBuilder<RelayedMail> builder)
    {
        builder.ToTable("MailRelay");
        builder.Property(m => m.MessageId).HasMaxLength(200).IsRequired();
        builder.Property(m => m.PayloadJson).IsRequired();
        builder.HasIndex(m => m.CreatedUtc);
    }
}
