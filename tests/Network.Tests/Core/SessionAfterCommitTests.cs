using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Core;

/// <summary>DatabaseSession.AfterHostCommit: how modules wake their workers only once a change is durable.</summary>
public sealed class SessionAfterCommitTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Runs_after_commit_never_after_rollback_and_at_once_without_a_transaction()
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(null);
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        var calls = new List<string>();

        session.AfterHostCommit(() => calls.Add("no transaction"));
        Assert.Equal(["no transaction"], calls);

        await using (var transaction = await session.BeginHostTransactionAsync())
        {
            session.AfterHostCommit(() => calls.Add("committed"));
            Assert.DoesNotContain("committed", calls);
            await transaction.CommitAsync();
        }
        Assert.Equal(["no transaction", "committed"], calls);

        await using (await session.BeginHostTransactionAsync())
        {
            session.AfterHostCommit(() => calls.Add("rolled back"));
        }
        Assert.DoesNotContain("rolled back", calls);
    }
}
