using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;

namespace Network.Core.Tenancy;

/// <summary>
/// The in-memory view of the tenant registry used to route every request. Reloaded after each change;
/// lookups are dictionary reads on an immutable snapshot.
/// </summary>
public sealed class TenantCatalog(IServiceScopeFactory scopeFactory, TenantGenerations generations)
{
    private volatile Snapshot _snapshot = Snapshot.Empty;
    private readonly SemaphoreSlim _reloadLock = new(1, 1);

    public IReadOnlyCollection<TenantInfo> All => _snapshot.ByName.Values;

    public TenantInfo? Find(string name) => _snapshot.ByName.GetValueOrDefault(name);

    public TenantInfo? Hub => Find(TenantRecord.HubName);

    /// <summary>Host match wins over prefix; otherwise the first path segment; otherwise the hub.</summary>
    public (TenantInfo? Tenant, bool ByHost, string? Prefix) Resolve(string host, string path)
    {
        var snapshot = _snapshot;
        if (host.Length > 0 && snapshot.ByHost.TryGetValue(host.ToLowerInvariant(), out var byHost))
            return (byHost, true, null);
        var segment = FirstSegment(path);
        if (segment.Length > 0 && snapshot.ByPrefix.TryGetValue(segment, out var byPrefix))
            return (byPrefix, false, segment);
        return (snapshot.ByPrefix.GetValueOrDefault(""), false, null);
    }

    public async Task ReloadAsync(CancellationToken cancellationToken = default)
    {
        await _reloadLock.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            var records = await db.Tenants.AsNoTracking().ToListAsync(cancellationToken);
            _snapshot = new Snapshot(records.Select(r => new TenantInfo(r)).ToList());
            generations.AdvanceRegistry();
        }
        finally
        {
            _reloadLock.Release();
        }
    }

    private static string FirstSegment(string path)
    {
        var span = path.AsSpan().TrimStart('/');
        var end = span.IndexOf('/');
        return (end < 0 ? span : span[..end]).ToString();
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([]);

        public Snapshot(List<TenantInfo> tenants)
        {
            ByName = tenants.ToDictionary(t => t.Name, StringComparer.Ordinal);
            ByPrefix = tenants.ToDictionary(t => t.Prefix, StringComparer.Ordinal);
            ByHost = tenants.SelectMany(t => t.Hosts.Select(h => (h, t))).ToDictionary(x => x.h, x => x.t, StringComparer.OrdinalIgnoreCase);
        }

        public Dictionary<string, TenantInfo> ByName { get; }
        public Dictionary<string, TenantInfo> ByPrefix { get; }
        public Dictionary<string, TenantInfo> ByHost { get; }
    }
}
