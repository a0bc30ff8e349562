using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels.Candidatures;

/// <summary><c>/admin/appels/{id}/candidatures</c>: a call's applications for its coordinators, filtered by status.</summary>
[RequirePermission("ManageCalls")]
public sealed class CallApplicationsModel(CallRounds rounds, CallsDbContext db) : PageModel
{
    public static readonly IReadOnlyList<(string Value, string Label, ApplicationStatus Status)> StatusFilters =
    [
        ("deposee", "Déposée", ApplicationStatus.Submitted),
        ("rouverte", "Rouverte pour correction", ApplicationStatus.Reopened),
        ("brouillon", "Brouillon", ApplicationStatus.Draft),
    ];

    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<CallApplication> Applications { get; private set; } = [];
    public Dictionary<ApplicationStatus, int> Counts { get; private set; } = [];

    [BindProperty(SupportsGet = true, Name = "statut")]
    public string? Status { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return NotFound();
        Call = call;
        var query = db.Applications.AsNoTracking().Where(a => a.CallId == id);
        Counts = (await query.GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken)).ToDictionary(g => g.Key, g => g.Count);
        var filter = StatusFilters.FirstOrDefault(f => f.Value == Status);
        if (filter.Value is null) Status = null;
        else query = query.Where(a => a.Status == filter.Status);
        // Submitted ones by reference order (the order they came in), then drafts by last change.
        Applications = (await query.ToListAsync(cancellationToken))
            .OrderBy(a => a.SubmittedUtc is null).ThenBy(a => a.SubmittedUtc).ThenByDescending(a => a.UpdatedUtc).ToList();
        return Page();
    }

    public static string StatusLabel(ApplicationStatus status) => StatusFilters.First(f => f.Status == status).Label;
}
