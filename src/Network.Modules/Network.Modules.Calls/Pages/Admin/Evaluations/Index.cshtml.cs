using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Admin.Evaluations;

/// <summary>A reviewer's assignments across the tenant's calls, those still to do first.</summary>
[RequirePermission("ReviewApplications")]
public sealed class ReviewerAssignmentsModel(ReviewerDesk desk) : PageModel
{
    public IReadOnlyList<ReviewerAssignmentRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
        => Rows = await desk.AssignmentsAsync(ApplicationAccess.UserIdOf(User)!, cancellationToken);
}
