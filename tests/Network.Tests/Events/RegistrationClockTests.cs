using System.Net;
using Network.Core.Security;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Events;

/// <summary>Registration against the server clock (a movable one: the whole host sees it): the window to the second, guests' expiry.</summary>
public sealed class RegistrationClockTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    private const string Region = "hauts-de-france";

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    private void MoveTo(DateTime at)
    {
        var by = at - Now;
        Assert.True(by > TimeSpan.Zero, "The clock only moves forward.");
        factory.Clock.Advance(by);
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    [Fact]
    public async Task Registration_opens_and_closes_to_the_second_on_the_server_clock()
    {
        var opens = Now.AddHours(1);
        var view = await factory.CreateEventAsync(Region, Unique("Journée fenêtre"),
            EventsTestKit.Fields(Now.Date.AddDays(60).AddHours(8), registrationOpensUtc: opens, registrationClosesUtc: opens.AddHours(2)));
        // The page says when it opens (loaded well before: time flows while a page renders for the first time).
        MoveTo(opens.AddMinutes(-10));
        var client = factory.CreateBrowserClient();
        var closedPage = await client.GetDocumentAsync(EventsTestKit.FormPath(Region, view));
        Assert.Contains("ouvriront le", closedPage.QuerySelector("#inscriptions-fermees")!.TextContent);
        Assert.Null(closedPage.QuerySelector("#inscription"));
        MoveTo(opens.AddSeconds(-1));
        var early = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Agathe Pressée", EventsTestKit.NewEmail()));
        Assert.Equal(RegistrationOutcome.Refused, early.Outcome);
        Assert.Contains("ouvriront le", early.Message);

        MoveTo(opens);
        Assert.Equal(RegistrationOutcome.Registered, (await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Basile Ponctuel", EventsTestKit.NewEmail()))).Outcome);
        // The form is loaded in time and posted late: refused, nothing recorded.
        MoveTo(opens.AddHours(2).AddMinutes(-5));
        var form = await client.GetDocumentAsync(EventsTestKit.FormPath(Region, view));
        MoveTo(opens.AddHours(2).AddSeconds(-1));
        Assert.Equal(RegistrationOutcome.Registered, (await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Cyril Juste", EventsTestKit.NewEmail()))).Outcome);
        MoveTo(opens.AddHours(2));
        var values = HtmlForms.FormValues(form, "#inscription", new Dictionary<string, string> { ["Input.FullName"] = "Diane Tardive", ["Input.Email"] = EventsTestKit.NewEmail() });
        var late = await client.PostAsync(EventsTestKit.FormPath(Region, view), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("closes depuis", HtmlForms.Parse(await late.Content.ReadAsStringAsync()).QuerySelector("#inscriptions-fermees")!.TextContent);
        Assert.Equal(2, (await factory.RegistrationsAsync(Region, view.Id)).Count);
    }

    [Fact]
    public async Task An_unverified_guest_expires_after_24_hours_freeing_the_seat_for_the_first_waiting_who_is_told()
    {
        var view = await factory.CreateEventAsync(Region, Unique("Journée expiration"),
            EventsTestKit.Fields(Now.Date.AddDays(30).AddHours(8), capacity: 1, workshopCapacity: 1, registrationOpensUtc: Now.AddDays(-1)));
        var guest = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Émile Silencieux", EventsTestKit.NewEmail(), "atelier-ia"));
        var verified = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Fanny Attentive", EventsTestKit.NewEmail(), "atelier-ia"));
        var member = await factory.PersonAsync(Region, NetworkRoles.Member, "Gaspard Membre");
        var waiting = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Gaspard Membre", ""), new Registrant(member.User.Id, member.Email));
        Assert.Equal(RegistrationStatus.Confirmed, guest.Registration!.Status);
        Assert.Equal(RegistrationStatus.Waitlisted, verified.Registration!.Status);
        // The second guest confirms the address: she keeps her place in line (and will not expire).
        Assert.NotNull((await factory.WithDeskAsync(Region, desk => desk.VerifyAsync(verified.Token!)))!.AddressVerifiedUtc);

        var job = factory.Service<GuestExpiryJob>();
        factory.Clock.Advance(TimeSpan.FromHours(23));
        await job.RunAsync(factory.Tenant(Region));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, guest.Registration.Id)).Status);

        factory.Clock.Advance(TimeSpan.FromHours(1) + TimeSpan.FromSeconds(1));
        await job.RunAsync(factory.Tenant(Region));
        Assert.Equal(RegistrationStatus.Expired, (await factory.StoredRegistrationAsync(Region, guest.Registration.Id)).Status);
        var promoted = await factory.StoredRegistrationAsync(Region, verified.Registration.Id);
        Assert.Equal(RegistrationStatus.Confirmed, promoted.Status);
        Assert.Equal(WorkshopChoiceStatus.Confirmed, Assert.Single(await factory.ChoicesAsync(Region, promoted.Id)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.StoredRegistrationAsync(Region, waiting.Registration!.Id)).Status);
        var seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal((1, 1), (seats[""], seats["atelier-ia"]));
        Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == promoted.Email && m.Subject.StartsWith("Une place s'est libérée"))));
        // The expired guest's link no longer works.
        var response = await factory.CreateBrowserClient().GetAsync($"/{Region}{RegistrationTokens.PathOf(guest.Token!)}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        // Running again changes nothing.
        await job.RunAsync(factory.Tenant(Region));
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, promoted.Id)).Status);
    }
}
