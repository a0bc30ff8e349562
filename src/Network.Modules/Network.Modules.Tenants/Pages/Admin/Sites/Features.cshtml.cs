using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

/// <summary>The modules of one site: enabling brings what a module needs; disabling one that others need is refused.</summary>
[RequireNetworkAdministrator]
[HubOnly]
public sealed class FeaturesModel(TenantManager manager, ModuleCatalog modules, IStringLocalizer T) : SitesPageModel
{
    public TenantRecord Site { get; private set; } = null!;

    public IReadOnlyList<NetworkModule> Modules => modules.Modules;

    public bool IsEnabled(NetworkModule module) => module.IsAlwaysEnabled || Site.Features.Contains(module.Id, StringComparer.OrdinalIgnoreCase);

    public NetworkModule? Module(string id) => modules.Find(id);

    /// <summary>What the last action did, from the redirect that followed it.</summary>
    public NetworkModule? Enabled { get; private set; }

    public IReadOnlyList<NetworkModule> EnabledWith { get; private set; } = [];

    public NetworkModule? Disabled { get; private set; }

    public async Task<IActionResult> OnGetAsync(string name, string? active, string? avec, string? desactive, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        Enabled = active is null ? null : modules.Find(active);
        EnabledWith = (avec ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(modules.Find).OfType<NetworkModule>().ToList();
        Disabled = desactive is null ? null : modules.Find(desactive);
        return Page();
    }

    public Task<IActionResult> OnPostEnableAsync(string name, string? module, CancellationToken cancellationToken)
        => ChangeAsync(name, module, enable: true, cancellationToken);

    public Task<IActionResult> OnPostDisableAsync(string name, string? module, CancellationToken cancellationToken)
        => ChangeAsync(name, module, enable: false, cancellationToken);

    private async Task<IActionResult> ChangeAsync(string name, string? moduleId, bool enable, CancellationToken cancellationToken)
    {
        if (await manager.FindRecordAsync(name, cancellationToken) is not { } site) return NotFound();
        Site = site;
        var module = modules.Find(moduleId ?? "");
        try
        {
            if (module is null) throw new TenantValidationException([("feature", T["Module inconnu : rechargez la page puis recommencez."])]);
            if (!enable && site.IsHub && module is TenantsModule)
                throw new TenantValidationException([("feature", T["Le module « {0} » ne peut pas être désactivé sur le hub depuis cette page, qui en fait partie ; utilisez la ligne de commande (tenants features).", T[module.Name]])]);
            if (enable) await manager.EnableFeatureAsync(name, module.Id, cancellationToken);
            else await manager.DisableFeatureAsync(name, module.Id, cancellationToken);
        }
        catch (TenantValidationException exception)
        {
            AddErrors(exception, new Dictionary<string, string>());
            return Page();
        }

        var query = enable ? $"active={module.Id}" : $"desactive={module.Id}";
        if (enable)
        {
            var after = (await manager.FindRecordAsync(name, cancellationToken))!.Features;
            var pulled = after.Where(f => !site.Features.Contains(f, StringComparer.OrdinalIgnoreCase) && !string.Equals(f, module.Id, StringComparison.OrdinalIgnoreCase)).ToList();
            if (pulled.Count > 0) query += "&avec=" + Uri.EscapeDataString(string.Join(",", pulled));
        }
        return Redirect(Url.Content($"~/admin/sites/{Uri.EscapeDataString(name)}/fonctionnalites?{query}"));
    }
}
