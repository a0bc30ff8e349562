using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.Tenancy;

/// <summary>
/// The hub's way to read what the regions hold (their call rounds, awards, event seats): each running region with a
/// module enabled, in name order, in a scope of its own with its database ready.
/// </summary>
public sealed class RegionScopes(TenantCatalog catalog, TenantActivator activator, TenantScopeFactory scopes)
{
    /// <summary>
    /// The running regions where <paramref name="moduleId"/> is enabled, by name; the hub too with <paramref name="includeHub"/>
    /// (what an account holds everywhere: personal data exports and erasure).
    /// </summary>
    public IReadOnlyList<TenantInfo> RunningWith(string moduleId, bool includeHub = false)
        => catalog.All.Where(t => (includeHub || !t.IsHub) && t.State == TenantState.Running && t.IsEnabled(moduleId)).OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Runs <paramref name="read"/> in each of <see cref="RunningWith"/>'s tenants and returns the results in the same order.</summary>
    public async Task<IReadOnlyList<(TenantInfo Region, T Result)>> ReadEachAsync<T>(string moduleId, Func<TenantInfo, IServiceProvider, Task<T>> read, bool includeHub = false)
    {
        var results = new List<(TenantInfo, T)>();
        foreach (var region in RunningWith(moduleId, includeHub))
        {
            await activator.EnsureActivatedAsync(region);
            await using var scope = scopes.CreateScope(region);
            results.Add((region, await read(region, scope.ServiceProvider)));
        }
        return results;
    }
}
