using Microsoft.Extensions.DependencyInjection;

namespace Network.Core.Tenancy;

/// <summary>Opens a DI scope bound to one tenant, for work outside a request (jobs, recipes, the CLI).</summary>
public sealed class TenantScopeFactory(IServiceScopeFactory scopeFactory)
{
    public AsyncServiceScope CreateScope(TenantInfo? tenant)
    {
        var scope = scopeFactory.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
        return scope;
    }
}
