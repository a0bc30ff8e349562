using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Looks at the stored state directly: the registry rows and the tenant folders.</summary>
public static class TenancyAssertions
{
    public static async Task<TenantRecord?> RegistryRowAsync(this NetworkWebFactory factory, string name)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        return await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Name == name);
    }

    public static async Task<int> RegistryCountAsync(this NetworkWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<TenantsDbContext>().Tenants.CountAsync();
    }

    public static string TenantFolder(this NetworkWebFactory factory, string name) => Path.Combine(factory.DataPath, "tenants", name);

    /// <summary>Nothing of the tenant remains: no registry row, no folder, unknown to the catalog.</summary>
    public static async Task AssertNoTraceAsync(this NetworkWebFactory factory, string name)
    {
        Assert.Null(await factory.RegistryRowAsync(name));
        Assert.Null(factory.Service<TenantCatalog>().Find(name));
        Assert.False(Directory.Exists(factory.TenantFolder(name)), $"the folder of {name} should not exist");
    }

    /// <summary>A network administrator's identity, for services that take a principal (menus); never used to sign in.</summary>
    public static ClaimsPrincipal NetworkAdministrator()
        => new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, "admin-id"), new Claim(ClaimTypes.Role, NetworkRoles.Administrator)], "Test"));

    /// <summary>The content modules of the recipes, dependants first: they need Accounts, Mail and Media.</summary>
    public static readonly string[] ContentModules = ["Follows", "Discussions", "Directory", "Menus", "Pages", "News", "Events", "Calls", "Practices", "Showcases", "Content"];

    /// <summary>Disables the content modules (dependants first), so a test can switch Accounts or Mail on its own.</summary>
    public static async Task DisableContentModulesAsync(this TenantManager manager, string tenant)
    {
        foreach (var module in ContentModules) await manager.DisableFeatureAsync(tenant, module);
    }

    /// <summary>Puts the content modules back (and what they need).</summary>
    public static async Task EnableContentModulesAsync(this TenantManager manager, string tenant)
    {
        foreach (var module in ContentModules) await manager.EnableFeatureAsync(tenant, module);
    }

    public static TenantCreation Region(string name, string? displayName = null, string? prefix = null, IReadOnlyList<string>? hosts = null, string recipe = "region")
        => new(name, displayName ?? name, recipe, prefix, hosts);
}
