using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Modules.Accounts.Services;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements.Participants;

/// <summary>
/// <c>/admin/evenements/{id}/emargement</c>: check-in at the door from a phone. Search a name, tap "Présent"; each tap is
/// a small form (no JavaScript needed) that comes back to the same search. Several phones may tap the same person:
/// <see cref="CheckInDesk"/> records it once.
/// </summary>
[RequirePermission("ManageEvents")]
public sealed class CheckInModel(EventSetups setups, AttendanceRoster roster, CheckInDesk desk, EventsDbContext db, TenantMembers members, IStringLocalizer T) : PageModel
{
    /// <summary>Names shown at once: a phone screen's worth; the search narrows it.</summary>
    public const int MaxShown = 25;

    public EventView Event { get; private set; } = null!;

    /// <summary>Confirmed people matching the search (of the workshop when one is chosen), not yet present first.</summary>
    public IReadOnlyList<AttendeeRow> Rows { get; private set; } = [];

    /// <summary>Matching people without a confirmed seat: shown so the desk knows why there is no button.</summary>
    public IReadOnlyList<AttendeeRow> Others { get; private set; } = [];

    public int Matching { get; private set; }
    public int Present { get; private set; }
    public int Expected { get; private set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    [BindProperty(SupportsGet = true, Name = "atelier")]
    public string? Workshop { get; set; }

    [TempData]
    public string? Notice { get; set; }

    [TempData]
    public bool NoticeIsError { get; set; }

    public EventSession? CurrentWorkshop => Event.Workshops.FirstOrDefault(w => w.Key == Workshop);

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await setups.FindAsync(id, cancellationToken) is not { } view) return NotFound();
        Event = view;
        Normalise();
        var all = await roster.ListAsync(view, new AttendeeFilter(Query, null, Workshop), cancellationToken);
        bool Seated(AttendeeRow r) => r.Registration.Status == RegistrationStatus.Confirmed
            && (Workshop is null || r.Choice(Workshop)?.Status == WorkshopChoiceStatus.Confirmed);
        DateTime? CheckedIn(AttendeeRow r) => Workshop is null ? r.Registration.CheckedInUtc : r.Choice(Workshop)?.CheckedInUtc;
        var seated = all.Where(Seated).ToList();
        Matching = seated.Count;
        Rows = seated.OrderBy(r => CheckedIn(r) is not null).Take(MaxShown).ToList();
        Others = Query is null ? [] : all.Where(r => !Seated(r) && r.Registration.Status is RegistrationStatus.Confirmed or RegistrationStatus.Waitlisted).Take(MaxShown).ToList();
        var everyone = Query is null ? seated : (await roster.ListAsync(view, new AttendeeFilter(null, null, Workshop), cancellationToken)).Where(Seated).ToList();
        Expected = everyone.Count;
        Present = everyone.Count(r => CheckedIn(r) is not null);
        return Page();
    }

    public Task<IActionResult> OnPostPresentAsync(int id, int registrationId, CancellationToken cancellationToken) => SetAsync(id, registrationId, true, cancellationToken);

    public Task<IActionResult> OnPostUndoAsync(int id, int registrationId, CancellationToken cancellationToken) => SetAsync(id, registrationId, false, cancellationToken);

    private async Task<IActionResult> SetAsync(int id, int registrationId, bool present, CancellationToken cancellationToken)
    {
        if (await setups.FindAsync(id, cancellationToken) is not { } view) return NotFound();
        Event = view;
        Normalise();
        var actor = await EventActor.OfAsync(User, members);
        var outcome = await desk.SetAsync(id, registrationId, Workshop, present, actor, cancellationToken);
        if (outcome == CheckInOutcome.NotFound) return NotFound();
        var name = await db.Registrations.Where(r => r.Id == registrationId && r.EventId == id).Select(r => r.FullName).FirstOrDefaultAsync(cancellationToken) ?? "";
        var where = CurrentWorkshop is { } w ? T["à l'atelier « {0} »", w.Title].Value : T["à l'événement"].Value;
        (Notice, NoticeIsError) = outcome switch
        {
            CheckInOutcome.NotConfirmed => (T["{0} n'a pas de place confirmée {1} : la présence n'est pas enregistrée.", name, where].Value, true),
            CheckInOutcome.Unchanged when present => (T["{0} était déjà marqué(e) présent(e) {1}.", name, where].Value, false),
            CheckInOutcome.Unchanged => (T["La présence de {0} {1} n'était pas enregistrée.", name, where].Value, false),
            _ when present => (T["{0} est marqué(e) présent(e) {1}.", name, where].Value, false),
            _ => (T["La présence de {0} {1} est annulée.", name, where].Value, false),
        };
        var values = new Dictionary<string, string?>();
        if (Query is not null) values["q"] = Query;
        if (Workshop is not null) values["atelier"] = Workshop;
        // Back to the same search with a GET, so reloading the page never posts the tap again.
        return Redirect(QueryHelpers.AddQueryString($"{Request.PathBase}/admin/evenements/{id}/emargement", values) + $"#inscription-{registrationId}");
    }

    /// <summary>Drops a search that is only spaces and a workshop the event does not have.</summary>
    private void Normalise()
    {
        Query = Query?.Trim() is { Length: > 0 } q ? (q.Length > AttendeeListPageModel.QueryMaxLength ? q[..AttendeeListPageModel.QueryMaxLength] : q) : null;
        if (!Event.Workshops.Any(w => w.Key == Workshop)) Workshop = null;
    }
}
