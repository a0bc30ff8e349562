using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>Events written straight through the services, for tests that exercise registration and what comes after.</summary>
public static class EventsTestKit
{
    /// <summary>
    /// A "Journée régionale"-like day starting at <paramref name="startUtc"/> (9:00 to 17:00 UTC offsets from it): a
    /// morning plenary, two overlapping afternoon workshops ("atelier-3d", "atelier-son") then a third after them
    /// ("atelier-ia"); two optional questions. Registration opened a week before <paramref name="registrationOpensUtc"/>.
    /// </summary>
    public static EventFields Fields(DateTime startUtc, int capacity = 120, int workshopCapacity = 20, DateTime? registrationOpensUtc = null, DateTime? registrationClosesUtc = null) => new()
    {
        Kind = EventKinds.StudyDay,
        Description = "Une journée pour partager les **projets numériques** des lieux culturels de la région.",
        StartUtc = startUtc,
        EndUtc = startUtc.AddHours(8),
        VenueName = "Gare Saint-Sauveur",
        StreetAddress = "17 boulevard Jean-Baptiste Lebas",
        PostalCode = "59000",
        City = "Lille",
        AccessibilityInfo = "Lieu de plain-pied ; boucle magnétique en salle plénière.",
        Capacity = capacity,
        RegistrationOpensUtc = registrationOpensUtc ?? startUtc.AddDays(-60),
        RegistrationClosesUtc = registrationClosesUtc ?? startUtc.AddDays(-1),
        Sessions =
        [
            new("pleniere", "Plénière : dix ans de projets numériques", startUtc, startUtc.AddHours(3), "Grande halle", "Direction régionale", "", false, null),
            new("atelier-3d", "Atelier : numériser en 3D", startUtc.AddHours(4.5), startUtc.AddHours(6), "Salle A", "Musée de Lille", "", true, workshopCapacity),
            new("atelier-son", "Atelier : médiation sonore", startUtc.AddHours(4.5), startUtc.AddHours(6), "Salle B", "Collectif Écoute", "", true, workshopCapacity),
            new("atelier-ia", "Atelier : IA et archives", startUtc.AddHours(6), startUtc.AddHours(7.5), "Salle A", "Archives départementales", "", true, workshopCapacity),
        ],
        Questions =
        [
            new("accessibilite", "Besoins d'accessibilité", "Pour adapter l'accueil et les salles."),
            new("regime", "Régime alimentaire", "Pour le déjeuner servi sur place."),
        ],
        ContactEmail = "evenements@drac.example.fr",
    };

    /// <summary>Creates (and by default publishes) an event as the system; its setup exists afterwards.</summary>
    public static Task<EventView> CreateEventAsync(this NetworkWebFactory factory, string tenant, string title, EventFields fields, bool publish = true, bool shared = true)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var type = sp.GetRequiredService<EventType>();
            var created = await store.CreateAsync(type, new ContentEdit(title, null, "Un événement de test.", shared, fields), ContentActor.System);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
            if (publish)
            {
                var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
                Assert.True(published.Succeeded);
            }
            return (await sp.GetRequiredService<EventSetups>().FindAsync(created.Item!.Id))!;
        });

    /// <summary>An event in 30 days whose registration is open now.</summary>
    public static Task<EventView> CreateOpenEventAsync(this NetworkWebFactory factory, string tenant, string title = "Journée régionale Culture et Numérique", int capacity = 120, int workshopCapacity = 20)
        => factory.CreateEventAsync(tenant, title, Fields(DateTime.UtcNow.Date.AddDays(30).AddHours(8), capacity, workshopCapacity, DateTime.UtcNow.AddDays(-1)));

    /// <summary>Writes a registration row as the registration flow would leave it (for tests of what comes after registering).</summary>
    public static Task<EventRegistration> AddRegistrationRowAsync(this NetworkWebFactory factory, string tenant, int eventId, string email,
        RegistrationStatus status = RegistrationStatus.Confirmed, bool verified = true, string culture = "fr", params string[] workshops)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            var now = DateTime.UtcNow;
            var registration = new EventRegistration
            {
                EventId = eventId,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                FullName = "Personne " + email.Split('@')[0],
                Culture = culture,
                Status = status,
                CreatedUtc = now,
                UpdatedUtc = now,
                AddressVerifiedUtc = verified ? now : null,
                VerifyByUtc = verified ? null : now.AddHours(24),
                ConfirmedUtc = status == RegistrationStatus.Confirmed ? now : null,
                WaitlistedUtc = status == RegistrationStatus.Waitlisted ? now : null,
                CancelledUtc = status == RegistrationStatus.Cancelled ? now : null,
                TokenHash = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)).ToLowerInvariant(),
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            foreach (var key in workshops)
                db.WorkshopChoices.Add(new WorkshopChoice { RegistrationId = registration.Id, EventId = eventId, SessionKey = key, Status = WorkshopChoiceStatus.Confirmed, CreatedUtc = now });
            await db.SaveChangesAsync();
            return registration;
        });

    /// <summary>Sets how many seats of the event ("") or of a workshop are taken.</summary>
    public static Task SetSeatsTakenAsync(this NetworkWebFactory factory, string tenant, int eventId, string sessionKey, int taken)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            var counter = await db.SeatCounters.FindAsync(eventId, sessionKey);
            if (counter is null) db.SeatCounters.Add(new SeatCounter { EventId = eventId, SessionKey = sessionKey, Taken = taken });
            else counter.Taken = taken;
            await db.SaveChangesAsync();
            return true;
        });

    /// <summary>Changes the event's setup (status, reminder delay...) as a coordinator's action would, and advances the tenant's generation.</summary>
    public static Task ChangeSetupAsync(this NetworkWebFactory factory, string tenant, int eventId, Action<EventSetup> change)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var setup = await sp.GetRequiredService<EventSetups>().GetOrCreateAsync(eventId);
            change(setup);
            setup.Version++;
            await sp.GetRequiredService<EventsDbContext>().SaveChangesAsync();
            sp.GetRequiredService<Network.Core.Tenancy.TenantGenerations>().Advance(tenant);
            return true;
        });
}
