using Microsoft.EntityFrameworkCore;
using Network.Core.Data;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Services;

/// <summary>
/// The outbox's state changes. Every change is one conditional UPDATE (a claim, the read of what is claimable and its
/// UPDATE in one write transaction), so several workers (several web nodes sharing the host database) can run at
/// once: a message is claimed by at most one of them at a time and marked sent at most once.
/// </summary>
public sealed class MailOutboxStore(MailDbContext db, DatabaseSession session)
{
    /// <summary>
    /// Ids of messages due at <paramref name="now"/> and not leased by a worker: transactional ones first, then bulk
    /// ones (<see cref="OutboxMessage.Priority"/>), oldest due first in each. The worker asks again after every batch,
    /// so a password reset queued behind 50,000 digests waits for one batch at most.
    /// </summary>
    public async Task<IReadOnlyList<long>> FindDueAsync(DateTime now, int max, CancellationToken cancellationToken = default)
        => await db.OutboxMessages.AsNoTracking()
            .Where(m => m.NextAttemptUtc != null && m.NextAttemptUtc <= now && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .OrderBy(m => m.Priority).ThenBy(m => m.NextAttemptUtc).ThenBy(m => m.Id)
            .Select(m => m.Id).Take(max).ToListAsync(cancellationToken);

    /// <summary>When the next pending message becomes due (null when nothing waits).</summary>
    public async Task<DateTime?> NextDueAsync(CancellationToken cancellationToken = default)
        => await db.OutboxMessages.AsNoTracking().Where(m => m.NextAttemptUtc != null)
            .MinAsync(m => (DateTime?)(m.LockedUntilUtc > m.NextAttemptUtc ? m.LockedUntilUtc : m.NextAttemptUtc), cancellationToken);

    /// <summary>
    /// Takes the lease on a due message and counts the attempt. Returns the message if this caller won the
    /// lease, null if it is not due, already sent, or leased by another worker.
    /// </summary>
    public async Task<OutboxMessage?> TryClaimAsync(long id, DateTime now, TimeSpan lease, CancellationToken cancellationToken = default)
        => (await ClaimAsync([id], now, lease, cancellationToken)).SingleOrDefault();

    /// <summary>
    /// Takes the lease on those of <paramref name="ids"/> that are due and not leased, counting an attempt for each, in
    /// ONE write transaction (a worker used to spend two commits and three statements a message before sending it).
    /// Returns the messages this caller won, in the order of <paramref name="ids"/>; another worker gets none of them.
    /// </summary>
    public async Task<IReadOnlyList<OutboxMessage>> ClaimAsync(IReadOnlyList<long> ids, DateTime now, TimeSpan lease, CancellationToken cancellationToken = default)
    {
        if (ids.Count == 0) return [];
        var lockedUntil = now + lease;
        List<long> claimed;
        // The transaction holds the database's write lock from its start: no other worker claims between the read and
        // the update, so exactly the rows read are the rows this worker leases.
        await using (var transaction = await session.BeginHostTransactionAsync(cancellationToken))
        {
            claimed = await db.OutboxMessages.AsNoTracking()
                .Where(m => ids.Contains(m.Id) && m.SentUtc == null && m.NextAttemptUtc != null && m.NextAttemptUtc <= now
                    && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
                .Select(m => m.Id).ToListAsync(cancellationToken);
            if (claimed.Count == 0) return [];
            await db.OutboxMessages.Where(m => claimed.Contains(m.Id))
                .ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.LockedUntilUtc, lockedUntil)
                    .SetProperty(m => m.Attempts, m => m.Attempts + 1), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // Not cancellable: once leased, the messages must reach the caller, which sends them or gives them back (a host
        // stopping here would otherwise leave them leased, unsent, until their leases expire).
        var messages = await db.OutboxMessages.AsNoTracking().Include(m => m.Attachments)
            .Where(m => claimed.Contains(m.Id)).ToDictionaryAsync(m => m.Id, CancellationToken.None);
        return ids.Where(messages.ContainsKey).Select(id => messages[id]).ToList();
    }

    /// <summary>
    /// Extends the lease this worker holds on a claimed message (its lease ends at <paramref name="leasedUntil"/>) to
    /// <paramref name="lockedUntil"/>; false when the message is no longer this worker's (sent, or its lease was taken over).
    /// </summary>
    public async Task<bool> TryRenewAsync(long id, DateTime leasedUntil, DateTime lockedUntil, CancellationToken cancellationToken = default)
        => await db.OutboxMessages.Where(m => m.Id == id && m.SentUtc == null && m.LockedUntilUtc == leasedUntil)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LockedUntilUtc, lockedUntil), cancellationToken) == 1;

