using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers a module context that lives in the host database and shares the session's connection.</summary>
    public static IServiceCollection AddHostDbContext<TContext>(this IServiceCollection services) where TContext : DbContext
        => services.AddDbContext<TContext>((sp, options) =>
            sp.GetRequiredService<IDatabaseProvider>().Configure(options, sp.GetRequiredService<DatabaseSession>().HostConnection, typeof(TContext)));

    /// <summary>Registers a module context that lives in the current tenant's database.</summary>
    public static IServiceCollection AddTenantDbContext<TContext>(this IServiceCollection services) where TContext : DbContext
        => services.AddDbContext<TContext>((sp, options) =>
            sp.GetRequiredService<IDatabaseProvider>().Configure(options, sp.GetRequiredService<DatabaseSession>().TenantConnection, typeof(TContext)));
}
