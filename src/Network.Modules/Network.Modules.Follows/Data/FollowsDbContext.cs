using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Follows.Data;

/// <summary>
/// Follows and the digest's bookkeeping, in the host database: accounts are network-wide, a member follows topics of
/// several tenants and receives one digest for all of them, and the outbox the mails go to is in the same database, so
/// a digest's row and its mail commit together.
/// </summary>
public sealed class FollowsDbContext(DbContextOptions<FollowsDbContext> options) : DbContext(options)
{
    public DbSet<Follow> Follows => Set<Follow>();
    public DbSet<FollowerSettings> Settings => Set<FollowerSettings>();
    public DbSet<DigestDelivery> DigestDeliveries => Set<DigestDelivery>();
    public DbSet<ImmediateNotice> ImmediateNotices => Set<ImmediateNotice>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Follow>(b =>
        {
            b.ToTable("Follows");
            b.Property(f => f.UserId).HasMaxLength(64).IsRequired();
            b.Property(f => f.Kind).HasMaxLength(FollowTopic.MaxKindLength).IsRequired();
            b.Property(f => f.Tenant).HasMaxLength(63).IsRequired();
            b.Property(f => f.Key).HasMaxLength(FollowTopic.MaxKeyLength).IsRequired();
            b.Property(f => f.Topic).HasMaxLength(FollowTopic.MaxCodeLength).IsRequired();
            // One follow per member and topic: a second submit changes the delivery instead of adding a row.
            b.HasIndex(f => new { f.UserId, f.Topic }).IsUnique();
            // Who follows a topic (immediate mails, the digest's members with something to receive).
            b.HasIndex(f => new { f.Topic, f.Delivery });
        });
        modelBuilder.Entity<FollowerSettings>(b =>
        {
            b.ToTable("FollowerSettings");
            b.HasKey(s => s.UserId);
            b.Property(s => s.UserId).HasMaxLength(64);
        });
        modelBuilder.Entity<DigestDelivery>(b =>
        {
            b.ToTable("DigestDeliveries");
            b.HasKey(d => new { d.UserId, d.Week });
            b.Property(d => d.UserId).HasMaxLength(64);
            b.Property(d => d.Week).HasMaxLength(8);
        });
        modelBuilder.Entity<ImmediateNotice>(b =>
        {
            b.ToTable("ImmediateNotices");
            b.HasKey(n => new { n.UserId, n.Tenant, n.ItemId });
            b.Property(n => n.UserId).HasMaxLength(64);
            b.Property(n => n.Tenant).HasMaxLength(63);
        });
    }
}
