using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;

namespace Network.Core.Data;

/// <summary>One SQLite file for the host, one per tenant under <c>&lt;DataPath&gt;/tenants/&lt;name&gt;/</c>.</summary>
public sealed class SqliteDatabaseProvider(IOptions<NetworkOptions> options) : IDatabaseProvider
{
    private readonly NetworkOptions _options = options.Value;

    public string HostDatabasePath => Path.Combine(_options.DataPath, "host.db");

    public string TenantFolder(string tenantName) => Path.Combine(_options.DataPath, "tenants", tenantName);

    public string TenantDatabasePath(string tenantName) => Path.Combine(TenantFolder(tenantName), "tenant.db");

    public DbConnection CreateHostConnection() => Create(HostDatabasePath);

    public DbConnection CreateTenantConnection(string tenantName) => Create(TenantDatabasePath(tenantName));

    /// <remarks>An empty folder holds nothing (a connection object creates it before any open).</remarks>
    public bool TenantStorageExists(string tenantName)
        => Directory.Exists(TenantFolder(tenantName)) && Directory.EnumerateFileSystemEntries(TenantFolder(tenantName)).Any();

    public void DeleteTenantStorage(string tenantName)
    {
        var folder = TenantFolder(tenantName);
        if (!Directory.Exists(folder)) return;
        // Pooled connections keep the file open; release them before deleting.
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public void Configure(DbContextOptionsBuilder builder, DbConnection? connection, Type contextType)
    {
        void Sqlite(SqliteDbContextOptionsBuilder sqlite) => sqlite.MigrationsHistoryTable(MigrationsHistoryTable(contextType));
        (connection is null ? builder.UseSqlite(Sqlite) : builder.UseSqlite(connection, Sqlite))
            .AddInterceptors(SessionTransactionInterceptor.Instance, SessionSaveChangesInterceptor.Instance);
        // Migrations are hand-written (the EF design package is not served here); a schema test guards them instead.
        // The same configuration object for every context: ConfigureWarnings builds a new one each time, and options
        // are built for each context of each request.
        var core = builder.Options.FindExtension<CoreOptionsExtension>() ?? new CoreOptionsExtension();
        ((IDbContextOptionsBuilderInfrastructure)builder).AddOrUpdateExtension(core.WithWarningsConfiguration(IgnorePendingModelChanges));
    }

    private static readonly WarningsConfiguration IgnorePendingModelChanges
        = new WarningsConfiguration().WithExplicit([RelationalEventId.PendingModelChangesWarning], WarningBehavior.Ignore);

    /// <summary>Each module context keeps its own history table, so modules migrate independently.</summary>
    public static string MigrationsHistoryTable(Type contextType) => "__Migrations_" + contextType.Name;

    private static SqliteConnection Create(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        };
        var connection = new FolderCreatingSqliteConnection(builder.ToString(), Path.GetDirectoryName(path)!);
        connection.StateChange += (sender, e) =>
        {
            if (e.CurrentState != System.Data.ConnectionState.Open) return;
            var opened = (SqliteConnection)sender;
            // The settings belong to the native connection, which the pool keeps open between uses: set them when it
            // is new, not at every open (EF opens and closes the connection around each query outside a transaction).
            if (opened.Handle is not { } handle || Configured.TryGetValue(handle, out _)) return;
            using var command = opened.CreateCommand();
            command.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, Marker);
        };
        return connection;
    }

    /// <summary>Native connections already given the settings above (weak: a connection the pool closes goes).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<SQLitePCL.sqlite3, object> Configured = new();

    private static readonly object Marker = new();

    /// <summary>
    /// Creates the database's folder when the connection first opens, not when it is constructed: resolving a
    /// tenant's DbContext (as the authorization handlers do on every page) must leave no trace on disk for a
    /// tenant being set up, or after a rolled-back creation. Only when opening fails for want of it: an open
    /// (usually a native connection taken back from the pool) then costs no file-system call.
    /// </summary>
    private sealed class FolderCreatingSqliteConnection(string connectionString, string folder) : SqliteConnection(connectionString)
    {
        private const int CannotOpen = 14; // SQLITE_CANTOPEN

        public override void Open()
        {
            try
            {
                base.Open();
            }
            catch (SqliteException error) when (error.SqliteErrorCode == CannotOpen && !Directory.Exists(folder))
            {
                Directory.CreateDirectory(folder);
                base.Open();
            }
        }
    }
}
