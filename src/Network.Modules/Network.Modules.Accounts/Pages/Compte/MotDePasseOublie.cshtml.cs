using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Network.Core.Data;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>Sends a password-reset link; the answer never says whether the address has an account.</summary>
[EnableRateLimiting(AccountRateLimiting.PasswordReset)]
public sealed class MotDePasseOublieModel(UserManager<NetworkUser> users, DatabaseSession session, AccountMailer mailer) : AccountPageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet([FromQuery] string? email) => Input.Email = email;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is not null)
        {
            await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await mailer.SendPasswordResetAsync(user, Tenant, token, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return RedirectToPage("/Compte/CourrielEnvoye", new { motif = CourrielEnvoyeModel.PasswordReset });
    }
}
