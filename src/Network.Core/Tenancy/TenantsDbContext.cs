using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Network.Core.Data;

namespace Network.Core.Tenancy;

/// <summary>The tenant registry, in the host database.</summary>
public sealed class TenantsDbContext(DbContextOptions<TenantsDbContext> options) : DbContext(options)
{
    public DbSet<TenantRecord> Tenants => Set<TenantRecord>();
    public DbSet<TenantHostName> TenantHosts => Set<TenantHostName>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new TenantRecordConfiguration());
        modelBuilder.ApplyConfiguration(new TenantHostNameConfiguration());
    }
}

internal sealed class TenantRecordConfiguration : IEntityTypeConfiguration<TenantRecord>
{
    public void Configure(EntityTypeBuilder<TenantRecord> builder)
    {
        builder.ToTable("Tenants");
        builder.HasIndex(t => t.Name).IsUnique();
        builder.HasIndex(t => t.Prefix).IsUnique();
        builder.Property(t => t.Name).HasMaxLength(63).IsRequired();
        builder.Property(t => t.Prefix).HasMaxLength(63).IsRequired();
        builder.Property(t => t.DisplayName).HasMaxLength(120).IsRequired();
        builder.Property(t => t.State).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Features).HasJsonListConversion();
        builder.Property(t => t.BlocMarqueLines).HasJsonListConversion();
        builder.Property(t => t.DefaultCulture).HasMaxLength(10);
        builder.Property(t => t.Version).IsConcurrencyToken();
        builder.HasMany(t => t.Hosts).WithOne().HasForeignKey(h => h.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(t => t.Hosts).AutoInclude();
    }
}

internal sealed class TenantHostNameConfiguration : IEntityTypeConfiguration<TenantHostName>
{
    public void Configure(EntityTypeBuilder<TenantHostName> builder)
    {
        builder.ToTable("TenantHosts");
        builder.Property(h => h.HostName).HasMaxLength(253).IsRequired();
        builder.HasIndex(h => h.HostName).IsUnique();
    }
}
