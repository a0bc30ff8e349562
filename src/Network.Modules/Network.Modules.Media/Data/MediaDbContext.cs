using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Media.Data;

/// <summary>The tenant's media library, in the tenant's database.</summary>
public sealed class MediaDbContext(DbContextOptions<MediaDbContext> options) : DbContext(options)
{
    public DbSet<MediaItem> MediaItems => Set<MediaItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.ApplyConfiguration(new MediaItemConfiguration());
}

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItem>
{
    public void Configure(EntityTypeBuilder<MediaItem> builder)
    {
        builder.ToTable("MediaItems");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Key).HasMaxLength(32).IsRequired();
        // One entry per content: the same file uploaded twice is the same media.
        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasIndex(m => m.UploadedUtc);
        builder.Property(m => m.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.OriginalFileName).HasMaxLength(MediaItemRules.FileNameMaxLength);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Fallback).HasMaxLength(4);
        builder.Property(m => m.DocumentName).HasMaxLength(80);
        builder.Property(m => m.Alt).HasMaxLength(MediaItemRules.AltMaxLength);
        builder.Property(m => m.Credit).HasMaxLength(MediaItemRules.CreditMaxLength);
        builder.Property(m => m.UploadedBy).HasMaxLength(256);
        // The widths as one JSON text column ("[320,640,960]").
        builder.Property(m => m.Widths)
            .HasConversion(
                v => JsonSerializer.Serialize(v, (JsonSerializerOptions?)null),
                v => JsonSerializer.Deserialize<List<int>>(v, (JsonSerializerOptions?)null) ?? new List<int>(),
                new ValueComparer<List<int>>((a, b) => (a ?? new List<int>()).SequenceEqual(b ?? new List<int>()), v => v.Aggregate(0, HashCode.Combine), v => v.ToList()))
            .HasMaxLength(200)
            .IsRequired();
    }
}
