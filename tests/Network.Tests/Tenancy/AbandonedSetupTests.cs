using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>A tenant whose set-up was cut short by a crash does not keep its name, nor answer 503, for ever.</summary>
public sealed class AbandonedSetupTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private async Task RegisterUninitializedAsync(string name, DateTime startedUtc)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
        db.Tenants.Add(new TenantRecord { Name = name, Prefix = name, DisplayName = name, State = TenantState.Uninitialized, CreatedUtc = startedUtc, UpdatedUtc = startedUtc });
        await db.SaveChangesAsync();
        // A crash mid-recipe leaves a half-made database behind too.
        var connection = scope.ServiceProvider.GetRequiredService<IDatabaseProvider>().CreateTenantConnection(name);
        await connection.OpenAsync();
        await connection.CloseAsync();
    }

    [Fact]
    public async Task Old_abandoned_setups_are_removed_with_their_storage_and_recent_ones_are_left_alone()
    {
        await RegisterUninitializedAsync("bretagne", DateTime.UtcNow.AddHours(-1));
        await RegisterUninitializedAsync("corse", DateTime.UtcNow);
        var manager = factory.Service<TenantManager>();

        var removed = await manager.RemoveAbandonedSetupsAsync(TimeSpan.FromMinutes(10));

        Assert.Equal(["bretagne"], removed);
        Assert.Null(await manager.FindRecordAsync("bretagne"));
        Assert.False(factory.Service<IDatabaseProvider>().TenantStorageExists("bretagne"));
        Assert.Equal(TenantState.Uninitialized, (await manager.FindRecordAsync("corse"))!.State);
        // The name is free again.
        await manager.CreateAsync(new TenantCreation("bretagne", "Bretagne", "region"));
        Assert.Equal(TenantState.Running, factory.Tenant("bretagne").State);
    }
}
