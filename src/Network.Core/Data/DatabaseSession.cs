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
    private static readonly ConditionalWeakTable<DbConnection, SessionTransaction> Ambient = new();
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

    /// <summary>
    /// Joins the tenant transaction already open in this session (a service called inside a caller's unit of work,
    /// such as the draft showcase created while results are published), or begins one. A joined transaction's
    /// commit does nothing (the owner commits; after-commit actions wait for it) and its disposal does not roll back.
    /// </summary>
    public Task<SessionTransaction> JoinOrBeginTenantTransactionAsync(CancellationToken cancellationToken = default)
        => Ambient.TryGetValue(TenantConnection, out var owner)
            ? Task.FromResult(SessionTransaction.JoinedTo(owner))
            : BeginAsync(TenantConnection, cancellationToken);

    /// <summary>
    /// Runs <paramref name="action"/> once what was just saved on the host connection is durable: when the
    /// session's host transaction commits, or at once if none is open; never if it rolls back. Lets a module
    /// wake a background worker (mail, search index) without the worker racing an uncommitted row.
    /// The action must be quick and must not throw: the commit has already happened when it runs.
    /// </summary>
    public void AfterHostCommit(Action action) => AfterCommit(_host, action);

    /// <summary>Same as <see cref="AfterHostCommit"/> for the tenant connection.</summary>
    public void AfterTenantCommit(Action action) => AfterCommit(_tenant, action);

    /// <summary>
    /// Like <see cref="AfterTenantCommit(Action)"/> for work that needs the database (the mail relay): awaited by the
    /// owner's commit, so when the commit returns the work is done. It must catch its own failures (the commit has
    /// already happened) and leave what it could not do to a later sweep.
    /// </summary>
    public Task AfterTenantCommitAsync(Func<Task> action)
    {
        if (_tenant is not null && Ambient.TryGetValue(_tenant, out var transaction))
        {
            transaction.OnCommitted(action);
            return Task.CompletedTask;
        }
        return action();
    }

    /// <summary>Whether a tenant transaction is open in this session (changes saved now commit or roll back with it).</summary>
    public bool InTenantTransaction => _tenant is not null && Ambient.TryGetValue(_tenant, out _);

    /// <summary>Whether a host transaction is open in this session.</summary>
    public bool InHostTransaction => _host is not null && Ambient.TryGetValue(_host, out _);

    internal static DbTransaction? AmbientTransaction(DbConnection? connection)
        => connection is not null && Ambient.TryGetValue(connection, out var transaction) ? transaction.Transaction : null;

    private static void AfterCommit(DbConnection? connection, Action action)
    {
        if (connection is not null && Ambient.TryGetValue(connection, out var transaction)) transaction.OnCommitted(action);
        else action();
    }

    private static async Task<SessionTransaction> BeginAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (AmbientTransaction(connection) is not null)
            throw new InvalidOperationException("A transaction is already open on this connection.");
        if (connection.State != System.Data.ConnectionState.Open)
            await connection.OpenAsync(cancellationToken);
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var session = new SessionTransaction(connection, transaction, () => Ambient.Remove(connection));
        Ambient.AddOrUpdate(connection, session);
        return session;
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
    private SessionTransaction? _owner;
    private bool _done;
    private List<Action>? _afterCommit;
    private List<Func<Task>>? _afterCommitAsync;

    public DbConnection Connection { get; } = connection;

    internal DbTransaction Transaction => transaction;

    internal static SessionTransaction JoinedTo(SessionTransaction owner)
        => new(owner.Connection, owner.Transaction, () => { }) { _owner = owner };

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        if (_owner is not null)
        {
            _done = true;
            return;
        }
        await transaction.CommitAsync(cancellationToken);
        Finish();
        foreach (var action in _afterCommit ?? []) action();
        foreach (var action in _afterCommitAsync ?? []) await action();
    }

    /// <summary>
    /// Runs <paramref name="work"/> inside a savepoint of this transaction: if it throws, only its own writes are undone
    /// (the exception is rethrown) and the transaction goes on. Lets one transaction carry several independent changes.
    /// </summary>
    public async Task<T> InSavepointAsync<T>(string name, Func<Task<T>> work, CancellationToken cancellationToken = default)
    {
        await transaction.SaveAsync(name, cancellationToken);
        try
        {
            var result = await work();
            await transaction.ReleaseAsync(name, cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(name, CancellationToken.None);
            throw;
        }
    }

    internal void OnCommitted(Action action)
    {
        if (_owner is not null) _owner.OnCommitted(action);
        else (_afterCommit ??= []).Add(action);
    }

    internal void OnCommitted(Func<Task> action)
    {
        if (_owner is not null) _owner.OnCommitted(action);
        else (_afterCommitAsync ??= []).Add(action);
    }

    public async ValueTask DisposeAsync()
    {
        // The owner of a joined transaction decides: commit, or roll back when it is disposed.
        if (_owner is not null) return;
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
