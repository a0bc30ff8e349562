using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements;

/// <summary>
/// The tenant's events for coordinators, soonest first then past ones: each with its publication status and its state
/// now, its dates in Paris time, seats taken out of the capacity, the waitlist's length and links to its work pages.
/// </summary>
[RequirePermission("ManageEvents")]
public sealed class EventAdminListModel(ContentDbContext content, EventsDbContext events, EventType type, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, string Slug, ContentStatus Status, EventState State, EventFields Fields, int SeatsTaken, int Waitlisted);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await content.Items.AsNoTracking()
            .Where(i => i.ContentType == EventType.TypeName && i.OriginTenant == null)
            .ToListAsync(cancellationToken);
        var setups = await events.Setups.AsNoTracking().ToDictionaryAsync(s => s.EventId, cancellationToken);
        var seats = await events.SeatCounters.AsNoTracking().Where(c => c.SessionKey == "").ToDictionaryAsync(c => c.EventId, c => c.Taken, cancellationToken);
        var waiting = await events.Registrations.AsNoTracking()
            .Where(r => r.Status == RegistrationStatus.Waitlisted)
            .GroupBy(r => r.EventId).Select(g => new { EventId = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.EventId, g => g.Count, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = items.Select(i =>
        {
            var fields = type.Read(i);
            var taken = seats.GetValueOrDefault(i.Id);
            return new Row(i.Id, i.Title, i.Slug, i.Status, EventPhase.Of(i.IsPublic, fields, setups.GetValueOrDefault(i.Id), taken, now), fields, taken, waiting.GetValueOrDefault(i.Id));
        }).ToList();
        // What is coming first (soonest first; undated drafts with them), then what is over (latest first).
        Rows = rows.Where(r => r.Fields.EndUtc == default || r.Fields.EndUtc > now).OrderBy(r => r.Fields.StartUtc).ThenBy(r => r.Id)
            .Concat(rows.Where(r => r.Fields.EndUtc != default && r.Fields.EndUtc <= now).OrderByDescending(r => r.Fields.StartUtc).ThenByDescending(r => r.Id))
            .ToList();
        return Page();
    }

    /// <summary>The DSFR badge colour of a state.</summary>
    public static string BadgeClass(EventState state) => state switch
    {
        EventState.Scheduled => "fr-badge--success",
        EventState.RegistrationFull => "fr-badge--warning",
        EventState.Cancelled => "fr-badge--error",
        EventState.Postponed => "fr-badge--new",
        EventState.Past => "",
        _ => "fr-badge--info",
    };
}
