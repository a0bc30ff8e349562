using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Calls.Data;

namespace Network.Modules.Calls.Services;

/// <summary>
/// Serves an application's attachment to those who may read the application (<see cref="ApplicationAccess"/>): the
/// applicant, the tenant's coordinators, its assigned reviewers. Anyone else, and any id of another tenant, gets 404.
/// </summary>
public static class ApplicationFileEndpoints
{
    public const string Pattern = "/candidatures/{applicationId:int}/pieces/{attachmentId:int}";

    public static string PathOf(int applicationId, int attachmentId) => $"/candidatures/{applicationId}/pieces/{attachmentId}";

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapGet(Pattern, async (int applicationId, int attachmentId, HttpContext http, CallsDbContext db, ApplicationAccess access, ApplicationFiles files) =>
        {
            var application = await db.Applications.AsNoTracking().FirstOrDefaultAsync(a => a.Id == applicationId, http.RequestAborted);
            if (application is null || await access.ViewerOfAsync(application, http.User, http.RequestAborted) == ApplicationViewer.None) return Results.NotFound();
            var attachment = await db.Attachments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == attachmentId && a.ApplicationId == applicationId, http.RequestAborted);
            if (attachment is null || files.PathOf(attachment) is not { } path || !File.Exists(path)) return Results.NotFound();
            // Private: never kept by shared caches, always downloaded rather than rendered in the site's origin.
            http.Response.Headers.CacheControl = "private, no-store";
            return Results.File(path, "application/pdf", attachment.FileName);
        });
}
