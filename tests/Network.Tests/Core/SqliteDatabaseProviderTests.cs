using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Hosting;

namespace Network.Tests.Core;

public sealed class SqliteDatabaseProviderTests : IDisposable
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "reseau-provider-" + Guid.NewGuid().ToString("N"));

    private SqliteDatabaseProvider Provider => new(Options.Create(new NetworkOptions { DataPath = _dataPath }));

    [Fact]
    public async Task A_tenant_connection_creates_its_folder_when_it_first_opens_not_when_it_is_created()
    {
        var provider = Provider;
        await using (var connection = provider.CreateTenantConnection("bretagne"))
        {
            Assert.False(Directory.Exists(provider.TenantFolder("bretagne")));
            Assert.False(provider.TenantStorageExists("bretagne"));
            await connection.OpenAsync();
            Assert.True(File.Exists(provider.TenantDatabasePath("bretagne")));
        }

        // Opened again, from the pool or anew, with its folder there; and after the folder went (storage deleted).
        await using (var again = provider.CreateTenantConnection("bretagne")) await again.OpenAsync();
        provider.DeleteTenantStorage("bretagne");
        Assert.False(Directory.Exists(provider.TenantFolder("bretagne")));
        await using (var recreated = provider.CreateTenantConnection("bretagne"))
        {
            await recreated.OpenAsync();
            Assert.True(File.Exists(provider.TenantDatabasePath("bretagne")));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dataPath)) Directory.Delete(_dataPath, recursive: true);
    }
}
