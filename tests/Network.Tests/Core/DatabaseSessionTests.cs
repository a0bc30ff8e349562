using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Data;
using Network.Modules.Content.Data;
using Network.Modules.Mail.Data;
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

    [Fact]
    public async Task A_transaction_s_statements_take_their_values_as_parameters_and_are_reused_with_new_ones()
    {
        var at = new DateTime(2026, 6, 12, 7, 30, 15, 123, DateTimeKind.Utc).AddTicks(4567);
        var hostile = "x'); DELETE FROM \"MailRelay\"; --";
        var ids = new List<long>();
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant("hauts-de-france")))
        {
            var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
            await using var transaction = await session.BeginTenantTransactionAsync();
            Assert.Same(transaction, session.TenantTransaction);
            // The same statement three times with other values: one command, its parameters rebound.
            foreach (var (messageId, payload) in new[] { ("statement-1", hostile), ("statement-2", "{}"), ("statement-3", "{\"a\":1}") })
                ids.Add(await transaction.ScalarAsync<long>(
                    $"INSERT INTO \"MailRelay\" (\"MessageId\", \"PayloadJson\", \"CreatedUtc\") VALUES ({messageId}, {payload}, {at}) RETURNING \"Id\"") ?? 0);
            Assert.Null(await transaction.ScalarAsync<long>($"SELECT \"Id\" FROM \"MailRelay\" WHERE \"MessageId\" = {"absent"}"));
            // A transaction joined by a service runs its statements in the owner's.
            await using (var joined = await session.JoinOrBeginTenantTransactionAsync())
                Assert.Equal(1, await joined.ExecuteAsync($"UPDATE \"MailRelay\" SET \"PayloadJson\" = {"{}"} WHERE \"Id\" = {ids[1]}"));
            await transaction.CommitAsync();
            await Assert.ThrowsAsync<InvalidOperationException>(() => transaction.ExecuteAsync($"DELETE FROM \"MailRelay\" WHERE \"Id\" = {ids[0]}"));
            Assert.Throws<InvalidOperationException>(() => session.TenantTransaction);
        }
        await using (var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant("hauts-de-france")))
        {
            var relay = scope.ServiceProvider.GetRequiredService<MailRelayDbContext>();
            var rows = await relay.Relayed.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(["statement-1", "statement-2", "statement-3"], rows.Select(r => r.MessageId));
            Assert.Equal(hostile, rows[0].PayloadJson);
            // Dates are bound as EF binds them: EF finds them by equality and orders them with its own parameters.
            Assert.All(rows, r => Assert.Equal(at, r.CreatedUtc));
            Assert.Equal(3, await relay.Relayed.CountAsync(r => ids.Contains(r.Id) && r.CreatedUtc == at && r.CreatedUtc > at.AddTicks(-1)));
            await relay.Relayed.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync();
        }
    }
}