    /// <summary>Records the delivery; only the first call for a message changes anything.</summary>
    /// <remarks>In SQL rather than ExecuteUpdate: it runs once for every message sent, and translating the LINQ form on
    /// every call cost more than the statement (2% of the site's CPU in a registration rush).</remarks>
    public async Task<bool> MarkSentAsync(long id, DateTime now, CancellationToken cancellationToken = default)
        => await db.Database.ExecuteSqlAsync($"""
            UPDATE "OutboxMessages" SET "SentUtc" = {now}, "NextAttemptUtc" = NULL, "LockedUntilUtc" = NULL, "LastError" = NULL
            WHERE "Id" = {id} AND "SentUtc" IS NULL
            """, cancellationToken) == 1;

    /// <summary>Schedules the next attempt after a failure, or gives the message up (null <paramref name="nextAttemptUtc"/>).</summary>
    public async Task RecordFailureAsync(long id, string error, DateTime? nextAttemptUtc, CancellationToken cancellationToken = default)
    {
        var message = error.Length > OutboxMessageConfiguration.MaxErrorLength ? error[..OutboxMessageConfiguration.MaxErrorLength] : error;
        await db.OutboxMessages.Where(m => m.Id == id && m.SentUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LastError, message)
                .SetProperty(m => m.NextAttemptUtc, nextAttemptUtc)
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null), cancellationToken);
    }

    /// <summary>Gives a claimed message back untouched (the host is stopping before it could be sent).</summary>
    public async Task ReleaseAsync(long id, CancellationToken cancellationToken = default)
        => await db.OutboxMessages.Where(m => m.Id == id && m.SentUtc == null)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.LockedUntilUtc, (DateTime?)null)
                .SetProperty(m => m.Attempts, m => m.Attempts - 1), cancellationToken);

    /// <summary>
    /// Makes an unsent message due now (an administrator's "retry now"). A given-up message gets one more
    /// attempt; the attempt count is kept as history. Returns false if the message is sent, leased or unknown.
    /// </summary>
    public async Task<bool> RetryNowAsync(long id, DateTime now, CancellationToken cancellationToken = default)
        => await db.OutboxMessages
            .Where(m => m.Id == id && m.SentUtc == null && (m.LockedUntilUtc == null || m.LockedUntilUtc < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now), cancellationToken) == 1;

    /// <summary>Deletes messages sent before <paramref name="sentBefore"/>: their bodies may hold personal links.</summary>
    public async Task<int> PurgeSentAsync(DateTime sentBefore, CancellationToken cancellationToken = default)
    {
        // Attachments first, explicitly: a bulk delete does not rely on the connection enforcing the cascade.
        await db.OutboxAttachments.Where(a => db.OutboxMessages.Any(m => m.Id == a.OutboxMessageId && m.SentUtc != null && m.SentUtc < sentBefore))
            .ExecuteDeleteAsync(cancellationToken);
        return await db.OutboxMessages.Where(m => m.SentUtc != null && m.SentUtc < sentBefore).ExecuteDeleteAsync(cancellationToken);
    }
}
