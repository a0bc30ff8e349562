using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Accounts.Pages.Compte;

[EnableRateLimiting(AccountRateLimiting.SignIn)]
public sealed class ConnexionModel(UserManager<NetworkUser> users, SignInManager<NetworkUser> signIn) : AccountPageModel
{
    public LockoutOptions Lockout => users.Options.Lockout;

    // Verified against unknown addresses so that they take as long to refuse as known ones.
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<NetworkUser>().HashPassword(new NetworkUser(), Guid.NewGuid().ToString()));

    [BindProperty]
    public SignInInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public SignInProblem Problem { get; private set; }

    /// <summary>End of the lockout, in Paris time, already formatted for the page.</summary>
    public string? LockedUntil { get; private set; }

    public IActionResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await users.FindByEmailAsync(Input.Email!.Trim());
        if (user is null)
        {
            users.PasswordHasher.VerifyHashedPassword(new NetworkUser(), DecoyHash.Value, Input.Password!);
            return Refuse(SignInProblem.WrongCredentials);
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password!, Input.RememberMe, lockoutOnFailure: true);
        if (result.Succeeded) return Redirect(SafeReturnUrl(ReturnUrl));
        if (result.IsLockedOut) return await RefuseLockedAsync(user);
        if (result.IsNotAllowed)
        {
            // Identity refuses an unconfirmed account before looking at the lockout or the password: only
            // say it is unconfirmed to someone who knows the password, otherwise count a failure as usual.
            if (await users.IsLockedOutAsync(user)) return await RefuseLockedAsync(user);
            if (await users.CheckPasswordAsync(user, Input.Password!))
            {
                await users.ResetAccessFailedCountAsync(user);
                return Refuse(SignInProblem.EmailNotConfirmed);
            }
            await users.AccessFailedAsync(user);
            if (await users.IsLockedOutAsync(user)) return await RefuseLockedAsync(user);
        }
        return Refuse(SignInProblem.WrongCredentials);
    }

    private async Task<PageResult> RefuseLockedAsync(NetworkUser user)
    {
        LockedUntil = FormatLockoutEnd(await users.GetLockoutEndDateAsync(user));
        return Refuse(LockedUntil is null ? SignInProblem.LockedByAdministrator : SignInProblem.LockedOut);
    }

    private PageResult Refuse(SignInProblem problem)
    {
        Problem = problem;
        return Page();
    }

    /// <summary>Null when the lock has no near end (an administrator locked the account).</summary>
    private static string? FormatLockoutEnd(DateTimeOffset? end)
    {
        if (end is not { } value || value > DateTimeOffset.UtcNow.AddYears(1)) return null;
        var paris = TimeZoneInfo.ConvertTime(value, ParisTime);
        var culture = CultureInfo.CurrentCulture;
        return paris.Date == TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, ParisTime).Date
            ? paris.ToString("HH:mm", culture)
            : paris.ToString("d MMMM HH:mm", culture);
    }

    private static readonly TimeZoneInfo ParisTime = FindParisTime();

    private static TimeZoneInfo FindParisTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.Utc;
        }
    }
}

public enum SignInProblem
{
    None,
    WrongCredentials,
    EmailNotConfirmed,
    LockedOut,
    LockedByAdministrator,
}

public sealed class SignInInput
{
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide. Exemple : nom@domaine.fr")]
    [StringLength(256, ErrorMessage = "L'adresse électronique ne doit pas dépasser 256 caractères.")]
    public string? Email { get; set; }

    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? Password { get; set; }

    public bool RememberMe { get; set; }
}
