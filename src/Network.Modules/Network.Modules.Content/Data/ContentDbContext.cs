using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Network.Modules.Content.Data;

/// <summary>Content items of every type, their revisions, old addresses, facets and change feed, in the tenant's database.</summary>
public sealed class ContentDbContext(DbContextOptions<ContentDbContext> options) : DbContext(options)
{
    public DbSet<ContentItem> Items => Set<ContentItem>();
    public DbSet<ContentFacetValue> FacetValues => Set<ContentFacetValue>();
    public DbSet<ContentRevision> Revisions => Set<ContentRevision>();
    public DbSet<ContentSlugRedirect> SlugRedirects => Set<ContentSlugRedirect>();
    public DbSet<ContentChange> Changes => Set<ContentChange>();
    public DbSet<ContentChangeCursor> ChangeCursors => Set<ContentChangeCursor>();
    public DbSet<ContentMediaUse> MediaUses => Set<ContentMediaUse>();
    public DbSet<VocabularyTerm> VocabularyTerms => Set<VocabularyTerm>();
    public DbSet<ContentSettings> Settings => Set<ContentSettings>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new ContentItemConfiguration());
        modelBuilder.ApplyConfiguration(new ContentFacetValueConfiguration());
        modelBuilder.ApplyConfiguration(new ContentRevisionConfiguration());
        modelBuilder.ApplyConfiguration(new ContentSlugRedirectConfiguration());
        modelBuilder.ApplyConfiguration(new ContentChangeConfiguration());
        modelBuilder.ApplyConfiguration(new ContentChangeCursorConfiguration());
        modelBuilder.ApplyConfiguration(new ContentMediaUseConfiguration());
        modelBuilder.ApplyConfiguration(new VocabularyTermConfiguration());
        modelBuilder.ApplyConfiguration(new ContentSettingsConfiguration());
    }
}

public static class ContentRules
{
    public const int TitleMaxLength = 200;
    /// <summary>A whole address: nested items' slugs are their parents' segments and their own ("a-propos/equipe").</summary>
    public const int SlugMaxLength = MaxDepth * (Network.Core.Text.Slugs.MaxLength + 1);

    /// <summary>How deep items of a hierarchical type may nest (a top-level item is at depth 1).</summary>
    public const int MaxDepth = 4;
    public const int SummaryMaxLength = 300;
    public const int FieldsMaxLength = 200_000;
    public const int ReasonMaxLength = 2_000;
    public const int MaxFeaturedPerTenant = 6;
}

