using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Tenancy;

namespace Network.Modules.Tenants.Services;

/// <summary>On first run, creates the hub from the "network" recipe, then the configured regions.</summary>
public sealed class FirstRunSetupTask(TenantCatalog catalog, TenantManager tenants, IOptions<NetworkOptions> options, ILogger<FirstRunSetupTask> logger) : IStartupTask
{
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // A set-up cut short by a crash (the hub's included) would otherwise answer 503 for ever.
        var abandoned = await tenants.RemoveAbandonedSetupsAsync(TimeSpan.FromMinutes(options.Value.AbandonedSetupMinutes), cancellationToken);
        if (abandoned.Count > 0) await catalog.ReloadAsync(cancellationToken);
        if (catalog.Hub is not null) return;
        logger.LogInformation("First run: creating the network hub and {Count} regions", options.Value.InitialTenants.Count);
        await tenants.CreateAsync(new TenantCreation(TenantRecord.HubName, "Réseau national", "network"), cancellationToken);
        foreach (var region in options.Value.InitialTenants)
        {
            if (catalog.Find(region.Name) is not null) continue;
            await tenants.CreateAsync(new TenantCreation(region.Name, region.DisplayName, region.Recipe, ExtraSteps: [region.Settings.ToRecipeStep()]), cancellationToken);
        }
    }
}
