using Microsoft.EntityFrameworkCore;

namespace Network.Modules.Events.Data;

/// <summary>
/// The private side of the tenant's events, in the tenant's database: each event's setup (status, joining link,
/// reminder), its seat counters, the registrations with their workshop choices, and the log of what coordinators
/// did. An event's public definition is a content item of type "event" (see <see cref="Services.EventType"/>); these
/// rows point to it by its id.
/// </summary>
public sealed class EventsDbContext(DbContextOptions<EventsDbContext> options) : DbContext(options)
{
    public DbSet<EventSetup> Setups => Set<EventSetup>();
    public DbSet<SeatCounter> SeatCounters => Set<SeatCounter>();
    public DbSet<EventRegistration> Registrations => Set<EventRegistration>();
    public DbSet<WorkshopChoice> WorkshopChoices => Set<WorkshopChoice>();
    public DbSet<EventAuditEntry> AuditEntries => Set<EventAuditEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new EventSetupConfiguration());
        modelBuilder.ApplyConfiguration(new SeatCounterConfiguration());
        modelBuilder.ApplyConfiguration(new EventRegistrationConfiguration());
        modelBuilder.ApplyConfiguration(new WorkshopChoiceConfiguration());
        modelBuilder.ApplyConfiguration(new EventAuditEntryConfiguration());
    }
}

public static class EventRules
{
    public const int UserIdMaxLength = 450;
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 254;
    public const int OrganisationMaxLength = 200;
    public const int SessionKeyMaxLength = 80;
    public const int UrlMaxLength = 2_000;
    public const int NoteMaxLength = 2_000;
    public const int AnswersMaxLength = 20_000;
    public const int TokenHashMaxLength = 64;
    public const int AuditDetailMaxLength = 2_000;
}
