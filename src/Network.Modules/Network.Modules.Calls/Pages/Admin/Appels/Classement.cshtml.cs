using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>The ranking of a call's submitted applications from the submitted reviews (see <see cref="ReviewRanking"/>).</summary>
[RequirePermission("ManageCalls")]
public sealed class CallRankingModel(CallRounds rounds, RankingReport report) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<RankingRow> Rows { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return NotFound();
        Call = call;
        Rows = await report.RankAsync(call, cancellationToken);
        return Page();
    }
}

/// <summary>The ranking as CSV with every score and comment of every reviewer, for the jury's minutes.</summary>
[RequirePermission("ManageCalls")]
public sealed class CallRankingCsvModel(CallRounds rounds, RankingReport report) : PageModel
{
    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        if (await rounds.FindAsync(id, cancellationToken) is not { } call) return NotFound();
        var rows = await report.RankAsync(call, cancellationToken);
        var name = $"classement-{Network.Core.Text.Slugs.FromTitle(call.Item.Title, 60)}.csv";
        return File(RankingReport.Csv(call.Fields.Criteria, rows), Network.Core.Text.Csv.ContentType, name);
    }
}
