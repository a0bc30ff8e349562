using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Each tenant has its own database: what one writes, another never reads.</summary>
public sealed class TenantIsolationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Rows_written_in_one_region_database_never_appear_in_another()
    {
        var scopes = factory.Service<TenantScopeFactory>();
        await using (var scope = scopes.CreateScope(factory.Tenant("hauts-de-france")))
        {
            var roles = scope.ServiceProvider.GetRequiredService<TenantRolesDbContext>();
            roles.Roles.Add(new RoleDefinition { Name = "Jury-Musenor", Description = "Jury régional", Permissions = ["AccessAdmin"] });
            await roles.SaveChangesAsync();
        }

        Assert.Contains("Jury-Musenor", await RoleNamesAsync("hauts-de-france"));
        Assert.DoesNotContain("Jury-Musenor", await RoleNamesAsync("nouvelle-aquitaine"));
        Assert.DoesNotContain("Jury-Musenor", await RoleNamesAsync(TenantRecord.HubName));
        // Both regions still hold their own copy of the recipe's roles.
        Assert.Contains("Coordinator", await RoleNamesAsync("nouvelle-aquitaine"));
    }

    private async Task<List<string>> RoleNamesAsync(string tenant)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(tenant));
        return await scope.ServiceProvider.GetRequiredService<TenantRolesDbContext>().Roles.Select(r => r.Name).ToListAsync();
    }
}
