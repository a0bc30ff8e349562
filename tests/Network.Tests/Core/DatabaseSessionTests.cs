using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Core;

/// <summary>Two module contexts on the host database commit or roll back together.</summary>
public sealed class DatabaseSessionTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private async Task WriteBothAsync(string name, bool commit)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant("network"));
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var tenants = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await using var transaction = await session.BeginHostTransactionAsync();
        tenants.Tenants.Add(new TenantRecord { Name = name, Prefix = name, DisplayName = name, State = TenantState.Disabled });
        await tenants.SaveChangesAsync();
        accounts.Roles.Add(new IdentityRole(name) { NormalizedName = name.ToUpperInvariant() });
        await accounts.SaveChangesAsync();
        if (commit) await transaction.CommitAsync();
    }

    private async Task<(bool Tenant, bool Role)> ExistsAsync(string name)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(null);
        return (await scope.ServiceProvider.GetRequiredService<TenantsDbContext>().Tenants.AnyAsync(t => t.Name == name),
                await scope.ServiceProvider.GetRequiredService<AccountsDbContext>().Roles.AnyAsync(r => r.Name == name));
    }

    [Fact]
    public async Task A_rolled_back_session_transaction_leaves_nothing_in_either_context()
    {
        await WriteBothAsync("rollback-test", commit: false);
        Assert.Equal((false, false), await ExistsAsync("rollback-test"));
    }

    [Fact]
    public async Task A_committed_session_transaction_keeps_both_writes()
    {
        await WriteBothAsync("commit-test", commit: true);
        Assert.Equal((true, true), await ExistsAsync("commit-test"));
    }

    [Fact]
    public async Task Contexts_save_normally_after_the_transaction_ended()
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(null);
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        await using (var transaction = await session.BeginHostTransactionAsync())
        {
            accounts.Roles.Add(new IdentityRole("inside") { NormalizedName = "INSIDE" });
            await accounts.SaveChangesAsync();
            await transaction.CommitAsync();
        }
        accounts.Roles.Add(new IdentityRole("after") { NormalizedName = "AFTER" });
        await accounts.SaveChangesAsync();
        Assert.True(await accounts.Roles.AnyAsync(r => r.Name == "after"));
    }

    [Fact]
    public async Task A_pooled_context_handed_to_another_tenant_reads_that_tenants_database()
    {
        // Contexts come from one pool per type for every tenant: each rent must be on its own scope's connection.
        var contexts = new List<ContentDbContext>();
        for (var i = 0; i < 20; i++)
        {
            var tenant = i % 2 == 0 ? "hauts-de-france" : "nouvelle-aquitaine";
            await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(tenant));
            var content = scope.ServiceProvider.GetRequiredService<ContentDbContext>();
            Assert.Same(scope.ServiceProvider.GetRequiredService<DatabaseSession>().TenantConnection, content.Database.GetDbConnection());
            Assert.Contains(tenant, content.Database.GetDbConnection().DataSource);
            await content.Items.CountAsync();
            contexts.Add(content);
        }
        // The pool handed instances back out, so one instance served both tenants.
        Assert.True(contexts.Distinct().Count() < contexts.Count);
    }
}
