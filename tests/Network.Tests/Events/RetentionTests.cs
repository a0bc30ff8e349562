using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>
/// The retention jobs against a movable clock: the answers go 7 days after the event's end, the identities 6 months after;
/// reruns change nothing more, the figures stay, and another tenant's registrations are left alone.
/// </summary>
public sealed class RetentionTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    private static readonly Dictionary<string, string> Answers = new() { ["accessibilite"] = "Boucle magnétique", ["regime"] = "Sans gluten" };

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the clock to <paramref name="target"/> (never backwards).</summary>
    private void MoveTo(DateTime target)
    {
        Assert.True(target > Now, "The clock only moves forward.");
        factory.Clock.Advance(target - Now);
    }

    private Task<RetentionPass> RunAsync(string tenant) => factory.Service<EventRetentionWorker>().RunAsync(factory.Tenant(tenant));

    private Task<List<EventRegistration>> RegistrationsAsync(string tenant, int eventId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking().Where(r => r.EventId == eventId).OrderBy(r => r.Id).ToListAsync());

    private Task<List<EventAuditEntry>> LogAsync(string tenant, int eventId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<EventsDbContext>().AuditEntries.AsNoTracking().Where(e => e.EventId == eventId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Answers_go_seven_days_after_the_end_and_identities_six_months_after_keeping_the_figures()
    {
        // An event that ended an hour ago, in both regions.
        var start = Now.AddHours(-9);
        var fields = EventsTestKit.Fields(start, capacity: 10, registrationOpensUtc: start.AddDays(-30), registrationClosesUtc: start.AddDays(-1));
        var ev = await factory.CreateEventAsync(Hdf, "Journée révolue " + Guid.NewGuid().ToString("N")[..6], fields);
        var naEv = await factory.CreateEventAsync(Na, "Journée aquitaine révolue", EventsTestKit.Fields(start.AddDays(10), capacity: 10, registrationOpensUtc: start.AddDays(-30), registrationClosesUtc: start.AddDays(-1)));
        var token = RegistrationTokens.New().Token;
        var present = await factory.AddRegistrationAsync(Hdf, ev.Id, "Élise Présente", email: "elise@musee.example.fr", organisation: "Musée de Lille",
            workshops: ["atelier-3d"], answers: Answers, checkedInUtc: start.AddMinutes(5), userId: "compte-elise", token: token);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Bruno Absent", answers: Answers);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Chloé Attente", status: RegistrationStatus.Waitlisted, answers: Answers);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Denis Annulé", status: RegistrationStatus.Cancelled);
        var naPerson = await factory.AddRegistrationAsync(Na, naEv.Id, "Noémie Aquitaine", answers: Answers);
        // What the person did was logged under her name.
        await factory.InTenantAsync(Hdf, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            EventAuditLog.Add(db, sp.GetRequiredService<TimeProvider>(), new EventActor("compte-elise", "Élise Présente"), ev.Id, present.Id, EventAuditActions.Registered, "Inscription d'elise@musee.example.fr");
            return await db.SaveChangesAsync();
        });
        var figuresBefore = await FiguresAsync(ev.Id);
        var end = fields.EndUtc;

        // Just before the limit: nothing.
        MoveTo(end.AddDays(7).AddMinutes(-1));
        Assert.Equal(new RetentionPass(0, 0), await RunAsync(Hdf));
        Assert.All(await RegistrationsAsync(Hdf, ev.Id), r => Assert.Null(r.AnswersDeletedUtc));
        Assert.Equal("Boucle magnétique", AttendanceRoster.Answers(await factory.StoredRegistrationAsync(Hdf, present.Id))!["accessibilite"]);

        // Just after: the answers go, for every registration of the event; names stay.
        MoveTo(end.AddDays(7).AddMinutes(1));
        var ranAt = Now;
        Assert.Equal(new RetentionPass(4, 0), await RunAsync(Hdf));
        var afterAnswers = await RegistrationsAsync(Hdf, ev.Id);
        Assert.All(afterAnswers, r => Assert.Equal("{}", r.AnswersJson));
        Assert.All(afterAnswers, r => Assert.InRange(r.AnswersDeletedUtc!.Value, ranAt, Now));
        Assert.Contains(afterAnswers, r => r.FullName == "Élise Présente");
        Assert.All(afterAnswers, r => Assert.Null(r.AnonymisedUtc));
        Assert.Single(await LogAsync(Hdf, ev.Id), e => e.Action == EventAuditActions.AnswersDeleted);
        // Rerun: nothing more, no second log entry.
        Assert.Equal(new RetentionPass(0, 0), await RunAsync(Hdf));
        Assert.Single(await LogAsync(Hdf, ev.Id), e => e.Action == EventAuditActions.AnswersDeleted);
        // The other region's event (ten days later) and its own database: untouched.
        Assert.Equal("Boucle magnétique", AttendanceRoster.Answers(await factory.StoredRegistrationAsync(Na, naPerson.Id))!["accessibilite"]);

        // The certificate still works by the personal link until the anonymisation.
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await anonymous.GetAsync($"/{Hdf}/evenements/inscription/{token}/attestation")).StatusCode);

        // Six months after the end, to the minute.
        MoveTo(end.AddMonths(6).AddMinutes(-1));
        Assert.Equal(0, (await RunAsync(Hdf)).Anonymised);
        MoveTo(end.AddMonths(6).AddMinutes(1));
        ranAt = Now;
        Assert.Equal(4, (await RunAsync(Hdf)).Anonymised);
        var anonymised = await RegistrationsAsync(Hdf, ev.Id);
        Assert.All(anonymised, r =>
        {
            Assert.Equal(RegistrationRetention.AnonymousName, r.FullName);
            Assert.Equal(RegistrationRetention.AnonymousEmail(r.Id), r.Email);
            Assert.Equal(r.Email.ToUpperInvariant(), r.NormalizedEmail);
            Assert.Equal("", r.Organisation);
            Assert.Null(r.UserId);
            Assert.Equal("anonymised-" + r.Id, r.TokenHash);
            Assert.InRange(r.AnonymisedUtc!.Value, ranAt, Now);
        });
        var elise = anonymised.Single(r => r.Id == present.Id);
        Assert.Equal((RegistrationStatus.Confirmed, start.AddMinutes(5)), (elise.Status, elise.CheckedInUtc!.Value));
        Assert.Equal([RegistrationStatus.Confirmed, RegistrationStatus.Confirmed, RegistrationStatus.Waitlisted, RegistrationStatus.Cancelled], anonymised.Select(r => r.Status));
        Assert.Equal(figuresBefore, await FiguresAsync(ev.Id));
        var log = await LogAsync(Hdf, ev.Id);
        var registered = log.Single(e => e.Action == EventAuditActions.Registered);
        Assert.Equal(("", "", ""), (registered.UserId, registered.UserName, registered.Detail));
        Assert.Single(log, e => e.Action == EventAuditActions.Anonymised);
        // The personal link is dead.
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{Hdf}/evenements/inscription/{token}/attestation")).StatusCode);

        Assert.Equal(new RetentionPass(0, 0), await RunAsync(Hdf));
        Assert.Single(await LogAsync(Hdf, ev.Id), e => e.Action == EventAuditActions.Anonymised);
        Assert.Equal("Noémie Aquitaine", (await factory.StoredRegistrationAsync(Na, naPerson.Id)).FullName);

        // The other region, processed on its own, follows its own event's dates (ten days later).
        Assert.Equal(new RetentionPass(1, 0), await RunAsync(Na));
        MoveTo(end.AddDays(10).AddMonths(6).AddMinutes(1));
        Assert.Equal(new RetentionPass(0, 1), await RunAsync(Na));
        var na = await factory.StoredRegistrationAsync(Na, naPerson.Id);
        Assert.Equal((RegistrationRetention.AnonymousName, "{}"), (na.FullName, na.AnswersJson));
    }

    [Fact]
    public async Task Events_still_to_come_keep_everything()
    {
        var fields = EventsTestKit.Fields(Now.AddDays(20), registrationOpensUtc: Now.AddDays(-1));
        var ev = await factory.CreateEventAsync(Hdf, "Journée à venir", fields);
        var person = await factory.AddRegistrationAsync(Hdf, ev.Id, "Fanny Future", answers: Answers);
        await RunAsync(Hdf);
        var stored = await factory.StoredRegistrationAsync(Hdf, person.Id);
        Assert.Equal(("Fanny Future", null, null), (stored.FullName, stored.AnswersDeletedUtc, stored.AnonymisedUtc));
        Assert.Equal("Sans gluten", AttendanceRoster.Answers(stored)!["regime"]);
    }

    private Task<(int, int, int, int, int)> FiguresAsync(int eventId)
        => factory.InTenantAsync(Hdf, async sp =>
        {
            var f = await sp.GetRequiredService<AttendanceStatistics>().OfAsync((await sp.GetRequiredService<EventSetups>().FindAsync(eventId))!);
            return (f.Registrations, f.Confirmed, f.Waitlisted, f.Cancelled, f.CheckedIn);
        });
}
