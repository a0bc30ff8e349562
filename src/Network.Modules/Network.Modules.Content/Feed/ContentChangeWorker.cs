using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;

namespace Network.Modules.Content.Feed;

/// <summary>
/// Hands each tenant's change feed to every <see cref="IContentChangeConsumer"/> (hub copies, notifications,
/// later the search index), each from its own cursor, and publishes scheduled items when their time comes.
/// Woken by <see cref="ContentChangeNotifier"/> right after a commit; sweeps every running tenant at start-up
/// and every <see cref="ContentOptions.SweepSeconds"/>, so nothing is missed after a crash or a restart
/// (the feed and the cursors are in the database; the wake-up is only a nudge).
/// </summary>
public sealed class ContentChangeWorker(
    TenantCatalog catalog,
    TenantScopeFactory scopes,
    TenantActivator activator,
    ContentChangeNotifier notifier,
    IEnumerable<IContentChangeConsumer> consumers,
    IOptions<ContentOptions> options,
    ILogger<ContentChangeWorker> logger) : BackgroundService
{
    // One pass per tenant at a time in this process: a test draining a tenant waits for the worker's pass, and the reverse.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<IContentChangeConsumer> _consumers = consumers.ToList();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var sweepEvery = TimeSpan.FromSeconds(Math.Max(1, options.Value.SweepSeconds));
        var nextSweep = DateTime.UtcNow;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (DateTime.UtcNow >= nextSweep)
                {
                    await SweepAsync(stoppingToken);
                    nextSweep = DateTime.UtcNow + sweepEvery;
                }
                var woken = await WaitForWakeUpsAsync(nextSweep - DateTime.UtcNow, stoppingToken);
                foreach (var name in woken)
                {
                    if (catalog.Find(name) is { } tenant) await ProcessAsync(tenant, publishDue: false, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // ProcessAsync logs per tenant; this is for the unexpected (catalog, channel).
                logger.LogError(ex, "Content change feed round failed");
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>Every running tenant with content: due scheduled items are published, then the feed is read.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken = default)
    {
        foreach (var tenant in catalog.All.Where(HasContent).OrderBy(t => t.IsHub))
            await ProcessAsync(tenant, publishDue: true, cancellationToken);
    }

    /// <summary>
    /// Publishes the tenant's due items and applies every committed change to every consumer before returning
    /// (for tests and the command line: when it returns, the hub and the outbox reflect what was committed before the call).
    /// </summary>
    public async Task DrainAsync(string tenantName, CancellationToken cancellationToken = default)
    {
        var tenant = catalog.Find(tenantName) ?? throw new InvalidOperationException($"Unknown tenant {tenantName}.");
        await ProcessAsync(tenant, publishDue: true, cancellationToken, throwOnError: true);
    }

    private static bool HasContent(TenantInfo tenant) => tenant.State == TenantState.Running && tenant.IsEnabled(ContentModule.ModuleId);

    private async Task<HashSet<string>> WaitForWakeUpsAsync(TimeSpan timeout, CancellationToken stoppingToken)
    {
        var woken = new HashSet<string>(StringComparer.Ordinal);
        if (timeout <= TimeSpan.Zero) return woken;
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        wait.CancelAfter(timeout);
        try
        {
            woken.Add(await notifier.WakeUps.ReadAsync(wait.Token));
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return woken;
        }
        // Several commits in a row give one pass per tenant.
        while (notifier.WakeUps.TryRead(out var more)) woken.Add(more);
        return woken;
    }

    private async Task ProcessAsync(TenantInfo tenant, bool publishDue, CancellationToken cancellationToken, bool throwOnError = false)
    {
        if (!HasContent(tenant)) return;
        var gate = _gates.GetOrAdd(tenant.Name, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await activator.EnsureActivatedAsync(tenant);
            if (publishDue)
            {
                await using var scope = scopes.CreateScope(tenant);
                var published = await scope.ServiceProvider.GetRequiredService<ContentStore>().PublishDueAsync(cancellationToken);
                if (published > 0) logger.LogInformation("Published {Count} scheduled item(s) in {Tenant}", published, tenant.Name);
            }
            foreach (var consumer in _consumers)
            {
                try
                {
                    await RunAsync(tenant, consumer, cancellationToken);
                }
                catch (Exception ex) when (!throwOnError && ex is not OperationCanceledException)
                {
                    // The cursor did not move: the same changes are offered again at the next pass.
                    logger.LogError(ex, "Content consumer {Consumer} failed in {Tenant}; it will retry", consumer.Name, tenant.Name);
                }
            }
        }
        catch (Exception ex) when (!throwOnError && ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Content change feed of {Tenant} could not be read; it will retry", tenant.Name);
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RunAsync(TenantInfo tenant, IContentChangeConsumer consumer, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.BatchSize);
        while (true)
        {
            // A fresh scope per batch: nothing a consumer tracked or left behind leaks into the next one.
            await using var scope = scopes.CreateScope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            var cursor = await db.ChangeCursors.FirstOrDefaultAsync(c => c.Consumer == consumer.Name, cancellationToken);
            var last = cursor?.LastChangeId ?? 0;
            var batch = await db.Changes.AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(batchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0) return;
            await consumer.ApplyAsync(tenant, batch, scope.ServiceProvider, cancellationToken);
            if (cursor is null) db.ChangeCursors.Add(new ContentChangeCursor { Consumer = consumer.Name, LastChangeId = batch[^1].Id });
            else cursor.LastChangeId = batch[^1].Id;
            await db.SaveChangesAsync(cancellationToken);
            if (batch.Count < batchSize) return;
        }
    }
}
