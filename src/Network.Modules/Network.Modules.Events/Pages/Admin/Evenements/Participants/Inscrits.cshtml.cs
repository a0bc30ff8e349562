using Microsoft.AspNetCore.Mvc;
using Network.Core.Security;
using Network.Core.Theming;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements.Participants;

/// <summary>
/// <c>/admin/evenements/{id}/inscrits</c>: an event's registrations for its coordinators, searched by name, address or
/// organisation and filtered by status, workshop and presence, paged; each waitlist's order shown.
/// </summary>
[RequirePermission("ManageEvents")]
public sealed class AttendeesModel(EventSetups setups, AttendanceRoster roster) : AttendeeListPageModel(setups)
{
    public const int PageSize = 50;

    public IReadOnlyList<AttendeeRow> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public PaginationView Pagination { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, [FromQuery(Name = "page")] int? page, CancellationToken cancellationToken)
    {
        if (!await LoadEventAsync(id, cancellationToken)) return NotFound();
        var all = await roster.ListAsync(Event, Filter, cancellationToken);
        Total = all.Count;
        var pageCount = Math.Max(1, (Total + PageSize - 1) / PageSize);
        var current = Math.Clamp(page ?? 1, 1, pageCount);
        Rows = all.Skip((current - 1) * PageSize).Take(PageSize).ToList();
        var basePath = $"{Request.PathBase}/admin/evenements/{id}/inscrits";
        Pagination = new PaginationView(current, pageCount, p => basePath + QueryString(p));
        return Page();
    }
}

/// <summary>The same list as CSV (the filters of the page apply), for the welcome desk's spreadsheet or a badge printer.</summary>
[RequirePermission("ManageEvents")]
public sealed class AttendeesCsvModel(EventSetups setups, AttendanceRoster roster) : AttendeeListPageModel(setups)
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (!await LoadEventAsync(id, cancellationToken)) return NotFound();
        var rows = await roster.ListAsync(Event, Filter, cancellationToken);
        var name = $"inscrits-{Network.Core.Text.Slugs.FromTitle(Event.Item.Title, 60)}.csv";
        return File(AttendanceRoster.Csv(Event, rows), Network.Core.Text.Csv.ContentType, name);
    }
}
