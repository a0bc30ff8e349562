using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Network.Core.Data;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>Sends a fresh confirmation link; the answer never says whether the address has an account.</summary>
[EnableRateLimiting(AccountRateLimiting.SignUp)]
public sealed class RenvoyerConfirmationModel(UserManager<NetworkUser> users, DatabaseSession session, AccountMailer mailer) : AccountPageModel
{
    [BindProperty]
    public EmailInput Input { get; set; } = new();

    public void OnGet([FromQuery] string? email) => Input.Email = email;

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is { EmailConfirmed: false })
        {
            await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await mailer.SendConfirmationAsync(user, Tenant, token, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        return RedirectToPage("/Compte/CourrielEnvoye", new { motif = CourrielEnvoyeModel.Confirmation });
    }
}

public sealed class EmailInput
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide. Exemple : nom@domaine.fr")]
    [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
    public string? Email { get; set; }
}
