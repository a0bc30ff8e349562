using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
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

    /// <summary>
    /// A registration written straight into the tenant's database (not through the registration service), for tests of
    /// what coordinators do with registrations: a confirmed one takes a seat of the event's counter.
    /// </summary>
    public static Task<EventRegistration> AddRegistrationRowAsync(this NetworkWebFactory factory, string tenant, int eventId, RegistrationStatus status,
        string? email = null, string name = "Alex Inscrit", string culture = "fr")
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            var now = DateTime.UtcNow;
            email ??= $"inscrit-{Guid.NewGuid():N}@example.fr";
            var registration = new EventRegistration
            {
                EventId = eventId,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                FullName = name,
                Culture = culture,
                Status = status,
                CreatedUtc = now,
                UpdatedUtc = now,
                AddressVerifiedUtc = now,
                ConfirmedUtc = status == RegistrationStatus.Confirmed ? now : null,
                WaitlistedUtc = status == RegistrationStatus.Waitlisted ? now : null,
                CancelledUtc = status == RegistrationStatus.Cancelled ? now : null,
                TokenHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            if (status == RegistrationStatus.Confirmed)
                await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO EventSeatCounters (EventId, SessionKey, Taken) VALUES ({eventId}, '', 1) ON CONFLICT (EventId, SessionKey) DO UPDATE SET Taken = Taken + 1");
            return registration;
        });

    /// <summary>A workshop choice written straight into the tenant's database; a confirmed one takes a seat of the workshop.</summary>
    public static Task AddWorkshopChoiceRowAsync(this NetworkWebFactory factory, string tenant, EventRegistration registration, string sessionKey, WorkshopChoiceStatus status = WorkshopChoiceStatus.Confirmed)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            db.WorkshopChoices.Add(new WorkshopChoice
            {
                RegistrationId = registration.Id,
                EventId = registration.EventId,
                SessionKey = sessionKey,
                Status = status,
                CreatedUtc = DateTime.UtcNow,
                WaitlistedUtc = status == WorkshopChoiceStatus.Waitlisted ? DateTime.UtcNow : null,
            });
            await db.SaveChangesAsync();
            if (status == WorkshopChoiceStatus.Confirmed)
                await db.Database.ExecuteSqlInterpolatedAsync($"INSERT INTO EventSeatCounters (EventId, SessionKey, Taken) VALUES ({registration.EventId}, {sessionKey}, 1) ON CONFLICT (EventId, SessionKey) DO UPDATE SET Taken = Taken + 1");
            return true;
        });

    /// <summary>The event as the Events module sees it now (setup, seats, state).</summary>
    public static Task<EventView> EventViewAsync(this NetworkWebFactory factory, string tenant, int eventId)
        => factory.InTenantAsync(tenant, async sp => (await sp.GetRequiredService<EventSetups>().FindAsync(eventId))!);
}
