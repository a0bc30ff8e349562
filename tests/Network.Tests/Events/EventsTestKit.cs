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

    /// <summary>What a guest (or an account, given <paramref name="account"/> to the desk) types in the form.</summary>
    public static RegistrationRequest Request(string name, string email, params string[] workshops)
        => new(name, email, "Musée des Beaux-Arts", workshops, new Dictionary<string, string>(), "fr");

    public static string NewEmail(string who = "invite") => $"{who}-{Guid.NewGuid():N}@exemple.fr";

    /// <summary>Registers through the desk, as the form would.</summary>
    public static Task<RegistrationResult> RegisterAsync(this NetworkWebFactory factory, string tenant, int eventId, RegistrationRequest request, Registrant? account = null)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<RegistrationDesk>().RegisterAsync(eventId, request, account));

    public static Task<T> WithDeskAsync<T>(this NetworkWebFactory factory, string tenant, Func<RegistrationDesk, Task<T>> work)
        => factory.InTenantAsync(tenant, sp => work(sp.GetRequiredService<RegistrationDesk>()));

    /// <summary>The registration as stored now.</summary>
    public static Task<EventRegistration> StoredRegistrationAsync(this NetworkWebFactory factory, string tenant, int registrationId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().FirstAsync(r => r.Id == registrationId));

    public static Task<List<EventRegistration>> RegistrationsAsync(this NetworkWebFactory factory, string tenant, int eventId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    public static Task<List<WorkshopChoice>> ChoicesAsync(this NetworkWebFactory factory, string tenant, int registrationId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().WorkshopChoices.AsNoTracking().Where(c => c.RegistrationId == registrationId).OrderBy(c => c.Id).ToListAsync());

    /// <summary>Seats taken per counter ("" for the event).</summary>
    public static Task<Dictionary<string, int>> SeatsTakenAsync(this NetworkWebFactory factory, string tenant, int eventId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().SeatCounters.AsNoTracking().Where(c => c.EventId == eventId).ToDictionaryAsync(c => c.SessionKey, c => c.Taken));

    /// <summary>Sets the event's status as coordinators would (cancelled, postponed).</summary>
    public static Task SetStatusAsync(this NetworkWebFactory factory, string tenant, int eventId, EventStatus status)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var setup = await sp.GetRequiredService<EventSetups>().GetOrCreateAsync(eventId);
            setup.Status = status;
            setup.Version++;
            return await sp.GetRequiredService<EventsDbContext>().SaveChangesAsync();
        });

    /// <summary>The registration form's page of an event.</summary>
    public static string FormPath(string tenant, EventView view) => $"/{tenant}/evenements/{view.Item.Slug}/inscription";

    /// <summary>Posts the registration form as a browser would (its hidden fields, the antiforgery token, plus <paramref name="fields"/>).</summary>
    public static async Task<HttpResponseMessage> PostRegistrationAsync(this HttpClient client, string tenant, EventView view, params (string Name, string Value)[] fields)
    {
        var page = await client.GetDocumentAsync(FormPath(tenant, view));
        var values = HtmlForms.FormValues(page, "#inscription", null, fields.Select(f => f.Name).Distinct().ToArray());
        values.AddRange(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)));
        return await client.PostAsync(FormPath(tenant, view), new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Writes a registration straight into the tenant's database (no mail, no seat rules), for tests of what comes after
    /// registering: lists, exports, check-in, certificates, figures, retention. A confirmed one takes a seat of the event's
    /// counter, a confirmed workshop one of the workshop's. <paramref name="token"/> is the personal link's secret (random by
    /// default; only its hash is stored). Workshop choices wait when the registration waits.
    /// </summary>
    public static Task<EventRegistration> AddRegistrationAsync(this NetworkWebFactory factory, string tenant, int eventId, string fullName,
        string? email = null, RegistrationStatus status = RegistrationStatus.Confirmed, string organisation = "", IEnumerable<string>? workshops = null,
        IEnumerable<string>? waitlistedWorkshops = null, IReadOnlyDictionary<string, string>? answers = null, DateTime? checkedInUtc = null,
        string? userId = null, bool verified = true, string? token = null, DateTime? atUtc = null)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            var now = atUtc ?? sp.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
            email ??= $"{Guid.NewGuid():N}@inscrits.example.fr";
            var registration = new EventRegistration
            {
                EventId = eventId,
                UserId = userId,
                Email = email,
                NormalizedEmail = email.ToUpperInvariant(),
                FullName = fullName,
                Organisation = organisation,
                Status = status,
                CreatedUtc = now,
                UpdatedUtc = now,
                AddressVerifiedUtc = verified ? now : null,
                VerifyByUtc = verified ? null : now.AddHours(24),
                ConfirmedUtc = status == RegistrationStatus.Confirmed ? now : null,
                WaitlistedUtc = status == RegistrationStatus.Waitlisted ? now : null,
                CancelledUtc = status == RegistrationStatus.Cancelled ? now : null,
                TokenHash = token is null ? RegistrationTokens.New().Hash : RegistrationTokens.Hash(token),
                AnswersJson = System.Text.Json.JsonSerializer.Serialize(answers ?? new Dictionary<string, string>()),
                CheckedInUtc = checkedInUtc,
            };
            db.Registrations.Add(registration);
            await db.SaveChangesAsync();
            var waiting = status != RegistrationStatus.Confirmed;
            foreach (var (key, confirmed) in (workshops ?? []).Select(k => (k, !waiting)).Concat((waitlistedWorkshops ?? []).Select(k => (k, false))))
            {
                db.WorkshopChoices.Add(new WorkshopChoice
                {
                    RegistrationId = registration.Id, EventId = eventId, SessionKey = key, CreatedUtc = now,
                    Status = confirmed ? WorkshopChoiceStatus.Confirmed : WorkshopChoiceStatus.Waitlisted, WaitlistedUtc = confirmed ? null : now,
                });
                if (confirmed) await TakeSeatAsync(db, eventId, key);
            }
            if (status == RegistrationStatus.Confirmed) await TakeSeatAsync(db, eventId, "");
            await db.SaveChangesAsync();
            return registration;
        });

    private static async Task TakeSeatAsync(EventsDbContext db, int eventId, string key)
    {
        var counter = await db.SeatCounters.FirstOrDefaultAsync(c => c.EventId == eventId && c.SessionKey == key);
        if (counter is null) db.SeatCounters.Add(new SeatCounter { EventId = eventId, SessionKey = key, Taken = 1 });
        else counter.Taken++;
    }

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
