using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Mail.Data;

/// <summary>The mail outbox, in the host database: one outbox for the whole network, whatever the tenant.</summary>
public sealed class MailDbContext(DbContextOptions<MailDbContext> options) : DbContext(options)
{
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<OutboxAttachment> OutboxAttachments => Set<OutboxAttachment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new OutboxMessageConfiguration());
        modelBuilder.ApplyConfiguration(new OutboxAttachmentConfiguration());
    }
}
