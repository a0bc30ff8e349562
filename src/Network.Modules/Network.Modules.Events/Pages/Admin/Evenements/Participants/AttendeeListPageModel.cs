using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements.Participants;

/// <summary>The attendee list's filters as the query string carries them (the page and its CSV export read the same ones).</summary>
public abstract class AttendeeListPageModel(EventSetups setups) : PageModel
{
    public const int QueryMaxLength = 200;

    public EventView Event { get; private set; } = null!;

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Query { get; set; }

    /// <summary>A value of <see cref="AttendanceRoster.StatusFilters"/>.</summary>
    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    /// <summary>A workshop's key.</summary>
    [BindProperty(SupportsGet = true, Name = "atelier")]
    public string? Workshop { get; set; }

    /// <summary>"oui" or "non".</summary>
    [BindProperty(SupportsGet = true, Name = "present")]
    public string? Present { get; set; }

    /// <summary>Loads the tenant's event and drops filters it does not know (a stale or hand-made link shows everything instead of failing).</summary>
    protected async Task<bool> LoadEventAsync(int id, CancellationToken cancellationToken)
    {
        if (await setups.FindAsync(id, cancellationToken) is not { } view) return false;
        Event = view;
        Query = Query?.Trim() is { Length: > 0 } q ? (q.Length > QueryMaxLength ? q[..QueryMaxLength] : q) : null;
        if (AttendanceRoster.StatusOf(Status) is null) Status = null;
        if (!view.Workshops.Any(w => w.Key == Workshop)) Workshop = null;
        if (Present is not ("oui" or "non")) Present = null;
        return true;
    }

    public AttendeeFilter Filter => new(Query, AttendanceRoster.StatusOf(Status), Workshop, Present switch { "oui" => true, "non" => false, _ => null });

    /// <summary>The current filters as a query string ("?q=...&amp;statut=..."), with <paramref name="page"/> when past the first.</summary>
    public string QueryString(int page = 1)
    {
        var values = new Dictionary<string, string?>();
        if (Query is not null) values["q"] = Query;
        if (Status is not null) values["statut"] = Status;
        if (Workshop is not null) values["atelier"] = Workshop;
        if (Present is not null) values["present"] = Present;
        if (page > 1) values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return QueryHelpers.AddQueryString("", values);
    }
}
