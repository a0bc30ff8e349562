using Microsoft.EntityFrameworkCore;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;

namespace Network.Modules.Follows.Services;

/// <summary>The accounts among some ids that can receive mail (address confirmed, not locked), keyed by id.</summary>
public static class FollowerAccounts
{
    public static async Task<IReadOnlyDictionary<string, TenantMember>> ReadAsync(AccountsDbContext accounts, IReadOnlyCollection<string> userIds, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (userIds.Count == 0) return new Dictionary<string, TenantMember>();
        var users = await accounts.Users.AsNoTracking()
            .Where(u => userIds.Contains(u.Id) && u.EmailConfirmed && u.Email != null)
            .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredCulture, u.LockoutEnd })
            .ToListAsync(cancellationToken);
        return users.Where(u => u.LockoutEnd is null || u.LockoutEnd <= now)
            .ToDictionary(u => u.Id, u => new TenantMember(u.Id, u.Email!, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email! : u.DisplayName, u.PreferredCulture), StringComparer.Ordinal);
    }
}
