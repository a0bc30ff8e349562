using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Localization;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Recipes;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Samples;

namespace Network.Tests.Events;

/// <summary>The sample events of each region (recipes/content/&lt;region&gt;.events.json), imported at first run.</summary>
public sealed class EventSampleContentTests(SampleContentWebFactory factory) : IClassFixture<SampleContentWebFactory>
{
    public static readonly TheoryData<string> Regions = new() { "hauts-de-france", "nouvelle-aquitaine" };

    private Task<List<EventView>> EventsAsync(string region) => factory.InTenantAsync(region, async sp =>
    {
        var ids = await sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking()
            .Where(i => i.ContentType == EventType.TypeName && i.OriginTenant == null).Select(i => i.Id).ToListAsync();
        var setups = sp.GetRequiredService<EventSetups>();
        var views = new List<EventView>();
        foreach (var id in ids) views.Add((await setups.FindAsync(id))!);
        return views;
    });

    private Task<(List<EventRegistration> Registrations, List<WorkshopChoice> Choices, List<SeatCounter> Counters)> RowsAsync(string region)
        => factory.InTenantAsync(region, async sp =>
        {
            var db = sp.GetRequiredService<EventsDbContext>();
            return (await db.Registrations.AsNoTracking().ToListAsync(), await db.WorkshopChoices.AsNoTracking().ToListAsync(), await db.SeatCounters.AsNoTracking().ToListAsync());
        });

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Each_region_has_an_upcoming_journee_regionale_open_for_registration_with_a_morning_plenary_and_two_pairs_of_overlapping_afternoon_workshops(string region)
    {
        var events = await EventsAsync(region);
        var day = Assert.Single(events, e => e.Item.Title == "Journée régionale Culture et Numérique");
        Assert.Equal(ContentStatus.Published, day.Item.Status);
        Assert.True(day.Item.SharedWithNetwork);
        Assert.Equal(EventState.Scheduled, day.State);
        Assert.Equal(EventKinds.StudyDay, day.Fields.Kind);
        Assert.True(EventPhase.CanRegister(day.State, day.Fields, DateTime.UtcNow));
        Assert.True(day.Fields.StartUtc > DateTime.UtcNow.AddDays(20));
        Assert.False(day.Fields.Online);
        Assert.NotNull(day.Fields.Image);
        Assert.True(day.Fields.AccessibilityInfo.Length > 50);
        Assert.Equal(2, day.Fields.Questions.Count);

        var plenary = Assert.Single(day.Fields.Sessions, s => s.Key == "pleniere");
        Assert.False(plenary.IsWorkshop);
        Assert.True(ParisTime.FromUtc(plenary.EndUtc).Hour <= 12 || ParisTime.FromUtc(plenary.EndUtc) is { Hour: 12, Minute: <= 30 });
        var workshops = day.Workshops.ToList();
        Assert.Equal(4, workshops.Count);
        Assert.All(workshops, w =>
        {
            Assert.True(ParisTime.FromUtc(w.StartUtc).Hour >= 14, w.Title);
            Assert.InRange(w.Capacity!.Value, 10, 60);
            // Two pairs: each workshop overlaps exactly one other, so a registrant picks one per time slot.
            Assert.Single(workshops, other => other.Key != w.Key && EventType.Overlap(w, other));
        });
        Assert.Equal(day.Fields.Capacity, day.SeatsLeft + day.SeatsTaken[""]);
        Assert.All(workshops, w => Assert.True(day.WorkshopSeatsLeft(w.Key) > 0));
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Each_region_has_two_smaller_events_an_upcoming_webinar_with_its_joining_link_and_a_past_one_whose_attendance_was_recorded(string region)
    {
        var events = await EventsAsync(region);
        Assert.Equal(3, events.Count);
        var others = events.Where(e => e.Item.Title != "Journée régionale Culture et Numérique").ToList();
        Assert.Equal(2, others.Count);
        Assert.All(others, e => Assert.True(e.Fields.Capacity < 180));

        var webinar = Assert.Single(others, e => e.Fields.Online);
        Assert.Equal(EventKinds.Webinar, webinar.Fields.Kind);
        Assert.Equal(EventState.Scheduled, webinar.State);
        Assert.StartsWith("https://", webinar.Setup.OnlineJoinUrl);
        Assert.Equal("", webinar.Fields.VenueName);

        var past = Assert.Single(others, e => e.State == EventState.Past);
        Assert.NotNull(past.Setup.AttendanceClosedUtc);
        var (registrations, _, _) = await RowsAsync(region);
        var attendees = registrations.Where(r => r.EventId == past.Id).ToList();
        Assert.True(attendees.Count >= 10, $"{attendees.Count} registrations");
        var present = attendees.Count(r => r.CheckedInUtc is not null);
        Assert.InRange(present, attendees.Count / 2, attendees.Count - 1);
        Assert.All(attendees.Where(r => r.CheckedInUtc is not null), r => Assert.InRange(r.CheckedInUtc!.Value, past.Fields.StartUtc.AddHours(-1), past.Fields.EndUtc));
        Assert.All(attendees, r => Assert.NotNull(r.ReminderSentUtc));
        Assert.All(attendees, r => Assert.True(r.CreatedUtc < past.Fields.RegistrationClosesUtc));
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Sample_registrations_hold_the_seats_they_count_belong_to_no_account_and_are_never_mailed(string region)
    {
        var events = await EventsAsync(region);
        var (registrations, choices, counters) = await RowsAsync(region);
        Assert.NotEmpty(registrations);
        foreach (var view in events)
        {
            var mine = registrations.Where(r => r.EventId == view.Id).ToList();
            Assert.Equal(mine.Count, counters.Single(c => c.EventId == view.Id && c.SessionKey == "").Taken);
            foreach (var workshop in view.Workshops)
            {
                var taken = counters.Single(c => c.EventId == view.Id && c.SessionKey == workshop.Key).Taken;
                Assert.Equal(choices.Count(c => c.EventId == view.Id && c.SessionKey == workshop.Key && c.Status == WorkshopChoiceStatus.Confirmed), taken);
                Assert.True(taken <= workshop.Capacity);
            }
            // Nobody holds two workshops at the same time.
            foreach (var group in choices.Where(c => c.EventId == view.Id).GroupBy(c => c.RegistrationId))
            {
                var chosen = group.Select(c => view.Fields.Sessions.Single(s => s.Key == c.SessionKey)).ToList();
                Assert.DoesNotContain(chosen, a => chosen.Any(b => b.Key != a.Key && EventType.Overlap(a, b)));
            }
        }
        Assert.All(registrations, r =>
        {
            Assert.Null(r.UserId);
            Assert.EndsWith("@" + EventsStep.SampleEmailDomain, r.Email);
            Assert.Equal(RegistrationStatus.Confirmed, r.Status);
            Assert.NotNull(r.AddressVerifiedUtc);
            Assert.Equal(64, r.TokenHash.Length);
        });
        Assert.Equal(registrations.Count, registrations.Select(r => r.TokenHash).Distinct().Count());
        var mails = (await MailTestSupport.RowsAsync(factory)).Select(m => m.To).ToList();
        Assert.DoesNotContain(mails, to => to.Contains(EventsStep.SampleEmailDomain, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Shared_sample_events_reach_the_hub(string region)
    {
        var events = await EventsAsync(region);
        await factory.DrainAsync(region);
        foreach (var view in events.Where(e => e.Item.SharedWithNetwork))
        {
            var copy = await factory.HubCopyAsync(region, view.Id);
            Assert.NotNull(copy);
            Assert.Equal(view.Item.Title, copy!.Title);
        }
    }
}
