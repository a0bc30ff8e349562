using Network.Core.Security;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Pages.Admin.Sites;

[RequireNetworkAdministrator]
[HubOnly]
public sealed class IndexModel(TenantManager manager) : SitesPageModel
{
    public IReadOnlyList<TenantRecord> Sites { get; private set; } = [];

    /// <summary>The tenant just created, disabled or re-enabled (from the redirect after the action).</summary>
    public TenantRecord? Changed { get; private set; }

    public string? ChangedAction { get; private set; }

    public async Task OnGetAsync(string? cree, string? desactive, string? reactive, CancellationToken cancellationToken)
    {
        Sites = await manager.ListRecordsAsync(cancellationToken);
        (ChangedAction, var name) = cree is not null ? ("created", cree) : desactive is not null ? ("disabled", desactive) : reactive is not null ? ("enabled", reactive) : (null, null);
        Changed = Sites.FirstOrDefault(s => s.Name == name);
        if (Changed is null) ChangedAction = null;
    }
}
