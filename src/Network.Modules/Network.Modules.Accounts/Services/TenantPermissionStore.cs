using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Services;

/// <summary>
/// Answers "may this account do X here?" from the roles granted in the current tenant (host database)
/// and what those roles hold in that tenant (tenant database). Cached for the request.
/// </summary>
public sealed class TenantPermissionStore(AccountsDbContext accounts, TenantRolesDbContext roles, TenantContext tenantContext) : ITenantPermissionStore
{
    private readonly Dictionary<string, HashSet<string>> _cache = new(StringComparer.Ordinal);

    public async Task<bool> HasPermissionAsync(string userId, TenantInfo tenant, string permission)
    {
        // The role definitions read here are the current tenant's: never answer for another.
        if (tenantContext.Tenant?.Name != tenant.Name) return false;
        if (!_cache.TryGetValue(userId, out var permissions))
        {
            var granted = await RolesAsync(userId, tenant.Name);
            permissions = granted.Count == 0
                ? []
                : (await roles.Roles.AsNoTracking().Where(r => granted.Contains(r.Name)).ToListAsync())
                    .SelectMany(r => r.Permissions).ToHashSet(StringComparer.Ordinal);
            _cache[userId] = permissions;
        }
        return permissions.Contains(permission);
    }

    public Task<List<string>> RolesAsync(string userId, string tenantName)
        => accounts.TenantRoleAssignments.AsNoTracking()
            .Where(a => a.UserId == userId && a.TenantName == tenantName)
            .Select(a => a.Role).ToListAsync();
}
