using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Core.Data;

/// <summary>Applies the EF Core migrations of every module: host contexts at start-up, tenant contexts on activation.</summary>
public sealed class DatabaseMigrator(ModuleCatalog modules, TenantScopeFactory scopes)
{
    /// <summary>Host contexts that are not a module's: the tenant registry.</summary>
    private static readonly Type[] CoreHostContexts = [typeof(TenantsDbContext)];

    public async Task MigrateHostAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateScope(null);
        foreach (var contextType in CoreHostContexts.Concat(modules.Modules.SelectMany(m => m.HostDbContexts)))
        {
            await MigrateIfPendingAsync((DbContext)scope.ServiceProvider.GetRequiredService(contextType), cancellationToken);
        }
    }

    /// <summary>Creates or upgrades the tenant database for the modules enabled in <paramref name="tenant"/>.</summary>
    public async Task MigrateTenantAsync(TenantInfo tenant, IEnumerable<string>? features = null, CancellationToken cancellationToken = default)
    {
        var enabled = new HashSet<string>(features ?? tenant.Features, StringComparer.OrdinalIgnoreCase);
        await using var scope = scopes.CreateScope(tenant);
        foreach (var module in modules.Modules.Where(m => m.IsAlwaysEnabled || enabled.Contains(m.Id)))
        {
            foreach (var contextType in module.TenantDbContexts)
            {
                await MigrateIfPendingAsync((DbContext)scope.ServiceProvider.GetRequiredService(contextType), cancellationToken);
            }
        }
    }

    /// <summary>
    /// MigrateAsync takes EF's migration lock, a write to the database, even when nothing is pending: that made
    /// every tenant's first request after a start a write transaction. Reading the history first is one SELECT;
    /// when something is pending, MigrateAsync still does the locked, authoritative work.
    /// </summary>
    private static async Task MigrateIfPendingAsync(DbContext context, CancellationToken cancellationToken)
    {
        if ((await context.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
            await context.Database.MigrateAsync(cancellationToken);
    }
}
