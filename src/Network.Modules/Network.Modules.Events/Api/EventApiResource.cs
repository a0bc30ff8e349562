using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Modules.Content.Api;
using Network.Modules.Content.Lists;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Api;

/// <summary>A published event in the API: what its public page shows; never its registrations, questions, joining link or contact.</summary>
public sealed class EventApiItem : ContentApiItem
{
    /// <summary>scheduled, registrationFull, cancelled, postponed or past, at the time of the request.</summary>
    public string State { get; set; } = "";
    /// <summary>Why it was cancelled or postponed.</summary>
    public string StatusNote { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Description { get; set; } = "";
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public bool Online { get; set; }
    public string VenueName { get; set; } = "";
    public string StreetAddress { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string City { get; set; } = "";
    public string AccessibilityInfo { get; set; } = "";
    public int Capacity { get; set; }
    /// <summary>Null on the hub (seats are counted in the region).</summary>
    public int? SeatsLeft { get; set; }
    public DateTime RegistrationOpensAt { get; set; }
    public DateTime RegistrationClosesAt { get; set; }
    public IReadOnlyList<EventApiSession> Sessions { get; set; } = [];
}

public sealed record EventApiSession(string Title, DateTime StartsAt, DateTime EndsAt, string Room, string Speakers, string Description, bool IsWorkshop, int? Capacity);

/// <summary><c>/api/v1/events</c>: the facets of <c>/evenements</c>; states and statuses from <see cref="EventCatalog"/>, as on the page.</summary>
public sealed class EventApiResource(EventType type) : ContentApiResource<EventApiItem>(type)
{
    public override string Name => "events";
    public override string Description => "Events (the /evenements pages), with their state and seats left at the time of the request.";

    protected override IReadOnlyList<ContentApiFilter> ContentFilters { get; } =
    [
        ContentApiFilter.Region,
        new(EventType.Filters.Kind, "Kind of event (its value, as in the page's links)."),
        new(EventType.Filters.City, "City (its normalised value)."),
        new(EventType.Filters.Year, "Year the event starts."),
    ];

    protected override async Task<(Func<ContentCard, EventApiItem> Map, string State)> PrepareAsync(HttpContext http, ContentSnapshot snapshot, CancellationToken cancellationToken)
    {
        var catalog = http.RequestServices.GetRequiredService<EventCatalog>();
        var statuses = await catalog.StatusesAsync(snapshot, cancellationToken);
        var states = snapshot.Items.ToDictionary(c => c.Item.Id, c => catalog.StateOf(c, statuses[c.Item.Id]));
        // Seats taken and states move without a content change: they are part of what an answer depends on.
        var state = string.Join(',', snapshot.Items.Select(c => $"{(int)states[c.Item.Id]}{statuses[c.Item.Id].SeatsTaken}{statuses[c.Item.Id].Version}"));
        return (card =>
        {
            var f = card.FieldsAs<EventFields>();
            var status = statuses[card.Item.Id];
            static DateTime Utc(DateTime d) => DateTime.SpecifyKind(d, DateTimeKind.Utc);
            return new EventApiItem
            {
                State = ApiNames.Of(states[card.Item.Id]), StatusNote = status.Note, Kind = f.Kind, Description = f.Description,
                StartsAt = Utc(f.StartUtc), EndsAt = Utc(f.EndUtc), Online = f.Online, VenueName = f.VenueName, StreetAddress = f.StreetAddress,
                PostalCode = f.PostalCode, City = f.City, AccessibilityInfo = f.AccessibilityInfo, Capacity = f.Capacity,
                SeatsLeft = status.SeatsLeft(f.Capacity),
                RegistrationOpensAt = Utc(f.RegistrationOpensUtc), RegistrationClosesAt = Utc(f.RegistrationClosesUtc),
                Sessions = f.Sessions.Select(s => new EventApiSession(s.Title, Utc(s.StartUtc), Utc(s.EndUtc), s.Room, s.Speakers, s.Description, s.IsWorkshop, s.Capacity)).ToList(),
            };
        }, state);
    }
}
