using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Mail.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>
/// The reminder N days before an event: one mail per confirmed, verified registration, with its calendar file; none for
/// the others; once whatever the number of runs, and across a restart of the site on the same data.
/// </summary>
public sealed class EventReminderTests : IDisposable
{
    private const string Hdf = "hauts-de-france";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "reseau-tests", "event-reminders-" + Guid.NewGuid().ToString("N"));

    private MovableClockFactory Host(TimeSpan advanced)
    {
        var factory = new MovableClockFactory();
        factory.Settings["Network:DataPath"] = _data;
        factory.Clock.Advance(advanced);
        return factory;
    }

    private static async Task<List<OutboxMessage>> RemindersAsync(NetworkWebFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => m.To == to && m.Subject.StartsWith("Rappel")).OrderBy(m => m.Id).ToListAsync();
    }

    private static string Address(string who) => $"{who}-{Guid.NewGuid():N}"[..20] + "@exemple.fr";

    [Fact]
    public async Task One_reminder_per_confirmed_registration_is_sent_once_across_runs_and_a_restart()
    {
        var start = DateTime.UtcNow.Date.AddDays(10).AddHours(8);
        var fields = EventsTestKit.Fields(start, capacity: 50, registrationOpensUtc: DateTime.UtcNow.AddDays(-1), registrationClosesUtc: start.AddDays(-1));
        var (confirmed, english, waitlisted, unverified, cancelled) = (Address("confirmee"), Address("english"), Address("attente"), Address("invite"), Address("annulee"));
        int eventId, confirmedId;
        var advance = TimeSpan.Zero;
        using (var first = Host(advance))
        {
            var e = await first.CreateEventAsync(Hdf, "Journée régionale « rappel » " + Guid.NewGuid().ToString("N")[..6], fields);
            eventId = e.Id;
            await first.ChangeSetupAsync(Hdf, e.Id, s => s.ReminderDaysBefore = 2);
            confirmedId = (await first.AddRegistrationRowAsync(Hdf, e.Id, confirmed, workshops: ["atelier-3d", "atelier-ia"])).Id;
            await first.AddRegistrationRowAsync(Hdf, e.Id, english, culture: "en");
            await first.AddRegistrationRowAsync(Hdf, e.Id, waitlisted, RegistrationStatus.Waitlisted);
            await first.AddRegistrationRowAsync(Hdf, e.Id, unverified, verified: false);
            await first.AddRegistrationRowAsync(Hdf, e.Id, cancelled, RegistrationStatus.Cancelled);
            var job = first.Service<EventReminderJob>();

            // Ten days before: too early.
            await job.SweepAsync();
            Assert.Empty(await RemindersAsync(first, confirmed));

            // Two days (and a minute) before: due.
            advance = start.AddDays(-2).AddMinutes(1) - DateTime.UtcNow;
            first.Clock.Advance(advance);
            await job.SweepAsync();
            await job.SweepAsync();
            var mails = await RemindersAsync(first, confirmed);
            var mail = Assert.Single(mails);
            Assert.Contains(e.Item.Title, mail.Subject);
            Assert.Contains("(heure de Paris)", mail.TextBody);
            Assert.Contains("Gare Saint-Sauveur, 17 boulevard Jean-Baptiste Lebas, 59000 Lille", mail.TextBody);
            Assert.Contains("Atelier : numériser en 3D", mail.TextBody);
            Assert.Contains("Atelier : IA et archives", mail.TextBody);
            Assert.DoesNotContain("médiation sonore", mail.TextBody);
            Assert.Contains($"/hauts-de-france/evenements/{e.Item.Slug}", mail.TextBody);
            var attachment = Assert.Single(mail.Attachments);
            Assert.Equal(IcsCalendar.ContentType, attachment.ContentType);
            var vevent = Assert.Single(IcsParser.Parse(attachment.Content).All("VEVENT"));
            Assert.StartsWith($"registration-{confirmedId}.hauts-de-france@", vevent.Text("UID"));
            Assert.Equal(IcsCalendar.ParisStamp(start), vevent.Single("DTSTART").RawValue);

            // In the language the person registered in.
            var englishMail = Assert.Single(await RemindersAnyAsync(first, english));
            Assert.StartsWith("Reminder: ", englishMail.Subject);
            Assert.Contains("(Paris time)", englishMail.TextBody);
            foreach (var nobody in new[] { waitlisted, unverified, cancelled })
                Assert.Empty(await RemindersAnyAsync(first, nobody));
            var marked = await first.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().Registrations.AsNoTracking()
                .Where(r => r.EventId == e.Id && r.ReminderSentUtc != null).Select(r => r.Email).ToListAsync());
            Assert.Equal(new[] { confirmed, english }.Order(StringComparer.Ordinal), marked.Order(StringComparer.Ordinal));
        }

        // Restarted on the same data, its own start-up sweep and an explicit one send nothing more.
        using (var second = Host(advance))
        {
            _ = second.Server;
            await second.Service<EventReminderJob>().SweepAsync();
            Assert.Single(await RemindersAsync(second, confirmed));
            Assert.Single(await RemindersAnyAsync(second, english));
            // A registration promoted from the waitlist before the due time, missed by the first round, gets its own, once;
            // one confirmed after the due time (its confirmation mail is fresh) gets none.
            var promoted = Address("promue");
            await second.AddRegistrationRowAsync(Hdf, eventId, promoted);
            var late = Address("tardive");
            var lateId = (await second.AddRegistrationRowAsync(Hdf, eventId, late)).Id;
            await second.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().Registrations.Where(r => r.Id == lateId)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.ConfirmedUtc, start.AddDays(-1))));
            await second.Service<EventReminderJob>().SweepAsync();
            await second.Service<EventReminderJob>().SweepAsync();
            Assert.Single(await RemindersAsync(second, promoted));
            Assert.Empty(await RemindersAnyAsync(second, late));
        }
    }

    private static async Task<List<OutboxMessage>> RemindersAnyAsync(NetworkWebFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync();
    }

    [Fact]
    public async Task No_reminder_for_a_cancelled_event_one_without_reminders_or_one_already_begun()
    {
        using var factory = Host(TimeSpan.Zero);
        var now = DateTime.UtcNow;
        EventFields Soon(double hours) => EventsTestKit.Fields(now.AddHours(hours), registrationOpensUtc: now.AddDays(-10), registrationClosesUtc: now.AddHours(hours - 1));
        var cancelled = await factory.CreateEventAsync(Hdf, "Annulée " + Guid.NewGuid().ToString("N")[..6], Soon(20));
        await factory.ChangeSetupAsync(Hdf, cancelled.Id, s => s.Status = EventStatus.Cancelled);
        var silent = await factory.CreateEventAsync(Hdf, "Sans rappel " + Guid.NewGuid().ToString("N")[..6], Soon(20));
        await factory.ChangeSetupAsync(Hdf, silent.Id, s => s.ReminderDaysBefore = 0);
        var begun = await factory.CreateEventAsync(Hdf, "Commencée " + Guid.NewGuid().ToString("N")[..6], Soon(2));
        var draft = await factory.CreateEventAsync(Hdf, "Brouillon " + Guid.NewGuid().ToString("N")[..6], Soon(20), publish: false);
        var addresses = new List<string>();
        foreach (var e in new[] { cancelled, silent, begun, draft })
        {
            var address = Address("personne");
            addresses.Add(address);
            await factory.AddRegistrationRowAsync(Hdf, e.Id, address);
        }
        factory.Clock.Advance(TimeSpan.FromHours(3)); // "begun" started an hour ago
        await factory.Service<EventReminderJob>().SweepAsync();
        foreach (var address in addresses) Assert.Empty(await RemindersAnyAsync(factory, address));
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
