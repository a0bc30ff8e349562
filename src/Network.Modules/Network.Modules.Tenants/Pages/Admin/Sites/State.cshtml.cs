using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

/// <summary>Confirms, then disables or re-enables a site. The form names the target state, so a repeated post changes nothing more.</summary>
[RequireNetworkAdministrator]
[HubOnly]
public sealed class StateModel(TenantManager manager, IStringLocalizer T) : SitesPageModel
{
    public TenantRecord Site { get; private set; } = null!;

    /// <summary>The state the confirmation leads to.</summary>
    public TenantState Target => Site.State == TenantState.Running ? TenantState.Disabled : TenantState.Running;

    public async Task<IActionResult> OnGetAsync(string name, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string name, string? target, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        if (!Enum.TryParse<TenantState>(target, ignoreCase: false, out var state) || state is not (TenantState.Running or TenantState.Disabled))
        {
            FormError = T["Action inconnue : rechargez la page puis recommencez."];
            return Page();
        }
        try
        {
            if (site.State != state) await manager.SetStateAsync(name, state, cancellationToken);
        }
        catch (TenantValidationException exception)
        {
            AddErrors(exception, new Dictionary<string, string>());
            return Page();
        }
        var flag = state == TenantState.Disabled ? "desactive" : "reactive";
        return Redirect(Url.Content($"~/admin/sites?{flag}={Uri.EscapeDataString(name)}"));
    }
}
