using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>A change written to the registry by another process (the command line beside a live site) reaches the site without a restart.</summary>
public sealed class TenantRegistryWatcherTests : IClassFixture<TenantRegistryWatcherTests.FastPollingFactory>
{
    private readonly FastPollingFactory _factory;

    public TenantRegistryWatcherTests(FastPollingFactory factory) => _factory = factory;

    public sealed class FastPollingFactory : NetworkWebFactory
    {
        public FastPollingFactory() => Settings["Network:RegistryPollSeconds"] = "0.2";
    }

    [Fact]
    public async Task A_state_change_written_behind_the_catalog_is_picked_up()
    {
        var client = _factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nouvelle-aquitaine/")).StatusCode);

        // Written straight to the database, as another process would: this process's catalog is not told.
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            var record = await db.Tenants.SingleAsync(t => t.Name == "nouvelle-aquitaine");
            record.State = TenantState.Disabled;
            record.UpdatedUtc = DateTime.UtcNow;
            record.Version = Guid.NewGuid();
            await db.SaveChangesAsync();
        }

        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (_factory.Tenant("nouvelle-aquitaine").State != TenantState.Disabled && DateTime.UtcNow < deadline) await Task.Delay(50);
        Assert.Equal(TenantState.Disabled, _factory.Tenant("nouvelle-aquitaine").State);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/nouvelle-aquitaine/")).StatusCode);
    }
}
