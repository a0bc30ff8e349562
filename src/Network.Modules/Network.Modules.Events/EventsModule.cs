using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Data;
using Network.Modules.Events.Api;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.OpenData;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;
using Network.Modules.Events.Data;
using Network.Modules.Events.Home;
using Network.Modules.Events.OpenData;
using Network.Modules.Events.Recipes;
using Network.Modules.Events.Services;

namespace Network.Modules.Events;

/// <summary>
/// Events from publication to attendance: the event (a content type) with its programme and workshops, online
/// registration with capacity and waitlists, calendar files and feeds, reminders, check-in, certificates, statistics,
/// and the deletion of personal data after the event.
/// </summary>
public sealed class EventsModule : NetworkModule
{
    public const string ModuleId = "Events";

    public static readonly Permission ManageEvents = new("ManageEvents", "Gérer les événements, leurs inscriptions et l'émargement", NetworkRoles.Coordinator);

    public override string Id => ModuleId;
    public override string Name => "Événements";
    public override string Description => "Événements : programme et ateliers, inscriptions en ligne avec jauge et liste d'attente, fichiers d'agenda, rappels, émargement et statistiques.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media", "Mail"];
    public override IReadOnlyList<Permission> Permissions => [ManageEvents];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(EventsDbContext)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Événements", "/admin/evenements", ManageEvents.Name, 35)];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Événements", "/evenements", 45)];
    public override IReadOnlyList<string> PrivatePaths => ["/evenements/inscription/", "/evenements/*/inscription"];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(EventsUpcomingViewComponent.BlockTypeId, "Prochains événements", "Les prochains événements avec leur date et leur lieu ; sur le site national, ceux que les régions partagent.",
            typeof(EventsUpcomingViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 125),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<EventsDbContext>();
        services.AddSingleton<EventType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<EventType>());
        services.AddContentFeed<EventFeed>();
        services.AddSingleton<IApiResource, EventApiResource>();
        services.AddScoped<EventSetups>();
        services.AddScoped<EventCoordinatorDesk>();
        services.AddOptions<RegistrationOptions>().Bind(configuration.GetSection(RegistrationOptions.Section));
        services.AddScoped<RegistrationMails>();
        services.AddSingleton<RegistrationGate>();
        services.AddSingleton<RegistrationBatcher>();
        services.AddScoped<RegistrationDesk>();
        services.AddSingleton<GuestExpiryJob>();
        services.AddHostedService(sp => sp.GetRequiredService<GuestExpiryJob>());
        services.AddScoped<EventCatalog>();
        services.AddScoped<EventCalendar>();
        services.AddScoped<EventReminders>();
        services.AddSingleton<EventReminderJob>();
        services.AddHostedService(sp => sp.GetRequiredService<EventReminderJob>());
        // Attendance: attendee list and export, check-in, certificates, figures, personal-data retention.
        services.AddScoped<AttendanceRoster>();
        services.AddScoped<CheckInDesk>();
        services.AddScoped<AttendanceCertificates>();
        services.AddScoped<AttendanceStatistics>();
        services.AddScoped<RegistrationRetention>();
        services.AddOptions<EventRetentionOptions>().Bind(configuration.GetSection(EventRetentionOptions.Section));
        services.AddSingleton<EventRetentionWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<EventRetentionWorker>());
        services.AddSingleton<RecipeStepHandler, EventsStep>();
        services.AddSingleton<ICliCommand, EventsBenchSeedCommand>();
        services.AddOpenDataset<EventsOpenData>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        EventCalendarEndpoints.Map(endpoints);
        endpoints.MapContentFeed<EventFeed>();
        endpoints.MapOpenDataset<EventsOpenData>(EventsOpenData.Definition);
    }
}
