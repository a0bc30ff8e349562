using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>The link of the confirmation e-mail. A forged, expired or used link changes nothing.</summary>
public sealed class ConfirmationModel(UserManager<NetworkUser> users) : AccountPageModel
{
    public bool Confirmed { get; private set; }

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = AccountLinks.UserIdParameter)] string? userId, [FromQuery(Name = AccountLinks.TokenParameter)] string? code)
    {
        var token = AccountLinks.DecodeToken(code);
        var user = string.IsNullOrEmpty(userId) || token is null ? null : await users.FindByIdAsync(userId);
        if (user is not null)
        {
            if (user.EmailConfirmed && await users.VerifyUserTokenAsync(user, users.Options.Tokens.EmailConfirmationTokenProvider, UserManager<NetworkUser>.ConfirmEmailTokenPurpose, token!))
            {
                // Opening the link twice is not an error.
                Confirmed = true;
                return Page();
            }
            Confirmed = (await users.ConfirmEmailAsync(user, token!)).Succeeded;
        }
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}
