using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Modules.Accounts.Services;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Appels;

/// <summary>
/// A call's decisions: every submitted application with its decision, and the publication of the results once each
/// has one. Coordinators only (ManageCalls); another tenant's call does not exist here (404).
/// </summary>
[Authorize]
public sealed class DecisionsModel(CallRounds rounds, CallsDbContext db, CallDecisions decisions, CallResultsPublisher publisher, ApplicationAccess access,
    TenantMembers members, IStringLocalizer T) : PageModel
{
    public CallView Call { get; private set; } = null!;
    public IReadOnlyList<CallApplication> Applications { get; private set; } = [];
    public IReadOnlyList<string> Undecided { get; private set; } = [];

    /// <summary>Why decisions cannot be taken now (before the deadline, after publication), or null.</summary>
    public string? Refusal { get; private set; }

    public string? Error { get; private set; }
    public bool Conflict { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(int id)
    {
        if (!await access.IsCoordinatorAsync(User)) return Forbid();
        return await LoadAsync(id) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostPublishAsync(int id, int version)
    {
        if (!await access.IsCoordinatorAsync(User)) return Forbid();
        if (await rounds.FindAsync(id) is null) return NotFound();
        var result = await publisher.PublishAsync(id, version, await CallActors.OfAsync(User, members));
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = T["Résultats publiés : les candidats sont prévenus par courriel et la page des résultats est en ligne."];
            return RedirectToPage(new { id });
        }
        Conflict = result.Conflict;
        Error = result.Errors[0].Message;
        await LoadAsync(id);
        Response.StatusCode = Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
        return Page();
    }

    private async Task<bool> LoadAsync(int id)
    {
        if (await rounds.FindAsync(id) is not { } call) return false;
        Call = call;
        Applications = await db.Applications.AsNoTracking()
            .Where(a => a.CallId == id && a.Reference != null)
            .OrderBy(a => a.Reference).ToListAsync();
        Undecided = await publisher.UndecidedAsync(id);
        Refusal = decisions.RefusalFor(call);
        return true;
    }
}
