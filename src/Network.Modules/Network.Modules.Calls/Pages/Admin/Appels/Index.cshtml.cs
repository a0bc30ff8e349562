using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// The tenant's calls for coordinators: each with its workflow status and its call state now, its dates in Paris time,
/// how many applications are submitted and in draft, and the links to its work pages (applications, review, decisions).
/// </summary>
[RequirePermission("ManageCalls")]
public sealed class CallAdminListModel(ContentDbContext content, CallsDbContext calls, CallType type, TimeProvider clock) : PageModel
{
    public sealed record Row(int Id, string Title, string Slug, ContentStatus Status, CallState State, CallFields Fields, int Submitted, int Drafts);

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var items = await content.Items.AsNoTracking()
            .Where(i => i.ContentType == CallType.TypeName && i.OriginTenant == null)
            .OrderByDescending(i => i.UpdatedUtc).ThenByDescending(i => i.Id)
            .ToListAsync(cancellationToken);
        var rounds = await calls.Rounds.AsNoTracking().ToDictionaryAsync(r => r.CallId, cancellationToken);
        var counts = await calls.Applications.AsNoTracking()
            .GroupBy(a => new { a.CallId, a.Status })
            .Select(g => new { g.Key.CallId, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        Rows = items.Select(i =>
        {
            var fields = type.Read(i);
            int Count(Func<ApplicationStatus, bool> which) => counts.Where(c => c.CallId == i.Id && which(c.Status)).Sum(c => c.Count);
            return new Row(i.Id, i.Title, i.Slug, i.Status, CallPhase.Of(i.IsPublic, fields, rounds.GetValueOrDefault(i.Id), now), fields,
                Count(s => s == ApplicationStatus.Submitted), Count(s => s != ApplicationStatus.Submitted));
        }).ToList();
        return Page();
    }
}