internal sealed class ContentItemConfiguration : IEntityTypeConfiguration<ContentItem>
{
    public void Configure(EntityTypeBuilder<ContentItem> builder)
    {
        builder.ToTable("ContentItems");
        builder.Property(i => i.ContentType).HasMaxLength(40);
        builder.Property(i => i.Slug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.Property(i => i.Title).HasMaxLength(ContentRules.TitleMaxLength);
        builder.Property(i => i.SortTitle).HasMaxLength(ContentRules.TitleMaxLength);
        builder.Property(i => i.Summary).HasMaxLength(ContentRules.SummaryMaxLength);
        builder.Property(i => i.FieldsJson).HasMaxLength(ContentRules.FieldsMaxLength);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.RejectionReason).HasMaxLength(ContentRules.ReasonMaxLength);
        builder.Property(i => i.AuthorId).HasMaxLength(450);
        builder.Property(i => i.AuthorName).HasMaxLength(256);
        builder.Property(i => i.OriginTenant).HasMaxLength(64);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.Ignore(i => i.IsMirror);
        builder.Ignore(i => i.IsPublic);
        // A tenant's own items have unique addresses per type; copies of regions' items on the hub are keyed by origin.
        builder.HasIndex(i => new { i.ContentType, i.Slug }).IsUnique().HasFilter("\"OriginTenant\" IS NULL");
        builder.HasIndex(i => new { i.OriginTenant, i.OriginId }).IsUnique().HasFilter("\"OriginTenant\" IS NOT NULL");
        builder.HasIndex(i => new { i.ContentType, i.Status, i.PublishedUtc });
        builder.HasIndex(i => i.AuthorId);
        builder.HasMany(i => i.Facets).WithOne().HasForeignKey(f => f.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentFacetValueConfiguration : IEntityTypeConfiguration<ContentFacetValue>
{
    public void Configure(EntityTypeBuilder<ContentFacetValue> builder)
    {
        builder.ToTable("ContentFacetValues");
        builder.HasKey(f => new { f.ItemId, f.Facet, f.Value });
        builder.Property(f => f.Facet).HasMaxLength(40);
        builder.Property(f => f.Value).HasMaxLength(120);
        builder.HasIndex(f => new { f.Facet, f.Value });
    }
}

internal sealed class ContentRevisionConfiguration : IEntityTypeConfiguration<ContentRevision>
{
    public void Configure(EntityTypeBuilder<ContentRevision> builder)
    {
        builder.ToTable("ContentRevisions");
        builder.Property(r => r.Action).HasMaxLength(20);
        builder.Property(r => r.Note).HasMaxLength(ContentRules.ReasonMaxLength);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(r => r.Title).HasMaxLength(ContentRules.TitleMaxLength);
        builder.Property(r => r.Slug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.Property(r => r.Summary).HasMaxLength(ContentRules.SummaryMaxLength);
        builder.Property(r => r.FieldsJson).HasMaxLength(ContentRules.FieldsMaxLength);
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.UserName).HasMaxLength(256);
        builder.HasIndex(r => new { r.ItemId, r.Number }).IsUnique();
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentSlugRedirectConfiguration : IEntityTypeConfiguration<ContentSlugRedirect>
{
    public void Configure(EntityTypeBuilder<ContentSlugRedirect> builder)
    {
        builder.ToTable("ContentSlugRedirects");
        builder.HasKey(r => new { r.ContentType, r.OldSlug });
        builder.Property(r => r.ContentType).HasMaxLength(40);
        builder.Property(r => r.OldSlug).HasMaxLength(ContentRules.SlugMaxLength);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(r => r.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChange>
{
    public void Configure(EntityTypeBuilder<ContentChange> builder)
    {
        builder.ToTable("ContentChanges");
        builder.Property(c => c.ContentType).HasMaxLength(40);
        builder.Property(c => c.Action).HasMaxLength(20);
        builder.Property(c => c.UserId).HasMaxLength(450);
        // No foreign key: the feed outlives deleted items (consumers must learn of the deletion).
    }
}

internal sealed class ContentChangeCursorConfiguration : IEntityTypeConfiguration<ContentChangeCursor>
{
    public void Configure(EntityTypeBuilder<ContentChangeCursor> builder)
    {
        builder.ToTable("ContentChangeCursors");
        builder.HasKey(c => c.Consumer);
        builder.Property(c => c.Consumer).HasMaxLength(40);
    }
}

internal sealed class ContentMediaUseConfiguration : IEntityTypeConfiguration<ContentMediaUse>
{
    public void Configure(EntityTypeBuilder<ContentMediaUse> builder)
    {
        builder.ToTable("ContentMediaUses");
        builder.HasKey(u => new { u.ItemId, u.MediaId });
        builder.HasIndex(u => u.MediaId);
        builder.HasOne<ContentItem>().WithMany().HasForeignKey(u => u.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class VocabularyTermConfiguration : IEntityTypeConfiguration<VocabularyTerm>
{
    public void Configure(EntityTypeBuilder<VocabularyTerm> builder)
    {
        builder.ToTable("VocabularyTerms");
        builder.Property(t => t.Vocabulary).HasMaxLength(40);
        builder.Property(t => t.Value).HasMaxLength(120);
        builder.Property(t => t.Label).HasMaxLength(120);
        builder.HasIndex(t => new { t.Vocabulary, t.Value }).IsUnique();
    }
}

internal sealed class ContentSettingsConfiguration : IEntityTypeConfiguration<ContentSettings>
{
    public void Configure(EntityTypeBuilder<ContentSettings> builder)
    {
        builder.ToTable("ContentSettings");
        builder.Property(s => s.Id).ValueGeneratedNever();
    }
}
