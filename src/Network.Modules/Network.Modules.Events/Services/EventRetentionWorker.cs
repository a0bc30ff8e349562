using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;

namespace Network.Modules.Events.Services;

/// <summary>
/// Runs <see cref="RegistrationRetention"/> in every running tenant with the Events module, at start-up then every
/// <see cref="EventRetentionOptions.SweepMinutes"/>. Nothing is kept in memory between passes: after a restart or a
/// missed pass, the next one catches up from the dates alone.
/// </summary>
public sealed class EventRetentionWorker(TenantCatalog catalog, TenantScopeFactory scopes, TenantActivator activator, IOptions<EventRetentionOptions> options,
    ILogger<EventRetentionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var every = TimeSpan.FromMinutes(Math.Max(1, options.Value.SweepMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var tenant in catalog.All.Where(t => t.State == TenantState.Running && t.IsEnabled(EventsModule.ModuleId)).ToList())
            {
                try
                {
                    await RunAsync(tenant, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // Nothing was half done (one transaction per step): the next pass tries again.
                    logger.LogError(ex, "Registration retention failed in {Tenant}; it will retry", tenant.Name);
                }
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One pass in <paramref name="tenant"/> (tests and the worker).</summary>
    public async Task<RetentionPass> RunAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        await activator.EnsureActivatedAsync(tenant);
        await using var scope = scopes.CreateScope(tenant);
        var pass = await scope.ServiceProvider.GetRequiredService<RegistrationRetention>().RunAsync(cancellationToken);
        if (pass.AnswersDeleted + pass.Anonymised > 0)
            logger.LogInformation("Retention in {Tenant}: answers deleted for {Answers} registration(s), {Anonymised} anonymised", tenant.Name, pass.AnswersDeleted, pass.Anonymised);
        return pass;
    }
}
