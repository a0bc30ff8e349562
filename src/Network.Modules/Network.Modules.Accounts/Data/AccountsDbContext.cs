using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Accounts.Data;

/// <summary>Accounts (ASP.NET Core Identity) and per-tenant role assignments, in the host database.</summary>
public sealed class AccountsDbContext(DbContextOptions<AccountsDbContext> options) : IdentityDbContext<NetworkUser, IdentityRole, string>(options)
{
    public DbSet<TenantRoleAssignment> TenantRoleAssignments => Set<TenantRoleAssignment>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<NetworkUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(100);
            user.Property(u => u.PreferredCulture).HasMaxLength(10);
        });
        builder.ApplyConfiguration(new TenantRoleAssignmentConfiguration());
    }
}

internal sealed class TenantRoleAssignmentConfiguration : IEntityTypeConfiguration<TenantRoleAssignment>
{
    public void Configure(EntityTypeBuilder<TenantRoleAssignment> builder)
    {
        builder.ToTable("TenantRoleAssignments");
        builder.Property(a => a.TenantName).HasMaxLength(63).IsRequired();
        builder.Property(a => a.Role).HasMaxLength(40).IsRequired();
        builder.HasIndex(a => new { a.UserId, a.TenantName, a.Role }).IsUnique();
        builder.HasIndex(a => a.TenantName);
        builder.HasOne<NetworkUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
