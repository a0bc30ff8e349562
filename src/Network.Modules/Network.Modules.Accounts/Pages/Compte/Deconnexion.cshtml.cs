using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Pages.Compte;

/// <summary>Signing out is a POST (with antiforgery); the GET only shows the button, so it works without JavaScript.</summary>
public sealed class DeconnexionModel(SignInManager<NetworkUser> signIn) : AccountPageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : Redirect(HomeUrl);

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return Redirect(HomeUrl);
    }
}
