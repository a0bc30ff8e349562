using System.Collections.Concurrent;
using Network.Core.Data;

namespace Network.Core.Tenancy;

/// <summary>
/// Brings a tenant to life on its first request: upgrades its database once per settings version.
/// Concurrent first requests share the same activation task.
/// </summary>
public sealed class TenantActivator(DatabaseMigrator migrator)
{
    private readonly ConcurrentDictionary<string, (Guid Version, Lazy<Task> Activation)> _activations = new();

    public Task EnsureActivatedAsync(TenantInfo tenant)
    {
        var entry = _activations.AddOrUpdate(
            tenant.Name,
            _ => (tenant.Version, NewActivation(tenant)),
            (_, existing) => existing.Version == tenant.Version && !existing.Activation.Value.IsFaulted
                ? existing
                : (tenant.Version, NewActivation(tenant)));
        return entry.Activation.Value;
    }

    public int ActiveCount => _activations.Count;

    public void Forget(string tenantName) => _activations.TryRemove(tenantName, out _);

    private Lazy<Task> NewActivation(TenantInfo tenant)
        => new(() => migrator.MigrateTenantAsync(tenant), LazyThreadSafetyMode.ExecutionAndPublication);
}
