using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;

namespace Network.Modules.Accounts.Pages;

/// <summary>What every account and roles page needs: the current tenant and Identity errors tied to fields.</summary>
public abstract class AccountPageModel : PageModel
{
    protected TenantInfo Tenant => HttpContext.RequestServices.GetRequiredService<TenantContext>().Required;

    /// <summary>The tenant's home (path base included).</summary>
    protected string HomeUrl => Url.Content("~/");

    protected void AddErrors(IdentityResult result, string key)
    {
        foreach (var error in result.Errors) ModelState.AddModelError(key, error.Description);
    }

    /// <summary>The return URL when it stays on this site, else the tenant's home.</summary>
    protected string SafeReturnUrl(string? returnUrl) => !string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : HomeUrl;
}
