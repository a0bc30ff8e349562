using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Network.Core.Data;

/// <summary>Makes every command on a session connection run inside the session's open transaction.</summary>
internal sealed class SessionTransactionInterceptor : DbCommandInterceptor
{
    public static readonly SessionTransactionInterceptor Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        // A context that joined a session transaction keeps it as its current one after it ended (a refused
        // save, then a query in the same request): a finished transaction has no connection, so drop it.
        if (result.Transaction is { Connection: null }) result.Transaction = null;
        if (result.Transaction is null && DatabaseSession.AmbientTransaction(result.Connection) is { } transaction)
            result.Transaction = transaction;
        return result;
    }
}

/// <summary>
/// Before SaveChanges, joins the session's transaction (or leaves one that has ended), so EF neither
/// starts a nested transaction nor reuses a finished one.
/// </summary>
internal sealed class SessionSaveChangesInterceptor : SaveChangesInterceptor
{
    public static readonly SessionSaveChangesInterceptor Instance = new();
    private static readonly ConditionalWeakTable<DbTransaction, object> Joined = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Join(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Join(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Join(DbContext? context)
    {
        if (context is null) return;
        var database = context.Database;
        var ambient = DatabaseSession.AmbientTransaction(database.GetDbConnection());
        var current = database.CurrentTransaction?.GetDbTransaction();
        if (ambient is not null && current != ambient)
        {
            database.UseTransaction(ambient);
            Joined.AddOrUpdate(ambient, new object());
        }
        else if (ambient is null && current is not null && Joined.TryGetValue(current, out _))
        {
            database.UseTransaction(null);
        }
    }
}
