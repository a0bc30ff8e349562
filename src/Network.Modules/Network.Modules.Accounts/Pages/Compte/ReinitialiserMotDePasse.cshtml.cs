using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>The link of the password-reset e-mail: choose a new password. A forged, expired or used link changes nothing.</summary>
[EnableRateLimiting(AccountRateLimiting.PasswordReset)]
public sealed class ReinitialiserMotDePasseModel(UserManager<NetworkUser> users) : AccountPageModel
{
    [BindProperty(SupportsGet = true, Name = AccountLinks.UserIdParameter)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true, Name = AccountLinks.TokenParameter)]
    public string? Code { get; set; }

    [BindProperty]
    public NewPasswordInput Input { get; set; } = new();

    public bool LinkInvalid { get; private set; }

    public bool Done { get; private set; }

    public PasswordOptions PasswordOptions => users.Options.Password;

    public async Task<IActionResult> OnGetAsync()
    {
        var (user, token) = await ReadLinkAsync();
        if (user is null || !await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<NetworkUser>.ResetPasswordTokenPurpose, token!))
            return RefuseLink();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var (user, token) = await ReadLinkAsync();
        if (user is null) return RefuseLink();
        if (!ModelState.IsValid) return Page();
        var result = await users.ResetPasswordAsync(user, token!, Input.Password!);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))) return RefuseLink();
        if (!result.Succeeded)
        {
            AddErrors(result, "Input.Password");
            return Page();
        }
        if (!user.EmailConfirmed)
        {
            // The link reached the mailbox: that confirms the address as well.
            user.EmailConfirmed = true;
            await users.UpdateAsync(user);
        }
        Done = true;
        return Page();
    }

    private async Task<(NetworkUser? User, string? Token)> ReadLinkAsync()
    {
        var token = AccountLinks.DecodeToken(Code);
        if (string.IsNullOrEmpty(UserId) || token is null) return (null, null);
        return (await users.FindByIdAsync(UserId), token);
    }

    private PageResult RefuseLink()
    {
        LinkInvalid = true;
        Response.StatusCode = StatusCodes.Status400BadRequest;
        return Page();
    }
}

public sealed class NewPasswordInput
{
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? Password { get; set; }

    [Required(ErrorMessage = "Saisissez à nouveau le mot de passe.")]
    [Compare(nameof(Password), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}
