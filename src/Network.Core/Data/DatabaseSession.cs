using System.Data.Common;
using System.Runtime.CompilerServices;
using Network.Core.Tenancy;

namespace Network.Core.Data;

/// <summary>
/// The database connections of one unit of work (a request, a job): one for the host database and one
/// for the current tenant's. Every module's DbContext shares them, so a change in one module and the
/// outbox message it causes commit in the same transaction.
/// </summary>
public sealed class DatabaseSession(IDatabaseProvider provider, TenantContext tenantContext) : IAsyncDisposable
{
    private static readonly ConditionalWeakTable<DbConnection, DbTransaction> Ambient = new();
    private DbConnection? _host;
    private DbConnection? _tenant;

    public DbConnection HostConnection => _host ??= provider.CreateHostConnection();

    public DbConnection TenantConnection => _tenant ??= provider.CreateTenantConnection(
        tenantContext.Tenant?.Name ?? throw new InvalidOperationException("No tenant in this unit of work."));

    /// <summary>Begins a transaction that every host-database context of this session joins.</summary>
    public Task<SessionTransaction> BeginHostTransactionAsync(CancellationToken cancellationToken = default)
        => BeginAsync(HostConnection, cancellationToken);

    /// <summary>Begins a transaction that every tenant-database context of this session joins.</summary>
    public Task<SessionTransaction> BeginTenantTransactionAsync(CancellationToken cancellationToken = default)
        => BeginAsync(TenantConnection, cancellationToken);

    internal static DbTransaction? AmbientTransaction(DbConnection? connection)
        => connection is not null && Ambient.TryGetValue(connection, out var transaction) ? transaction : null;

    private static async Task<SessionTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (AmbientTransaction(connection) is not null)
            throw new InvalidOperationException("A transaction is already open on this connection.");
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        Ambient.AddOrUpdate(connection, transaction);
        return new SessionTransaction(connection, transaction, () => Ambient.Remove(connection));
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null) await _host.DisposeAsync();
        if (_tenant is not null) await _tenant.DisposeAsync();
    }
}

/// <summary>A transaction on a session connection; disposing without commit rolls back.</summary>
public sealed class SessionTransaction(DbConnection connection, DbTransaction transaction, Action release) : IAsyncDisposable
{
    private bool _done;

    public DbConnection Connection { get; } = connection;

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        await transaction.CommitAsync(cancellationToken);
        Finish();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_done)
        {
            await transaction.RollbackAsync();
            Finish();
        }
        await transaction.DisposeAsync();
    }

    private void Finish()
    {
        _done = true;
        release();
    }
}
