using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Network.Core.Data;

/// <summary>Makes every command on a session connection run inside the session's open transaction (and never in a finished one).</summary>
internal sealed class SessionTransactionInterceptor : DbCommandInterceptor
{
    public static readonly SessionTransactionInterceptor Instance = new();

    public override DbCommand CommandInitialized(CommandEndEventData eventData, DbCommand result)
    {
        // A context that joined an earlier session transaction still hands EF that (finished) transaction: commands of
        // a second unit of work in the same scope (create, then publish) must run in the current one, or in none.
        var ambient = DatabaseSession.AmbientTransaction(result.Connection);
        if (ambient is not null) result.Transaction = ambient;
        else if (result.Transaction is { Connection: null }) result.Transaction = null;
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
