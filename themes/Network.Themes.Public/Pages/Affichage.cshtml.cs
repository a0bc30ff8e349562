using Network.Core.Tenancy;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Themes.Public.Theming;

namespace Network.Themes.Public.Pages;

/// <summary>Display settings (light, dark, system) as a plain form: a cookie, then back to the page the visitor came from.</summary>
public sealed class DisplaySettingsPageModel : PageModel
{
    [BindProperty(Name = "schema")]
    public string? Scheme { get; set; }

    [BindProperty(Name = "retour", SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Saved { get; private set; }

    public string? Error { get; private set; }

    public void OnGet(bool enregistre = false)
    {
        Scheme = DisplaySettings.Scheme(HttpContext);
        Saved = enregistre;
        if (!TenantUrls.IsLocalToTenant(HttpContext, ReturnUrl)) ReturnUrl = null;
    }

    public IActionResult OnPost()
    {
        if (!TenantUrls.IsLocalToTenant(HttpContext, ReturnUrl)) ReturnUrl = null;
        if (!DisplaySettings.IsScheme(Scheme))
        {
            Error = "Choisissez un des thèmes proposés : clair, sombre ou système.";
            Scheme = DisplaySettings.Scheme(HttpContext);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        DisplaySettings.Remember(HttpContext, Scheme!);
        return ReturnUrl is not null
            ? LocalRedirect(ReturnUrl)
            : Redirect(ThemeUrls.Tenant(HttpContext, "/affichage") + "?enregistre=true");
    }
}
