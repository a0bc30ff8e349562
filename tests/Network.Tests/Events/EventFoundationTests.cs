using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>The event's definition rules and its state, worked out from publication, setup, seats and dates.</summary>
public sealed class EventFoundationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly DateTime Start = new(2026, 6, 11, 7, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void The_state_follows_publication_setup_seats_and_dates()
    {
        var fields = EventsTestKit.Fields(Start, capacity: 10);
        var setup = new EventSetup();
        Assert.Equal(EventState.Draft, EventPhase.Of(false, fields, setup, 0, Start.AddDays(-5)));
        Assert.Equal(EventState.Scheduled, EventPhase.Of(true, fields, setup, 9, Start.AddDays(-5)));
        Assert.Equal(EventState.RegistrationFull, EventPhase.Of(true, fields, setup, 10, Start.AddDays(-5)));
        Assert.Equal(EventState.Scheduled, EventPhase.Of(true, fields, setup, 0, fields.EndUtc.AddSeconds(-1)));
        Assert.Equal(EventState.Past, EventPhase.Of(true, fields, setup, 0, fields.EndUtc));
        setup.Status = EventStatus.Postponed;
        Assert.Equal(EventState.Postponed, EventPhase.Of(true, fields, setup, 0, Start.AddDays(-5)));
        setup.Status = EventStatus.Cancelled;
        Assert.Equal(EventState.Cancelled, EventPhase.Of(true, fields, setup, 0, fields.EndUtc.AddDays(1)));
    }

    [Fact]
    public void Registration_is_accepted_only_inside_its_window_to_the_second()
    {
        var fields = EventsTestKit.Fields(Start);
        Assert.False(EventPhase.AcceptsRegistrations(fields, fields.RegistrationOpensUtc.AddTicks(-1)));
        Assert.True(EventPhase.AcceptsRegistrations(fields, fields.RegistrationOpensUtc));
        Assert.True(EventPhase.AcceptsRegistrations(fields, fields.RegistrationClosesUtc.AddSeconds(-1)));
        Assert.False(EventPhase.AcceptsRegistrations(fields, fields.RegistrationClosesUtc));
        Assert.False(EventPhase.CanRegister(EventState.Cancelled, fields, fields.RegistrationOpensUtc.AddDays(1)));
        Assert.True(EventPhase.CanRegister(EventState.RegistrationFull, fields, fields.RegistrationOpensUtc.AddDays(1)));
    }

    [Fact]
    public void Overlapping_sessions_are_told_apart_from_back_to_back_ones()
    {
        var sessions = EventsTestKit.Fields(Start).Sessions.ToDictionary(s => s.Key);
        Assert.True(EventType.Overlap(sessions["atelier-3d"], sessions["atelier-son"]));
        Assert.False(EventType.Overlap(sessions["atelier-3d"], sessions["atelier-ia"]));
    }

    [Fact]
    public void Inconsistent_definitions_are_refused_with_a_message_per_field()
    {
        var type = new EventType();
        var fields = EventsTestKit.Fields(Start);
        fields.Kind = "fete";
        fields.EndUtc = Start.AddHours(-1);
        fields.Capacity = 0;
        fields.PostalCode = "59";
        fields.Sessions.Add(new("atelier-3d", "Doublon", Start, Start.AddHours(1), "", "", "", true, null));
        fields.Questions.Add(new("regime", "Sans raison", ""));
        var errors = type.Validate(fields).Select(e => e.Field).ToList();
        Assert.Contains("Kind", errors);
        Assert.Contains("EndUtc", errors);
        Assert.Contains("Capacity", errors);
        Assert.Contains("PostalCode", errors);
        Assert.Contains("Sessions", errors);
        Assert.Contains("Sessions[4].Capacity", errors);
        Assert.Contains("Questions", errors);
        Assert.Contains("Questions[2].Reason", errors);
        Assert.Empty(type.Validate(EventsTestKit.Fields(Start)));
    }

    [Fact]
    public async Task A_created_event_gets_its_setup_and_no_seats_taken()
    {
        var view = await factory.CreateOpenEventAsync("hauts-de-france");
        Assert.Equal(EventState.Scheduled, view.State);
        Assert.Equal(120, view.SeatsLeft);
        Assert.Equal(20, view.WorkshopSeatsLeft("atelier-3d"));
        Assert.Equal(0, view.WorkshopSeatsLeft("pleniere"));
        Assert.Equal(EventStatus.Scheduled, view.Setup.Status);
        Assert.Equal(3, view.Workshops.Count());

        // A region's event is never found through another tenant.
        var elsewhere = await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<EventSetups>().FindAsync(view.Id));
        Assert.Null(elsewhere);
    }
}
