using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Mail.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Events;

/// <summary>Registration through the desk: seats, waitlists in order, promotion, workshops, duplicates and refusals.</summary>
public sealed class RegistrationDeskTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    private async Task<Registrant> AccountAsync(string name)
    {
        var person = await factory.PersonAsync(Region, NetworkRoles.Member, name);
        return new Registrant(person.User.Id, person.Email);
    }

    [Fact]
    public async Task A_full_event_waitlists_in_order_and_a_cancellation_promotes_the_first_waiting_who_is_told()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée complète"), capacity: 2);
        var a = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Alice Premier", "x@y.fr"), await AccountAsync("Alice Premier"));
        var b = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Bruno Second", ""), await AccountAsync("Bruno Second"));
        var c = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Chloé Troisième", ""), await AccountAsync("Chloé Troisième"));
        var d = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Driss Quatrième", ""), await AccountAsync("Driss Quatrième"));
        Assert.All(new[] { a, b, c, d }, r => Assert.Equal(RegistrationOutcome.Registered, r.Outcome));
        Assert.Equal(RegistrationStatus.Confirmed, a.Registration!.Status);
        Assert.Equal(RegistrationStatus.Confirmed, b.Registration!.Status);
        Assert.Equal((RegistrationStatus.Waitlisted, 1), (c.Registration!.Status, c.WaitlistPosition!.Value));
        Assert.Equal((RegistrationStatus.Waitlisted, 2), (d.Registration!.Status, d.WaitlistPosition!.Value));
        Assert.Equal(2, (await factory.SeatsTakenAsync(Region, view.Id))[""]);
        // An account's address is the account's, whatever the form said.
        Assert.NotEqual("x@y.fr", a.Registration.Email);

        var cancelled = await factory.WithDeskAsync(Region, desk => desk.CancelAsync(a.Registration.Id, a.Registration.UserId!, "Alice Premier"));
        Assert.Equal(ChangeOutcome.Done, cancelled.Outcome);
        Assert.Equal(RegistrationStatus.Cancelled, (await factory.StoredRegistrationAsync(Region, a.Registration.Id)).Status);
        var promoted = await factory.StoredRegistrationAsync(Region, c.Registration.Id);
        Assert.Equal(RegistrationStatus.Confirmed, promoted.Status);
        Assert.NotNull(promoted.ConfirmedUtc);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.StoredRegistrationAsync(Region, d.Registration.Id)).Status);
        Assert.Equal(2, (await factory.SeatsTakenAsync(Region, view.Id))[""]);
        var mail = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == promoted.Email && m.Subject.StartsWith("Une place s'est libérée"))));
        Assert.Contains(view.Item.Title, mail.Subject);
        // Driss is now first in line.
        var dView = await factory.WithDeskAsync(Region, async desk => (await desk.ViewAsync(await factory.StoredRegistrationAsync(Region, d.Registration.Id)))!);
        Assert.Equal(1, dView.WaitlistPosition);

        // A second cancellation (double click) changes nothing more.
        var again = await factory.WithDeskAsync(Region, desk => desk.CancelAsync(a.Registration.Id, a.Registration.UserId!, "Alice Premier"));
        Assert.Equal(ChangeOutcome.Done, again.Outcome);
        Assert.Equal(2, (await factory.SeatsTakenAsync(Region, view.Id))[""]);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.StoredRegistrationAsync(Region, d.Registration.Id)).Status);
    }

    [Fact]
    public async Task A_new_registration_its_choices_and_its_audit_entry_are_stored_as_EF_stores_them()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée stockée"), capacity: 1, workshopCapacity: 1);
        // The first takes the seats; the second waits, with a waiting workshop choice.
        var first = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Paule Première", EventsTestKit.NewEmail(), "atelier-3d"));
        var email = EventsTestKit.NewEmail();
        var second = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("  Quentin Second ", email, "atelier-3d"));
        Assert.Equal(RegistrationStatus.Waitlisted, second.Registration!.Status);

        var stored = await factory.StoredRegistrationAsync(Region, second.Registration.Id);
        Assert.Equal((view.Id, email, email.ToUpperInvariant(), "Quentin Second", "fr", RegistrationStatus.Waitlisted, 1),
            (stored.EventId, stored.Email, stored.NormalizedEmail, stored.FullName, stored.Culture, stored.Status, stored.Version));
        Assert.Null(stored.UserId);
        Assert.Null(stored.ConfirmedUtc);
        Assert.Null(stored.AddressVerifiedUtc);
        Assert.Equal(second.Registration.CreatedUtc, stored.CreatedUtc);
        Assert.Equal(second.Registration.WaitlistedUtc, stored.WaitlistedUtc);
        Assert.Equal(second.Registration.VerifyByUtc, stored.VerifyByUtc);
        Assert.Equal(RegistrationTokens.Hash(second.Token!), stored.TokenHash);
        var choice = Assert.Single(await factory.ChoicesAsync(Region, stored.Id));
        Assert.Equal(("atelier-3d", WorkshopChoiceStatus.Waitlisted, stored.WaitlistedUtc), (choice.SessionKey, choice.Status, choice.WaitlistedUtc));
        Assert.Equal(WorkshopChoiceStatus.Confirmed, Assert.Single(await factory.ChoicesAsync(Region, first.Registration!.Id)).Status);

        // Dates are ordered as text by SQLite: the SQL-written ones must have EF's form (the waitlist's order and every
        // date filter rest on it). Cancelling goes through EF and writes CancelledUtc beside them.
        Assert.Equal(ChangeOutcome.Done, (await factory.WithDeskAsync(Region, desk => desk.CancelAsync(second.Registration.Id, "", "Quentin Second"))).Outcome);
        var (created, waitlisted, cancelled, audited) = await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            var row = await db.Database.SqlQuery<string>($"""SELECT "CreatedUtc" || '|' || "WaitlistedUtc" || '|' || "CancelledUtc" AS "Value" FROM "EventRegistrations" WHERE "Id" = {stored.Id}""").ToListAsync();
            var audit = await db.Database.SqlQuery<string>($"""SELECT "Action" || '|' || "UserName" || '|' || "AtUtc" AS "Value" FROM "EventAuditEntries" WHERE "RegistrationId" = {stored.Id} ORDER BY "Id" """).ToListAsync();
            var parts = row.Single().Split('|');
            return (parts[0], parts[1], parts[2], audit);
        });
        var efForm = new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(\.\d{1,7})?$");
        Assert.All(new[] { created, waitlisted, cancelled }, text => Assert.Matches(efForm, text));
        Assert.Equal(EventAuditActions.Waitlisted, audited[0].Split('|')[0]);
        Assert.Equal("Quentin Second", audited[0].Split('|')[1]);
        Assert.Matches(efForm, audited[0].Split('|')[2]);
    }

    [Fact]
    public async Task Workshops_have_their_own_seats_and_waitlists_and_dropping_one_promotes_the_next()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée ateliers"), capacity: 10, workshopCapacity: 1);
        var first = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Inès Atelier", "", "atelier-3d", "atelier-ia"), await AccountAsync("Inès Atelier"));
        var second = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Jules Attente", "", "atelier-3d"), await AccountAsync("Jules Attente"));
        Assert.Equal(RegistrationStatus.Confirmed, first.Registration!.Status);
        var firstChoices = await factory.ChoicesAsync(Region, first.Registration.Id);
        Assert.All(firstChoices, c => Assert.Equal(WorkshopChoiceStatus.Confirmed, c.Status));
        var secondChoice = Assert.Single(await factory.ChoicesAsync(Region, second.Registration!.Id));
        Assert.Equal(WorkshopChoiceStatus.Waitlisted, secondChoice.Status);
        Assert.Equal(RegistrationStatus.Confirmed, second.Registration.Status);

        var changed = await factory.WithDeskAsync(Region, desk => desk.ChangeWorkshopsAsync(first.Registration.Id, ["atelier-ia"], first.Registration.UserId, "Inès"));
        Assert.Equal(ChangeOutcome.Done, changed.Outcome);
        Assert.Equal(WorkshopChoiceStatus.Confirmed, Assert.Single(await factory.ChoicesAsync(Region, second.Registration.Id)).Status);
        Assert.Equal("atelier-ia", Assert.Single(await factory.ChoicesAsync(Region, first.Registration.Id)).SessionKey);
        var seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal(1, seats["atelier-3d"]);
        Assert.Equal(1, seats["atelier-ia"]);
        Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == second.Registration.Email && m.Subject.StartsWith("Une place s'est libérée"))));
    }

    [Fact]
    public async Task Someone_waiting_for_the_event_holds_no_workshop_seat_until_promoted()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée petite"), capacity: 1, workshopCapacity: 5);
        var holder = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Léa Place", ""), await AccountAsync("Léa Place"));
        var waiting = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Marc Attente", "", "atelier-son"), await AccountAsync("Marc Attente"));
        Assert.Equal(RegistrationStatus.Waitlisted, waiting.Registration!.Status);
        Assert.Equal(WorkshopChoiceStatus.Waitlisted, Assert.Single(await factory.ChoicesAsync(Region, waiting.Registration.Id)).Status);
        Assert.False((await factory.SeatsTakenAsync(Region, view.Id)).GetValueOrDefault("atelier-son") > 0);

        await factory.WithDeskAsync(Region, desk => desk.CancelAsync(holder.Registration!.Id, holder.Registration.UserId!, "Léa"));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, waiting.Registration.Id)).Status);
        Assert.Equal(WorkshopChoiceStatus.Confirmed, Assert.Single(await factory.ChoicesAsync(Region, waiting.Registration.Id)).Status);
        Assert.Equal(1, (await factory.SeatsTakenAsync(Region, view.Id))["atelier-son"]);
    }

    [Fact]
    public async Task Overlapping_or_unknown_workshops_are_refused_with_a_clear_message_and_nothing_is_recorded()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée chevauchement"));
        var overlap = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nina Double", EventsTestKit.NewEmail(), "atelier-3d", "atelier-son"));
        Assert.Equal(RegistrationOutcome.Invalid, overlap.Outcome);
        Assert.Contains(overlap.Errors, e => e.Field == "Workshops" && e.Message.Contains("en même temps") && e.Message.Contains("numériser en 3D"));
        var unknown = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nina Double", EventsTestKit.NewEmail(), "atelier-fantome"));
        Assert.Contains(unknown.Errors, e => e.Field == "Workshops" && e.Message.Contains("n'existe pas"));
        // A plenary session is not a workshop one can pick.
        var plenary = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nina Double", EventsTestKit.NewEmail(), "pleniere"));
        Assert.Equal(RegistrationOutcome.Invalid, plenary.Outcome);
        Assert.Empty(await factory.RegistrationsAsync(Region, view.Id));

        // Back-to-back workshops are fine.
        var fine = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nina Double", EventsTestKit.NewEmail(), "atelier-3d", "atelier-ia"));
        Assert.Equal(RegistrationOutcome.Registered, fine.Outcome);
    }

    [Fact]
    public async Task Registering_twice_with_the_same_address_returns_the_first_registration_and_changes_nothing()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée doublon"));
        var email = EventsTestKit.NewEmail("double");
        var first = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Olga Deux-Fois", email, "atelier-3d"));
        var second = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Autre Nom", email.ToUpperInvariant(), "atelier-son"));
        Assert.Equal(RegistrationOutcome.AlreadyRegistered, second.Outcome);
        Assert.Equal(first.Registration!.Id, second.Registration!.Id);
        Assert.Null(second.Token);
        var row = Assert.Single(await factory.RegistrationsAsync(Region, view.Id));
        Assert.Equal("Olga Deux-Fois", row.FullName);
        Assert.Equal(first.Registration.TokenHash, row.TokenHash);
        Assert.Equal("atelier-3d", Assert.Single(await factory.ChoicesAsync(Region, row.Id)).SessionKey);
        Assert.Equal(1, (await factory.SeatsTakenAsync(Region, view.Id))[""]);
        Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == email)));
    }

    [Fact]
    public async Task Bad_input_and_unavailable_events_are_refused_with_clear_messages()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée refus"));
        var invalid = await factory.RegisterAsync(Region, view.Id, new RegistrationRequest("", "pas-une-adresse", new string('o', 201), [],
            new Dictionary<string, string> { ["regime"] = new string('x', 501), ["inconnue"] = "ignorée" }, "fr"));
        Assert.Equal(RegistrationOutcome.Invalid, invalid.Outcome);
        Assert.Equal(["Answers.regime", "Email", "FullName", "Organisation"], invalid.Errors.Select(e => e.Field).Order().ToArray());
        Assert.Equal(RegistrationOutcome.Invalid, (await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nom", "a@b"))).Outcome);

        // Another region's event id, an unknown id, an unpublished event: not found here.
        // (Ids are per tenant database: take one that names no event here, as a forged form would.)
        EventView elsewhere;
        do elsewhere = await factory.CreateOpenEventAsync("nouvelle-aquitaine", Unique("Journée ailleurs"));
        while (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<EventSetups>().FindAsync(elsewhere.Id)) is not null);
        Assert.Equal(RegistrationOutcome.NotFound, (await factory.RegisterAsync(Region, elsewhere.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Outcome);
        Assert.Empty(await factory.RegistrationsAsync("nouvelle-aquitaine", elsewhere.Id));
        Assert.Equal(RegistrationOutcome.NotFound, (await factory.RegisterAsync(Region, 999_999, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Outcome);
        var draft = await factory.CreateEventAsync(Region, Unique("Journée brouillon"), EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(30), registrationOpensUtc: DateTime.UtcNow.AddDays(-1)), publish: false);
        Assert.Equal(RegistrationOutcome.NotFound, (await factory.RegisterAsync(Region, draft.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Outcome);

        await factory.SetStatusAsync(Region, view.Id, EventStatus.Cancelled);
        var cancelled = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()));
        Assert.Equal((RegistrationOutcome.Refused, true), (cancelled.Outcome, cancelled.Message!.Contains("annulé")));
        await factory.SetStatusAsync(Region, view.Id, EventStatus.Postponed);
        Assert.Contains("reporté", (await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Message);

        var now = DateTime.UtcNow;
        var later = await factory.CreateEventAsync(Region, Unique("Journée future"), EventsTestKit.Fields(now.Date.AddDays(40), registrationOpensUtc: now.AddDays(2)));
        Assert.Contains("ouvriront le", (await factory.RegisterAsync(Region, later.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Message);
        var closed = await factory.CreateEventAsync(Region, Unique("Journée close"), EventsTestKit.Fields(now.AddHours(12), registrationOpensUtc: now.AddDays(-5), registrationClosesUtc: now.AddMinutes(-1)));
        Assert.Contains("closes depuis", (await factory.RegisterAsync(Region, closed.Id, EventsTestKit.Request("Nom", EventsTestKit.NewEmail()))).Message);
        Assert.Empty(await factory.RegistrationsAsync(Region, view.Id));
        Assert.Empty(await factory.RegistrationsAsync(Region, closed.Id));
    }

    [Fact]
    public async Task The_confirmation_mail_carries_the_personal_link_and_a_calendar_file_that_parses()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée agenda"));
        var account = await AccountAsync("Paul Agenda");
        var result = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Paul Agenda", "", "atelier-ia"), account);
        var message = await ConfirmationAsync(account.Email, view.Item.Title);
        Assert.StartsWith("Inscription confirmée", message.Subject);
        Assert.Contains(RegistrationTokens.PathOf(result.Token!), message.TextBody);
        Assert.Equal(RegistrationTokens.Hash(result.Token!), result.Registration!.TokenHash);
        Assert.DoesNotContain(result.Token!, (await factory.StoredRegistrationAsync(Region, result.Registration.Id)).TokenHash);
        Assert.Contains("Atelier : IA et archives", message.TextBody);
        var attachment = Assert.Single(message.Attachments);
        Assert.StartsWith("text/calendar", attachment.ContentType);
        var calendar = IcsParser.Parse(attachment.Content);
        var vevent = Assert.Single(calendar.All("VEVENT"));
        Assert.StartsWith($"registration-{result.Registration.Id}.{Region}@", vevent.Text("UID"));
        Assert.Equal(view.Item.Title, vevent.Text("SUMMARY"));
        Assert.Equal("Europe/Paris", vevent.Single("DTSTART").Parameters["TZID"]);
        Assert.EndsWith($"/evenements/{view.Item.Slug}", vevent.Single("URL").RawValue);
    }

    /// <summary>The one mail about <paramref name="title"/> queued for <paramref name="email"/>, with its attachments.</summary>
    private async Task<OutboxMessage> ConfirmationAsync(string email, string title)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        return await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments).SingleAsync(m => m.To == email && m.Subject.Contains(title));
    }

    [Fact]
    public async Task A_waitlisted_person_is_told_their_position_without_a_calendar_file_and_an_online_link_only_reaches_the_confirmed()
    {
        var now = DateTime.UtcNow;
        var fields = EventsTestKit.Fields(now.Date.AddDays(20).AddHours(8), capacity: 1, registrationOpensUtc: now.AddDays(-1));
        fields.Online = true;
        fields.VenueName = "";
        var view = await factory.CreateEventAsync(Region, Unique("Webinaire"), fields);
        await factory.InTenantAsync(Region, async sp =>
        {
            var setup = await sp.GetRequiredService<EventSetups>().GetOrCreateAsync(view.Id);
            setup.OnlineJoinUrl = "https://visio.example.fr/salle-secrete";
            return await sp.GetRequiredService<EventsDbContext>().SaveChangesAsync();
        });
        var seated = await AccountAsync("Rémi Connecté");
        var waiting = await AccountAsync("Sarah Patiente");
        await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Rémi Connecté", ""), seated);
        var w = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Sarah Patiente", ""), waiting);
        var seatedMail = await ConfirmationAsync(seated.Email, view.Item.Title);
        Assert.Contains("salle-secrete", seatedMail.TextBody);
        Assert.Contains("salle-secrete", IcsParser.Parse(seatedMail.Attachments.Single().Content).All("VEVENT").Single().Text("DESCRIPTION"));
        var waitingMail = await ConfirmationAsync(waiting.Email, view.Item.Title);
        Assert.StartsWith("Liste d'attente", waitingMail.Subject);
        Assert.Contains("position 1", waitingMail.TextBody);
        Assert.DoesNotContain("salle-secrete", waitingMail.TextBody);
        Assert.Empty(waitingMail.Attachments);
        Assert.Null((await factory.WithDeskAsync(Region, desk => desk.ViewAsync(w.Registration!)))!.JoinUrl);
    }
}
