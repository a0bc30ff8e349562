using System.Data.Common;
using System.Globalization;
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

    /// <summary>Joins the host transaction already open in this session, or begins one (see <see cref="JoinOrBeginTenantTransactionAsync"/>).</summary>
    public Task<SessionTransaction> JoinOrBeginHostTransactionAsync(CancellationToken cancellationToken = default)
        => JoinOrBeginAsync(HostConnection, cancellationToken);

    /// <summary>
    /// Joins the tenant transaction already open in this session (a service called inside a caller's unit of work,
    /// such as the draft showcase created while results are published), or begins one. A joined transaction's
    /// commit does nothing (the owner commits; after-commit actions wait for it) and its disposal does not roll back.
    /// </summary>
    public Task<SessionTransaction> JoinOrBeginTenantTransactionAsync(CancellationToken cancellationToken = default)
        => JoinOrBeginAsync(TenantConnection, cancellationToken);

    private static Task<SessionTransaction> JoinOrBeginAsync(DbConnection connection, CancellationToken cancellationToken)
        => Ambient.TryGetValue(connection, out var owner)
            ? Task.FromResult(SessionTransaction.JoinedTo(owner))
            : BeginAsync(connection, cancellationToken);

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

    /// <summary>The tenant transaction open in this session (its owner's when joined), for statements run in it.</summary>
    public SessionTransaction TenantTransaction => _tenant is not null && Ambient.TryGetValue(_tenant, out var transaction)
        ? transaction
        : throw new InvalidOperationException("No tenant transaction is open in this session.");

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
    private Dictionary<string, DbCommand>? _statements;

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
        var (actions, asyncActions) = (_afterCommit?.Count ?? 0, _afterCommitAsync?.Count ?? 0);
        try
        {
            var result = await work();
            await transaction.ReleaseAsync(name, cancellationToken);
            return result;
        }
        catch
        {
            await transaction.RollbackAsync(name, CancellationToken.None);
            // What the undone work asked to run after the commit is undone with it (the relay's copy of a mail it queued).
            _afterCommit?.RemoveRange(actions, _afterCommit.Count - actions);
            _afterCommitAsync?.RemoveRange(asyncActions, _afterCommitAsync.Count - asyncActions);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="sql"/> in this transaction, its interpolated values as parameters (as EF's ExecuteSql does).
    /// Its command is kept until the transaction ends, so a statement run many times in one transaction (a batch of
    /// registrations) is parsed and prepared once, and skips EF's command pipeline.
    /// </summary>
    public Task<int> ExecuteAsync(FormattableString sql, CancellationToken cancellationToken = default)
        => Statement(sql).ExecuteNonQueryAsync(cancellationToken);

    /// <summary>Like <see cref="ExecuteAsync"/>, for the first column of the first row (null when there is no row or it is NULL).</summary>
    public async Task<T?> ScalarAsync<T>(FormattableString sql, CancellationToken cancellationToken = default) where T : struct
        => await Statement(sql).ExecuteScalarAsync(cancellationToken) is { } value and not DBNull
            ? (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture)
            : null;

    private DbCommand Statement(FormattableString sql)
    {
        if (_owner is not null) return _owner.Statement(sql);
        if (_done) throw new InvalidOperationException("The transaction has ended.");
        var statements = _statements ??= new(StringComparer.Ordinal);
        if (!statements.TryGetValue(sql.Format, out var command))
        {
            command = Connection.CreateCommand();
            command.Transaction = transaction;
            var names = new object[sql.ArgumentCount];
            for (var i = 0; i < names.Length; i++)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "@p" + i.ToString(CultureInfo.InvariantCulture);
                command.Parameters.Add(parameter);
                names[i] = parameter.ParameterName;
            }
            command.CommandText = string.Format(CultureInfo.InvariantCulture, sql.Format, names);
            statements.Add(sql.Format, command);
        }
        for (var i = 0; i < sql.ArgumentCount; i++) command.Parameters[i].Value = sql.GetArgument(i) ?? DBNull.Value;
        return command;
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
        if (_statements is not null)
            foreach (var command in _statements.Values) command.Dispose();
        _statements = null;
        release();
    }
}
