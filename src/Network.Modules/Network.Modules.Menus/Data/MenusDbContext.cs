using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Menus.Data;

/// <summary>The tenant's main menu as coordinators saved it, in the tenant's database.</summary>
public sealed class MenusDbContext(DbContextOptions<MenusDbContext> options) : DbContext(options)
{
    public DbSet<MenuState> States => Set<MenuState>();
    public DbSet<MenuEntry> Entries => Set<MenuEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var state = modelBuilder.Entity<MenuState>();
        state.ToTable("MenuStates");
        state.Property(s => s.Id).ValueGeneratedNever();
        state.Property(s => s.Version).IsConcurrencyToken();

        var entry = modelBuilder.Entity<MenuEntry>();
        entry.ToTable("MenuEntries");
        entry.Property(e => e.Kind).HasConversion<string>().HasMaxLength(20);
        entry.Property(e => e.ModuleId).HasMaxLength(64);
        entry.Property(e => e.Target).HasMaxLength(MenuRules.TargetMaxLength);
        entry.Property(e => e.Label).HasMaxLength(MenuRules.LabelMaxLength);
        entry.Property(e => e.LabelEn).HasMaxLength(MenuRules.LabelMaxLength);
        entry.HasIndex(e => new { e.ParentEntryId, e.Position });
    }
}

/// <summary>
/// The one row saying whether the tenant has its own menu and at which version. Without it (or with
/// <see cref="IsCustom"/> false) the tenant shows the default menu of its enabled modules.
/// </summary>
public sealed class MenuState
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;

    /// <summary>False after "back to the default menu": the rows are gone, the version keeps counting.</summary>
    public bool IsCustom { get; set; }

    /// <summary>Incremented by every change; every form of the editor posts the version it was drawn from.</summary>
    public int Version { get; set; }

    public DateTime UpdatedUtc { get; set; }
}

public enum MenuEntryKind
{
    /// <summary>A title only: the heading of a submenu.</summary>
    Group = 0,
    /// <summary>A page of the Pages module, by id (its address may change).</summary>
    Page = 1,
    /// <summary>A module's list ("/projets"): <see cref="MenuEntry.ModuleId"/> and its navigation path.</summary>
    Module = 2,
    /// <summary>Another tenant-relative address of the site ("/contact").</summary>
    Path = 3,
    /// <summary>An absolute http(s) address of another site, opened in a new window.</summary>
    External = 4,
}

/// <summary>One entry of a saved menu: at the top (<see cref="ParentEntryId"/> null) or in a submenu, never deeper.</summary>
public sealed class MenuEntry
{
    public int Id { get; set; }
    public int? ParentEntryId { get; set; }
    public int Position { get; set; }
    public MenuEntryKind Kind { get; set; }
    public int? PageId { get; set; }
    public string? ModuleId { get; set; }

    /// <summary>The module's path, the site address or the external URL (null for pages and groups).</summary>
    public string? Target { get; set; }

    /// <summary>French label; empty means the page's title or the module's label.</summary>
    public string Label { get; set; } = "";

    /// <summary>English label; empty means the French one (or the module's English label).</summary>
    public string LabelEn { get; set; } = "";
}

public static class MenuRules
{
    public const int LabelMaxLength = 80;
    public const int TargetMaxLength = 500;
    public const int MaxEntries = 30;
}
