using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Tenants.Cli;
using Network.Modules.Tenants.Services;

namespace Network.Modules.Tenants;

/// <summary>Network administration of the regional sites, from the hub's admin and the command line.</summary>
public sealed class TenantsModule : NetworkModule
{
    public override string Id => "Tenants";
    public override string Name => "Sites régionaux";
    public override string Description => "Création, configuration, désactivation des sites régionaux (administrateurs du réseau).";
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Sites régionaux", "/admin/sites", null, 10, HubOnly: true)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<IStartupTask, FirstRunSetupTask>();
        services.AddSingleton<ICliCommand, TenantsCommand>();
        services.AddSingleton<ICliCommand, RecipesCommand>();
        var pollSeconds = configuration.GetValue("Network:RegistryPollSeconds", 2.0);
        if (pollSeconds > 0)
        {
            services.AddHostedService(sp => new TenantRegistryWatcher(
                sp.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<TenantCatalog>(),
                TimeSpan.FromSeconds(pollSeconds), sp.GetRequiredService<ILogger<TenantRegistryWatcher>>()));
        }
    }
}
