using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;

namespace Network.Modules.Content.Services;

/// <summary>Turns the signed-in user into a <see cref="ContentActor"/> for the current tenant (permissions and the self-publishing setting).</summary>
public sealed class ContentActors(IAuthorizationService authorization, UserManager<NetworkUser> users, ContentDbContext db)
{
    public async Task<ContentActor> ForAsync(ClaimsPrincipal principal)
    {
        var userId = users.GetUserId(principal);
        if (userId is null) return new ContentActor("", "", false, false, false);
        var user = await users.FindByIdAsync(userId);
        var contribute = (await authorization.AuthorizeAsync(principal, ContentModule.ContributeContent.Policy)).Succeeded;
        var moderate = (await authorization.AuthorizeAsync(principal, ContentModule.ModerateContent.Policy)).Succeeded;
        var settings = await db.Settings.AsNoTracking().FirstOrDefaultAsync();
        var name = string.IsNullOrWhiteSpace(user?.DisplayName) ? user?.Email ?? "" : user.DisplayName;
        return new ContentActor(userId, name, contribute, moderate, settings?.AllowSelfPublishing ?? false);
    }
}
