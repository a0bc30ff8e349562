using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Services;

/// <summary>
/// Key figure of the accounts: the members of a tenant (accounts holding a role there; on the hub every account).
/// Counted at most once a minute per tenant (<see cref="MemberCounts"/>): home views read it from memory.
/// </summary>
public sealed class AccountKeyFigures(AccountsDbContext accounts, MemberCounts counts, TimeProvider clock) : IKeyFigureSource
{
    public string ModuleId => AccountsModule.ModuleId;

    public async Task<IReadOnlyList<KeyFigure>> GetAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow();
        if (!counts.TryGet(tenant.Name, now, out var members))
        {
            members = tenant.IsHub
                ? await accounts.Users.CountAsync(cancellationToken)
                : await accounts.TenantRoleAssignments.Where(a => a.TenantName == tenant.Name).Select(a => a.UserId).Distinct().CountAsync(cancellationToken);
            counts.Set(tenant.Name, now, members);
        }
        return [new("members", tenant.IsHub ? "Membres du réseau" : "Membres", members, KeyFigureUnit.Count, 30)];
    }
}

/// <summary>The last member count of each tenant and when it was taken.</summary>
public sealed class MemberCounts
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Taken, int Count)> _byTenant = new(StringComparer.Ordinal);

    public bool TryGet(string tenant, DateTimeOffset now, out int count)
    {
        count = 0;
        if (!_byTenant.TryGetValue(tenant, out var entry) || now - entry.Taken > Lifetime) return false;
        count = entry.Count;
        return true;
    }

    public void Set(string tenant, DateTimeOffset now, int count) => _byTenant[tenant] = (now, count);

    /// <summary>Forgets every count (tests, and a role granted or revoked when the caller wants it seen at once).</summary>
    public void Clear() => _byTenant.Clear();
}
