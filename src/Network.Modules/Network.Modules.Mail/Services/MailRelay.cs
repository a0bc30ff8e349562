using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Services;

/// <summary>
/// Makes a message queued inside a tenant transaction atomic with the tenant's change, although the outbox is in another
/// database: the message is first written in the tenant's database (<see cref="MailRelayDbContext"/>), in the caller's
/// transaction; right after that commit it is copied to the outbox and deleted here. If the process dies in between,
/// <see cref="MailRelayWorker"/> finds the row and copies it again; the Message-ID, fixed when queued, makes the copy
/// happen once. So a rolled-back change sends nothing and a committed one is never lost.
/// </summary>
public sealed class MailRelay(IServiceProvider services, DatabaseSession session, MailDbContext outbox, MailOutboxSignal signal, TimeProvider time, ILogger<MailRelay> logger)
{
    // Rows held in this scope and not yet forwarded: one forward after the commit takes them all (one host transaction).
    private List<long> _pending = [];

    private MailRelayDbContext Relayed => services.GetRequiredService<MailRelayDbContext>();

    /// <summary>
    /// Writes the messages, in one save, in the tenant transaction open in this session; they reach the outbox after
    /// the commit.
    /// </summary>
    public async Task HoldAllAsync(IReadOnlyList<(OutgoingMail Mail, string MessageId)> mails, CancellationToken cancellationToken = default)
    {
        var db = Relayed;
        var now = time.GetUtcNow().UtcDateTime;
        var rows = mails.Select(m => new RelayedMail { MessageId = m.MessageId, PayloadJson = JsonSerializer.Serialize(m.Mail), CreatedUtc = now }).ToList();
        db.Relayed.AddRange(rows);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            foreach (var row in rows) db.Entry(row).State = EntityState.Detached;
        }
        _pending.AddRange(rows.Select(row => row.Id));
        await session.AfterTenantCommitAsync(ForwardPendingAsync);
    }

    private async Task ForwardPendingAsync()
    {
        // The first action after a commit takes every pending id; the others find none. Ids of a rolled-back transaction
        // have no row any more and are skipped.
        var ids = _pending;
        if (ids.Count == 0) return;
        _pending = [];
        try
        {
            await ForwardAsync(ids, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Committed in the tenant's database: the worker's sweep will forward them.
            logger.LogWarning(ex, "{Count} relayed message(s) not forwarded yet; the relay sweep will retry", ids.Count);
        }
    }

    /// <summary>Forwards the tenant's waiting messages queued before <paramref name="queuedBefore"/>; returns how many.</summary>
    public async Task<int> ForwardWaitingAsync(DateTime queuedBefore, CancellationToken cancellationToken = default)
    {
        var ids = await Relayed.Relayed.AsNoTracking().Where(m => m.CreatedUtc < queuedBefore).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        if (ids.Count > 0) await ForwardAsync(ids, cancellationToken);
        return ids.Count;
    }

    /// <summary>Copies the rows to the outbox in one host transaction (those already there are skipped), then deletes them.</summary>
    private async Task ForwardAsync(IReadOnlyList<long> ids, CancellationToken cancellationToken)
    {
        var db = Relayed;
        var rows = await db.Relayed.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (rows.Count == 0) return;
        var messageIds = rows.Select(r => r.MessageId).ToList();
        var copied = (await outbox.OutboxMessages.AsNoTracking().Where(m => messageIds.Contains(m.MessageId)).Select(m => m.MessageId).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            await using var transaction = await session.BeginHostTransactionAsync(cancellationToken);
            await MailOutbox.AddAllAsync(outbox, rows.Where(r => !copied.Contains(r.MessageId)).Select(r => (Read(r), r.MessageId)).ToList(), now, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another relay (the sweep, another node) copied one of them meanwhile: go one by one.
            foreach (var row in rows) await ForwardOneAsync(row, cancellationToken);
        }
        await db.Relayed.Where(m => ids.Contains(m.Id)).ExecuteDeleteAsync(cancellationToken);
        signal.Notify();
    }

    private async Task ForwardOneAsync(RelayedMail row, CancellationToken cancellationToken)
    {
        if (await outbox.OutboxMessages.AnyAsync(m => m.MessageId == row.MessageId, cancellationToken)) return;
        try
        {
            await MailOutbox.AddAsync(outbox, Read(row), row.MessageId, time.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await outbox.OutboxMessages.AnyAsync(m => m.MessageId == row.MessageId, cancellationToken)) throw;
        }
    }

    private static OutgoingMail Read(RelayedMail row)
        => JsonSerializer.Deserialize<OutgoingMail>(row.PayloadJson) ?? throw new InvalidOperationException($"Relayed message {row.MessageId} has no content.");
}
