using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Directory.Data;

/// <summary>
/// The people side of the tenant's directory, in the tenant's database: member profiles (opt-in), who belongs to
/// which organisation (join requests and their answers), and the contact relay's conversations and reports.
/// Organisations themselves are content items of type "organisation"; rows point to them by item id. No e-mail
/// address is stored here: mails look accounts up when they are sent.
/// </summary>
public sealed class DirectoryDbContext(DbContextOptions<DirectoryDbContext> options) : DbContext(options)
{
    public DbSet<MemberProfile> Profiles => Set<MemberProfile>();
    public DbSet<OrganisationMembership> Memberships => Set<OrganisationMembership>();
    public DbSet<ContactThread> ContactThreads => Set<ContactThread>();
    public DbSet<ContactMessage> ContactMessages => Set<ContactMessage>();
    public DbSet<ContactReport> ContactReports => Set<ContactReport>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<MemberProfile>(b =>
        {
            b.ToTable("DirectoryProfiles");
            b.HasIndex(p => p.UserId).IsUnique();
            b.HasIndex(p => p.Key).IsUnique();
            b.Property(p => p.UserId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(p => p.Key).HasMaxLength(DirectoryRules.KeyMaxLength);
            b.Property(p => p.DisplayName).HasMaxLength(DirectoryRules.NameMaxLength);
            b.Property(p => p.Role).HasMaxLength(DirectoryRules.NameMaxLength);
            b.Property(p => p.Bio).HasMaxLength(DirectoryRules.BioMaxLength);
            b.Property(p => p.Tags).HasMaxLength(DirectoryRules.TagsMaxLength);
        });
        modelBuilder.Entity<OrganisationMembership>(b =>
        {
            b.ToTable("DirectoryMemberships");
            b.HasIndex(m => new { m.OrganisationId, m.UserId }).IsUnique();
            b.HasIndex(m => m.UserId);
            b.Property(m => m.UserId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(m => m.UserName).HasMaxLength(DirectoryRules.NameMaxLength);
            b.Property(m => m.Note).HasMaxLength(DirectoryRules.NoteMaxLength);
            b.Property(m => m.DecidedByUserId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(m => m.Status).HasConversion<string>().HasMaxLength(20);
        });
        modelBuilder.Entity<ContactThread>(b =>
        {
            b.ToTable("DirectoryContactThreads");
            b.HasIndex(t => t.InitiatorId);
            b.HasIndex(t => t.RecipientId);
            b.Property(t => t.InitiatorId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(t => t.RecipientId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(t => t.Subject).HasMaxLength(DirectoryRules.SubjectMaxLength);
        });
        modelBuilder.Entity<ContactMessage>(b =>
        {
            b.ToTable("DirectoryContactMessages");
            b.HasIndex(m => m.ThreadId);
            b.HasIndex(m => new { m.FromUserId, m.CreatedUtc });
            b.Property(m => m.FromUserId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(m => m.Body).HasMaxLength(DirectoryRules.MessageMaxLength);
        });
        modelBuilder.Entity<ContactReport>(b =>
        {
            b.ToTable("DirectoryContactReports");
            b.HasIndex(r => r.ThreadId);
            b.Property(r => r.ReporterId).HasMaxLength(DirectoryRules.UserIdMaxLength);
            b.Property(r => r.Reason).HasMaxLength(DirectoryRules.NoteMaxLength);
        });
    }
}

public static class DirectoryRules
{
    public const int UserIdMaxLength = 450;
    public const int KeyMaxLength = 32;
    public const int NameMaxLength = 120;
    public const int BioMaxLength = 1_000;
    public const int TagsMaxLength = 500;
    public const int MaxTags = 10;
    public const int TagMaxLength = 40;
    public const int NoteMaxLength = 500;
    public const int SubjectMaxLength = 150;
    public const int MessageMinLength = 10;
    public const int MessageMaxLength = 3_000;

    /// <summary>More links than this in one message is link stuffing (spam), refused.</summary>
    public const int MaxLinksPerMessage = 2;
}

/// <summary>A member's public face in one tenant's directory. Private (absent everywhere) until the member makes it public.</summary>
public sealed class MemberProfile
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The profile's address segment: random, so addresses say nothing about accounts or their number.</summary>
    public string Key { get; set; } = "";

    public string DisplayName { get; set; } = "";

    /// <summary>The job or role ("Chargée des publics numériques").</summary>
    public string Role { get; set; } = "";

    public string Bio { get; set; } = "";

    /// <summary>Expertise tags as written, one per line.</summary>
    public string Tags { get; set; } = "";

    /// <summary>Shown in the directory (off by default).</summary>
    public bool IsPublic { get; set; }

    /// <summary>Others may write through the contact relay (only while public).</summary>
    public bool OpenToContact { get; set; }

    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    public IReadOnlyList<string> TagList => Tags.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public enum MembershipStatus { Pending, Accepted, Refused }

/// <summary>A member's request to belong to an organisation of the tenant, and its answer; accepted ones may administer it.</summary>
public sealed class OrganisationMembership
{
    public int Id { get; set; }

    /// <summary>The organisation's content item id (one of the tenant's own items).</summary>
    public int OrganisationId { get; set; }

    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";

    /// <summary>What the member says about their role when asking.</summary>
    public string Note { get; set; } = "";

    public MembershipStatus Status { get; set; }

    /// <summary>Accepts and refuses the organisation's join requests (besides the coordinators).</summary>
    public bool IsAdmin { get; set; }

    public DateTime RequestedUtc { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedByUserId { get; set; }
}

/// <summary>
/// A conversation started through a member's contact form. Neither address is disclosed until the recipient replies
/// (<see cref="RevealedUtc"/>): from then on each mail carries the other party's address as Reply-To.
/// </summary>
public sealed class ContactThread
{
    public int Id { get; set; }
    public string InitiatorId { get; set; } = "";
    public string RecipientId { get; set; } = "";
    public string Subject { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? RevealedUtc { get; set; }
}

public sealed class ContactMessage
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public string FromUserId { get; set; } = "";
    public string Body { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
}

/// <summary>A participant's report of a conversation (unwanted, abusive); coordinators see them until they close them.</summary>
public sealed class ContactReport
{
    public int Id { get; set; }
    public int ThreadId { get; set; }
    public string ReporterId { get; set; } = "";
    public string Reason { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
}
