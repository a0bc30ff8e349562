using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>Who is looking at an application: the only people who may read it, each seeing what their part needs.</summary>
public enum ApplicationViewer
{
    None,
    /// <summary>The account that wrote it.</summary>
    Applicant,
    /// <summary>A reviewer assigned to it (identity hidden when the call's review is blind).</summary>
    Reviewer,
    /// <summary>Holds ManageCalls in this tenant (or is a network administrator).</summary>
    Coordinator,
}

/// <summary>
/// The one place that decides who may read an application. Applications are rows of the current tenant's database
/// only, so an id from another tenant finds nothing; within the tenant, anyone else gets <see cref="ApplicationViewer.None"/>,
/// which pages answer with 404 (never saying whether the id exists).
/// </summary>
public sealed class ApplicationAccess(IAuthorizationService authorization, CallsDbContext db)
{
    public static string? UserIdOf(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;

    public async Task<bool> IsCoordinatorAsync(ClaimsPrincipal user)
        => UserIdOf(user) is not null && (await authorization.AuthorizeAsync(user, CallsModule.ManageCalls.Policy)).Succeeded;

    public async Task<ApplicationViewer> ViewerOfAsync(CallApplication application, ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        if (UserIdOf(user) is not { } userId) return ApplicationViewer.None;
        if (await IsCoordinatorAsync(user)) return ApplicationViewer.Coordinator;
        if (application.ApplicantUserId == userId) return ApplicationViewer.Applicant;
        var assigned = await db.Reviews.AsNoTracking().AnyAsync(r => r.ApplicationId == application.Id && r.ReviewerUserId == userId, cancellationToken);
        return assigned && (await authorization.AuthorizeAsync(user, CallsModule.ReviewApplications.Policy)).Succeeded
            ? ApplicationViewer.Reviewer
            : ApplicationViewer.None;
    }
}
