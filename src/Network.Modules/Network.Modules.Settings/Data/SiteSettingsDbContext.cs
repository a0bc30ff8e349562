using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Settings.Data;

/// <summary>The site's own editable texts, in the tenant's database.</summary>
public sealed class SiteSettingsDbContext(DbContextOptions<SiteSettingsDbContext> options) : DbContext(options)
{
    public DbSet<LegalPage> LegalPages => Set<LegalPage>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new LegalPageConfiguration());
}

internal sealed class LegalPageConfiguration : IEntityTypeConfiguration<LegalPage>
{
    public void Configure(EntityTypeBuilder<LegalPage> builder)
    {
        builder.ToTable("LegalPages");
        builder.HasKey(p => p.Slug);
        builder.Property(p => p.Slug).HasMaxLength(40);
        builder.Property(p => p.Title).HasMaxLength(LegalPageRules.TitleMaxLength);
        builder.Property(p => p.TitleEn).HasMaxLength(LegalPageRules.TitleMaxLength);
        builder.Property(p => p.BodyMarkdown).HasMaxLength(LegalPageRules.BodyMaxLength);
        builder.Property(p => p.BodyMarkdownEn).HasMaxLength(LegalPageRules.BodyMaxLength);
        builder.Property(p => p.AccessibilityStatus).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.UpdatedBy).HasMaxLength(256);
        builder.Property(p => p.Version).IsConcurrencyToken();
    }
}

public static class LegalPageRules
{
    public const int TitleMaxLength = 120;
    public const int BodyMaxLength = 50_000;
}
