using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Network.Core.Tenancy;

namespace Network.Core.Modules;

/// <summary>The admin menu of the current tenant: entries of enabled modules that the user may open.</summary>
public interface IAdminMenu
{
    Task<IReadOnlyList<AdminMenuItem>> BuildAsync(ClaimsPrincipal user, TenantInfo tenant);
}

internal sealed class AdminMenu(ModuleCatalog modules, IAuthorizationService authorization) : IAdminMenu
{
    public async Task<IReadOnlyList<AdminMenuItem>> BuildAsync(ClaimsPrincipal user, TenantInfo tenant)
    {
        var items = new List<AdminMenuItem>();
        foreach (var module in modules.Modules.Where(m => m.IsAlwaysEnabled || tenant.IsEnabled(m.Id)))
        {
            foreach (var item in module.AdminMenu)
            {
                if (item.HubOnly && !tenant.IsHub) continue;
                if (item.Permission is not null && !(await authorization.AuthorizeAsync(user, Security.PermissionPolicyProvider.Prefix + item.Permission)).Succeeded) continue;
                if (item.Permission is null && !user.IsInRole(Security.NetworkRoles.Administrator)) continue;
                items.Add(item);
            }
        }
        return items.OrderBy(i => i.Order).ThenBy(i => i.Label, StringComparer.Ordinal).ToList();
    }
}
