using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Network.Core.Tenancy;

namespace Network.Modules.Mail.Services;

/// <summary>
/// Forwards the messages a tenant transaction committed but whose relay to the outbox did not happen (the process
/// stopped in between): at start-up and every <see cref="SweepInterval"/>, for every running tenant.
/// </summary>
public sealed class MailRelayWorker(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, TimeProvider time, ILogger<MailRelayWorker> logger) : BackgroundService
{
    public static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(30);

    /// <summary>Younger rows are left to the request that queued them, which forwards them right after its commit.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            await SweepAsync(time.GetUtcNow().UtcDateTime - Grace, stoppingToken);
            try { await Task.Delay(SweepInterval, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Forwards every running tenant's messages queued before <paramref name="queuedBefore"/>; returns how many.</summary>
    public async Task<int> SweepAsync(DateTime queuedBefore, CancellationToken cancellationToken = default)
    {
        var forwarded = 0;
        foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled(MailModule.ModuleId)))
        {
            try
            {
                await activator.EnsureActivatedAsync(tenant);
                await using var scope = scopes.CreateScope(tenant);
                forwarded += await scope.ServiceProvider.GetRequiredService<MailRelay>().ForwardWaitingAsync(queuedBefore, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Mail relay of {Tenant} failed; it will retry", tenant.Name);
            }
        }
        return forwarded;
    }
}
