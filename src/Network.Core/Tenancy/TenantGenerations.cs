using System.Collections.Concurrent;

namespace Network.Core.Tenancy;

/// <summary>
/// A number per tenant that moves whenever what its public pages show changes (content committed, through the
/// Content module's notifier), plus one for the registry (a region opened, renamed or disabled). Caches of rendered
/// fragments (the home page's blocks) key on them, so a change shows at the next view without any query per view.
/// </summary>
public sealed class TenantGenerations
{
    private readonly ConcurrentDictionary<string, long> _byTenant = new(StringComparer.Ordinal);
    private long _registry;

    public long Of(string tenant) => _byTenant.GetValueOrDefault(tenant);

    public void Advance(string tenant) => _byTenant.AddOrUpdate(tenant, 1, (_, g) => g + 1);

    /// <summary>Moves when the tenant registry is reloaded (states, names, branding of any tenant).</summary>
    public long Registry => Interlocked.Read(ref _registry);

    public void AdvanceRegistry() => Interlocked.Increment(ref _registry);
}
