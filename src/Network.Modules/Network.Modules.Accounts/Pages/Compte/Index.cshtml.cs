using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>The signed-in person's account: name, address, roles in each site; change name and password.</summary>
[Authorize]
public sealed class IndexModel(UserManager<NetworkUser> users, SignInManager<NetworkUser> signIn, AccountsDbContext accounts, TenantCatalog tenants, IStringLocalizer T) : AccountPageModel
{
    public NetworkUser Account { get; private set; } = null!;

    public bool IsNetworkAdministrator { get; private set; }

    /// <summary>Roles per site, sites in name order.</summary>
    public IReadOnlyList<(TenantInfo? Tenant, string TenantName, IReadOnlyList<string> Roles)> RolesBySite { get; private set; } = [];

    public DisplayNameInput NameInput { get; set; } = new();

    public ChangePasswordInput PasswordInput { get; set; } = new();

    [TempData]
    public string? StatusMessage { get; set; }

    public PasswordOptions PasswordOptions => users.Options.Password;

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return Challenge();
        NameInput.DisplayName = Account.DisplayName;
        return Page();
    }

    public async Task<IActionResult> OnPostDisplayNameAsync([Bind(Prefix = nameof(NameInput))] DisplayNameInput nameInput)
    {
        if (!await LoadAsync()) return Challenge();
        NameInput = nameInput;
        if (!ModelState.IsValid) return Page();
        Account.DisplayName = nameInput.DisplayName!.Trim();
        var result = await users.UpdateAsync(Account);
        if (!result.Succeeded)
        {
            AddErrors(result, "NameInput.DisplayName");
            return Page();
        }
        StatusMessage = T["Votre nom affiché est enregistré."];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostPasswordAsync([Bind(Prefix = nameof(PasswordInput))] ChangePasswordInput passwordInput)
    {
        if (!await LoadAsync()) return Challenge();
        NameInput.DisplayName = Account.DisplayName;
        if (!ModelState.IsValid) return Page();
        var result = await users.ChangePasswordAsync(Account, passwordInput.CurrentPassword!, passwordInput.NewPassword!);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                var key = error.Code == nameof(IdentityErrorDescriber.PasswordMismatch) ? "PasswordInput.CurrentPassword" : "PasswordInput.NewPassword";
                ModelState.AddModelError(key, error.Description);
            }
            return Page();
        }
        // The security stamp changed: renew this device's cookie so it stays signed in.
        await signIn.RefreshSignInAsync(Account);
        StatusMessage = T["Votre mot de passe est modifié."];
        return RedirectToPage();
    }

    private async Task<bool> LoadAsync()
    {
        var account = await users.GetUserAsync(User);
        if (account is null) return false;
        Account = account;
        IsNetworkAdministrator = await users.IsInRoleAsync(account, NetworkRoles.Administrator);
        var assignments = await accounts.TenantRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == account.Id)
            .Select(a => new { a.TenantName, a.Role })
            .ToListAsync();
        RolesBySite = assignments.GroupBy(a => a.TenantName)
            .Select(g => (tenants.Find(g.Key), g.Key, (IReadOnlyList<string>)g.Select(a => a.Role).OrderBy(r => NetworkRolesOrder(r)).ToList()))
            .OrderBy(s => s.Item1?.IsHub == true ? 0 : 1).ThenBy(s => s.Item1?.DisplayName ?? s.Key, StringComparer.CurrentCulture)
            .ToList();
        return true;
    }

    private static int NetworkRolesOrder(string role)
    {
        var index = NetworkRoles.TenantRoles.ToList().IndexOf(role);
        return index < 0 ? int.MaxValue : index;
    }
}

public sealed class DisplayNameInput
{
    [Required(ErrorMessage = "Indiquez votre nom.")]
    [StringLength(100, ErrorMessage = "Le nom ne doit pas dépasser 100 caractères.")]
    [RegularExpression(@".*\S.*", ErrorMessage = "Indiquez votre nom.")]
    public string? DisplayName { get; set; }
}

public sealed class ChangePasswordInput
{
    [Required(ErrorMessage = "Indiquez votre mot de passe actuel.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? CurrentPassword { get; set; }

    [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe ne doit pas dépasser 200 caractères.")]
    public string? NewPassword { get; set; }

    [Required(ErrorMessage = "Saisissez à nouveau le nouveau mot de passe.")]
    [Compare(nameof(NewPassword), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string? ConfirmPassword { get; set; }
}
