using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Services;

/// <summary>Someone to write to about a tenant's work: address, name and language of the mails.</summary>
public sealed record TenantMember(string UserId, string Email, string DisplayName, string PreferredCulture);

/// <summary>
/// Who holds a permission in the current tenant (roles granted here, permissions those roles hold here), for
/// notifications such as "an item awaits moderation". Network administrators are not included: they hold
/// every permission everywhere and would receive every region's mail.
/// </summary>
public sealed class TenantMembers(AccountsDbContext accounts, TenantRolesDbContext roles, TenantContext tenantContext, TimeProvider clock)
{
    public async Task<IReadOnlyList<TenantMember>> WithPermissionAsync(string permission, CancellationToken cancellationToken = default)
    {
        var tenant = tenantContext.Required.Name;
        var granting = (await roles.Roles.AsNoTracking().ToListAsync(cancellationToken))
            .Where(r => r.Permissions.Contains(permission)).Select(r => r.Name).ToList();
        if (granting.Count == 0) return [];
        var now = clock.GetUtcNow();
        var users = await (from a in accounts.TenantRoleAssignments.AsNoTracking()
                           where a.TenantName == tenant && granting.Contains(a.Role)
                           join u in accounts.Users.AsNoTracking() on a.UserId equals u.Id
                           where u.EmailConfirmed && u.Email != null
                           select u).ToListAsync(cancellationToken);
        // Locked accounts (by an administrator or after failed sign-ins) are left out; one entry per person.
        return users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .DistinctBy(u => u.Id)
            .OrderBy(u => u.Email, StringComparer.Ordinal)
            .Select(ToMember).ToList();
    }

    /// <summary>The account of <paramref name="userId"/> if it can receive mail.</summary>
    public async Task<TenantMember?> FindAsync(string userId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(userId)) return null;
        var user = await accounts.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return user is { EmailConfirmed: true, Email: not null } ? ToMember(user) : null;
    }

    /// <summary>The accounts among <paramref name="userIds"/> that can receive mail (address confirmed, not locked), by id: one query for a batch of followers.</summary>
    public async Task<IReadOnlyDictionary<string, TenantMember>> FindManyAsync(IReadOnlyCollection<string> userIds, CancellationToken cancellationToken = default)
    {
        if (userIds.Count == 0) return new Dictionary<string, TenantMember>();
        var users = await accounts.Users.AsNoTracking().Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null).ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        return users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now).ToDictionary(u => u.Id, ToMember, StringComparer.Ordinal);
    }

    private static TenantMember ToMember(NetworkUser user)
        => new(user.Id, user.Email!, string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email! : user.DisplayName, user.PreferredCulture);
}
