using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;

namespace Network.Modules.Events.Services;

/// <summary>
/// Expires guest registrations whose address was not verified in time, in every running tenant with events, every
/// <see cref="RegistrationOptions.ExpirySweepSeconds"/>: their seats go to the people waiting (see
/// <see cref="RegistrationDesk.ExpireUnverifiedAsync"/>). The deadline is in the database, so a restart misses nothing.
/// </summary>
public sealed class GuestExpiryJob(
    TenantCatalog catalog,
    TenantScopeFactory scopes,
    TenantActivator activator,
    IOptions<RegistrationOptions> options,
    ILogger<GuestExpiryJob> logger) : BackgroundService
{
    // One pass per tenant at a time in this process (a test's pass and the timer's).
    private readonly SemaphoreSlim _gate = new(1, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var every = TimeSpan.FromSeconds(Math.Max(1, options.Value.ExpirySweepSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var tenant in catalog.All.Where(HasEvents))
            {
                try
                {
                    await RunAsync(tenant, stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Expiry of unverified registrations failed in {Tenant}; it will retry", tenant.Name);
                }
            }
            try { await Task.Delay(every, stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>One pass over <paramref name="tenant"/> (the timer's, or a test's); returns how many registrations expired.</summary>
    public async Task<int> RunAsync(TenantInfo tenant, CancellationToken cancellationToken = default)
    {
        if (!HasEvents(tenant)) return 0;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await activator.EnsureActivatedAsync(tenant);
            await using var scope = scopes.CreateScope(tenant);
            var expired = await scope.ServiceProvider.GetRequiredService<RegistrationDesk>().ExpireUnverifiedAsync(cancellationToken);
            if (expired > 0) logger.LogInformation("Expired {Count} unverified registration(s) in {Tenant}", expired, tenant.Name);
            return expired;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool HasEvents(TenantInfo tenant) => tenant.State == TenantState.Running && tenant.IsEnabled(EventsModule.ModuleId);
}
