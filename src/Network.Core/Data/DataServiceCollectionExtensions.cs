using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a module context that lives in the host database and shares the session's connection.</summary>
    public static IServiceCollection AddHostDbContext<TContext>(this IServiceCollection services) where TContext : DbContext
        => services.AddSessionDbContext<TContext>(session => session.HostConnection);

    /// <summary>Registers a module context that lives in the current tenant's database.</summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services) where TContext : DbContext
        => services.AddSessionDbContext<TContext>(session => session.TenantConnection);

    /// <summary>
    /// A scoped context rented from a pool and given the session's connection. Contexts are pooled because building a
    /// new one's options and internal services for each context of each request took about a tenth of the CPU of a
    /// request that reads and writes a few rows (bench/README.md, events); the options no longer hold the connection,
    /// so one pool per context type serves every tenant.
    /// </summary>
    private static IServiceCollection AddSessionDbContext<TContext>(this IServiceCollection services, Func<DatabaseSession, DbConnection> connection)
        where TContext : DbContext
    {
        services.AddPooledDbContextFactory<TContext>((sp, options) =>
            sp.GetRequiredService<IDatabaseProvider>().Configure(options, connection: null, typeof(TContext)));
        // Disposed with the scope, which hands it back to the pool (after the session's connections, created earlier).
        services.AddScoped(sp =>
        {
            var context = sp.GetRequiredService<IDbContextFactory<TContext>>().CreateDbContext();
            context.Database.SetDbConnection(connection(sp.GetRequiredService<DatabaseSession>()), contextOwnsConnection: false);
            return context;
        });
        return services;
    }
}
