using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Network.Core.Data;

namespace Network.Modules.Accounts.Data;

/// <summary>The tenant's role definitions, in the tenant's own database.</summary>
public sealed class TenantRolesDbContext(DbContextOptions<TenantRolesDbContext> options) : DbContext(options)
{
    public DbSet<RoleDefinition> Roles => Set<RoleDefinition>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new RoleDefinitionConfiguration());
}

internal sealed class RoleDefinitionConfiguration : IEntityTypeConfiguration<RoleDefinition>
{
    public void Configure(EntityTypeBuilder<RoleDefinition> builder)
    {
        builder.ToTable("Roles");
        builder.HasKey(r => r.Name);
        builder.Property(r => r.Name).HasMaxLength(40);
        builder.Property(r => r.Description).HasMaxLength(200);
        builder.Property(r => r.Permissions).HasJsonListConversion();
    }
}
