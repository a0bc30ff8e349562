using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Services;

/// <summary>
/// Reloads the tenant catalog when the registry changed outside this process (the command line run
/// beside a live site, another web node). Changes made in-process reload the catalog at once; this
/// only bounds how stale another writer's change can be. The check is one small aggregate query.
/// </summary>
public sealed class TenantRegistryWatcher(IServiceScopeFactory scopeFactory, TenantCatalog catalog, TimeSpan interval, ILogger<TenantRegistryWatcher> logger)
    : BackgroundService
{
    private (int Count, DateTime? LastChange) _seen;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval);
        try
        {
            _seen = await FingerprintAsync(stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    var current = await FingerprintAsync(stoppingToken);
                    if (current == _seen) continue;
                    await catalog.ReloadAsync(stoppingToken);
                    _seen = current;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Checking the tenant registry for changes failed; retrying");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task<(int, DateTime?)> FingerprintAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var tenants = scope.ServiceProvider.GetRequiredService<TenantsDbContext>().Tenants;
        // Every change bumps UpdatedUtc; a removal (rolled-back creation) changes the count.
        var fingerprint = await tenants.GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), LastChange = g.Max(t => (DateTime?)t.UpdatedUtc) })
            .SingleOrDefaultAsync(cancellationToken);
        return (fingerprint?.Count ?? 0, fingerprint?.LastChange);
    }
}
