using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Events.Services;

namespace Network.Modules.Events.Pages.Admin.Evenements.Participants;

/// <summary><c>/admin/evenements/{id}/statistiques</c>: registrations, waitlist, cancellations and attendance, per workshop too.</summary>
[RequirePermission("ManageEvents")]
public sealed class StatisticsModel(EventSetups setups, AttendanceStatistics statistics) : PageModel
{
    public EventView Event { get; private set; } = null!;
    public AttendanceFigures Figures { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await setups.FindAsync(id, cancellationToken) is not { } view) return NotFound();
        Event = view;
        Figures = await statistics.OfAsync(view, cancellationToken);
        return Page();
    }

    /// <summary>"87 %", or a dash before anyone is confirmed.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0", System.Globalization.CultureInfo.CurrentCulture) + " %" : "—";
}
