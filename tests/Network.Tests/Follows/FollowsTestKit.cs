using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;
using Network.Modules.Mail.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Follows;

public static class FollowsTestKit
{
    public const string Hdf = "hauts-de-france";
    public const string Na = "nouvelle-aquitaine";
    public const string HubTenant = TenantRecord.HubName;

    /// <summary>Makes <paramref name="userId"/> follow a topic directly (the forms are tested on their own).</summary>
    public static async Task FollowAsync(this NetworkWebFactory factory, string userId, string kind, string tenant, string key, FollowDelivery delivery)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<FollowDesk>().FollowAsync(userId, new FollowTopic(kind, tenant, key), delivery));
    }

    public static async Task<List<Follow>> FollowsOfAsync(this NetworkWebFactory factory, string userId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<FollowsDbContext>().Follows.AsNoTracking().Where(f => f.UserId == userId).OrderBy(f => f.Id).ToListAsync();
    }

    public static async Task<T> WithFollowsAsync<T>(this NetworkWebFactory factory, Func<FollowsDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<FollowsDbContext>());
    }

    /// <summary>The digests queued for <paramref name="to"/> (bulk mail of the hub).</summary>
    public static async Task<List<OutboxMessage>> DigestsForAsync(this NetworkWebFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<MailDbContext>().OutboxMessages.AsNoTracking()
            .Where(m => m.To == to && m.Priority == 1).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<DigestRunResult> RunDigestAsync(this NetworkWebFactory factory)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DigestRun>().RunAsync();
    }
}
