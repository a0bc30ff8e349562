using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Accounts.Data;
using Network.Core.Security;

namespace Network.Modules.Directory.Services;

/// <summary>Who is asking, as the directory's pages need it: account id, display name, and whether they coordinate this tenant.</summary>
public sealed record DirectoryUser(string Id, string Name, bool IsCoordinator)
{
    /// <summary>The signed-in account of the request, or null.</summary>
    public static async Task<DirectoryUser?> OfAsync(HttpContext http)
    {
        var principal = http.User;
        if (principal.Identity?.IsAuthenticated != true || principal.FindFirstValue(ClaimTypes.NameIdentifier) is not { Length: > 0 } id) return null;
        var authorization = http.RequestServices.GetRequiredService<IAuthorizationService>();
        var coordinator = (await authorization.AuthorizeAsync(principal, PermissionPolicyProvider.Prefix + DirectoryModule.ManagePermission)).Succeeded;
        // The account's display name, never the sign-in name (an e-mail address the relay must not reveal).
        var accounts = http.RequestServices.GetRequiredService<AccountsDbContext>();
        var name = await accounts.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(http.RequestAborted);
        if (name is null) return null;
        return new DirectoryUser(id, name.Trim().Length > 0 ? name.Trim() : "Membre", coordinator);
    }
}
