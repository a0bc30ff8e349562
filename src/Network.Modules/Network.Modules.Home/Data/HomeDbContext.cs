using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Home.Data;

/// <summary>The tenant's home page layouts: the one draft/published row and the history of published layouts.</summary>
public sealed class HomeDbContext(DbContextOptions<HomeDbContext> options) : DbContext(options)
{
    public DbSet<HomeLayoutRecord> Layouts => Set<HomeLayoutRecord>();
    public DbSet<HomeLayoutPublication> Publications => Set<HomeLayoutPublication>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new HomeLayoutRecordConfiguration());
        modelBuilder.ApplyConfiguration(new HomeLayoutPublicationConfiguration());
    }
}

/// <summary>
/// The tenant's home layout (one row, <see cref="SingleId"/>): the coordinator's draft and the published layout, both
/// JSON lists of <c>HomeBlock</c>. No row, or no published layout yet: visitors see the default layout.
/// </summary>
public sealed class HomeLayoutRecord
{
    public const int SingleId = 1;

    public int Id { get; set; } = SingleId;
    public string DraftJson { get; set; } = "[]";

    /// <summary>Null until a coordinator publishes.</summary>
    public string? PublishedJson { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public string UpdatedBy { get; set; } = "";

    /// <summary>Optimistic concurrency: every form posts the version it was based on.</summary>
    public Guid Version { get; set; }
}

/// <summary>A layout as it was published (to restore an earlier one).</summary>
public sealed class HomeLayoutPublication
{
    public int Id { get; set; }
    public string LayoutJson { get; set; } = "[]";
    public DateTime PublishedUtc { get; set; }
    public string PublishedBy { get; set; } = "";
}

internal sealed class HomeLayoutRecordConfiguration : IEntityTypeConfiguration<HomeLayoutRecord>
{
    public void Configure(EntityTypeBuilder<HomeLayoutRecord> builder)
    {
        builder.ToTable("HomeLayouts");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.Property(l => l.UpdatedBy).HasMaxLength(256);
        builder.Property(l => l.Version).IsConcurrencyToken();
    }
}

internal sealed class HomeLayoutPublicationConfiguration : IEntityTypeConfiguration<HomeLayoutPublication>
{
    public void Configure(EntityTypeBuilder<HomeLayoutPublication> builder)
    {
        builder.ToTable("HomeLayoutPublications");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.PublishedBy).HasMaxLength(256);
        builder.HasIndex(p => p.PublishedUtc);
    }
}
