using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Localization;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

[EnableRateLimiting(AccountRateLimiting.SignUp)]
public sealed class InscriptionModel(UserManager<NetworkUser> users, DatabaseSession session, AccountMailer mailer, IOptions<IdentityOptions> identity) : AccountPageModel
{
    [BindProperty]
    public SignUpInput Input { get; set; } = new();

    public PasswordOptions PasswordOptions => identity.Value.Password;

    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Redirect(Url.Content("~/compte")) : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid) return Page();
        var email = Input.Email!.Trim();
        var culture = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? "en" : LocalizationCatalog.DefaultCulture;
        var candidate = new NetworkUser
        {
            UserName = email,
            Email = email,
            DisplayName = Input.DisplayName!.Trim(),
            CreatedUtc = DateTime.UtcNow,
            PreferredCulture = culture,
        };

        // Password rules first, the same answer whether the address is known or not.
        foreach (var validator in users.PasswordValidators)
            AddErrors(await validator.ValidateAsync(users, candidate, Input.Password!), "Input.Password");
        if (!ModelState.IsValid) return Page();

        // The account and its e-mail commit together, or neither does.
        await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
        var existing = await users.FindByEmailAsync(email);
        // Hash as account creation does, so a known address is not told apart by a quicker answer.
        if (existing is not null) users.PasswordHasher.HashPassword(candidate, Input.Password!);
        if (existing is { EmailConfirmed: false })
        {
            // Signing up again before confirming: the first link may be lost, send a fresh one.
            var token = await users.GenerateEmailConfirmationTokenAsync(existing);
            await mailer.SendConfirmationAsync(existing, Tenant, token, cancellationToken);
        }
        else if (existing is not null)
        {
            // Never tell the visitor the address has an account: tell its owner instead.
            await mailer.SendAlreadyRegisteredAsync(existing, Tenant, cancellationToken);
        }
        else
        {
            IdentityResult created;
            try
            {
                created = await users.CreateAsync(candidate, Input.Password!);
            }
            catch (DbUpdateException)
            {
                // Two sign-ups with the same address at once: the other one won, answer as for a known address.
                return RedirectToPage("/Compte/CourrielEnvoye", new { motif = CourrielEnvoyeModel.SignUp });
            }
            if (!created.Succeeded)
            {
                if (created.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
                    return RedirectToPage("/Compte/CourrielEnvoye", new { motif = CourrielEnvoyeModel.SignUp });
                AddErrors(created, "Input.Email");
                return Page();
            }
            var token = await users.GenerateEmailConfirmationTokenAsync(candidate);
            await mailer.SendConfirmationAsync(candidate, Tenant, token, cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return RedirectToPage("/Compte/CourrielEnvoye", new { motif = CourrielEnvoyeModel.SignUp });
    }
}

public sealed class SignUpInput
{
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
    [RegularExpression(@".*\S.*", ErrorMessage = "Indiquez votre nom.")]
    public string? DisplayName { get; set; }

    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide. Exemple : nom@domaine.fr")]
    [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}
