using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Core;

/// <summary>
/// Migrations are hand-made (the EF design package is not served here): this guards that, once migrated,
/// every table, column and index of every module context's model exists in the real databases.
/// </summary>
public sealed class MigrationSchemaTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    public static TheoryData<string> Contexts()
    {
        var data = new TheoryData<string>();
        foreach (var type in ContextTypes()) data.Add(type.Name);
        return data;
    }

    private static IEnumerable<Type> ContextTypes()
        => new[] { typeof(TenantsDbContext) }.Concat(new NetworkModule[]
            {
                new Network.Modules.Settings.SettingsModule(), new Network.Modules.Mail.MailModule(),
                new Network.Modules.Accounts.AccountsModule(), new Network.Modules.Tenants.TenantsModule(),
                new Network.Modules.Media.MediaModule(),
            }.SelectMany(m => m.HostDbContexts.Concat(m.TenantDbContexts)));

    [Theory]
    [MemberData(nameof(Contexts))]
    public async Task The_migrated_database_holds_the_whole_model(string contextName)
    {
        var type = ContextTypes().Single(t => t.Name == contextName);
        // A region's scope: host contexts use the host database, tenant contexts that region's database.
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant("hauts-de-france"));
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(type);
        Assert.Empty(await context.Database.GetPendingMigrationsAsync());

        var connection = context.Database.GetDbConnection();
        await context.Database.OpenConnectionAsync();
        try
        {
            foreach (var entity in context.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = entity.GetTableName()!;
                var columns = await ColumnsAsync(connection, table);
                Assert.True(columns.Count > 0, $"{contextName}: table {table} is missing");
                foreach (var property in entity.GetProperties())
                {
                    var column = property.GetColumnName();
                    Assert.True(columns.Contains(column), $"{contextName}: column {table}.{column} is missing");
                }
                foreach (var index in entity.GetIndexes())
                {
                    var name = index.GetDatabaseName();
                    Assert.True(await ExistsAsync(connection, "index", name!), $"{contextName}: index {name} on {table} is missing");
                }
            }
        }
        finally
        {
            await context.Database.CloseConnectionAsync();
        }
    }

    private static async Task<HashSet<string>> ColumnsAsync(DbConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM pragma_table_info($table)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "$table";
        parameter.Value = table;
        command.Parameters.Add(parameter);
        var columns = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) columns.Add(reader.GetString(0));
        return columns;
    }

    private static async Task<bool> ExistsAsync(DbConnection connection, string kind, string name)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = $kind AND name = $name";
        foreach (var (key, value) in new[] { ("$kind", kind), ("$name", name) })
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = key;
            parameter.Value = value;
            command.Parameters.Add(parameter);
        }
        return Convert.ToInt64(await command.ExecuteScalarAsync()) > 0;
    }
}
