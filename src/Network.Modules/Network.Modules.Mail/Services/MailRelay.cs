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
    private MailRelayDbContext Relayed => services.GetRequiredService<MailRelayDbContext>();

    /// <summary>Writes the message in the tenant transaction open in this session; it reaches the outbox after the commit.</summary>
    public async Task HoldAsync(OutgoingMail mail, string messageId, CancellationToken cancellationToken = default)
    {
        var db = Relayed;
        var row = new RelayedMail { MessageId = messageId, PayloadJson = JsonSerializer.Serialize(mail), CreatedUtc = time.GetUtcNow().UtcDateTime };
        db.Relayed.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            db.Entry(row).State = EntityState.Detached;
        }
        var id = row.Id;
        await session.AfterTenantCommitAsync(async () =>
        {
            try
            {
                await ForwardAsync(id, CancellationToken.None);
            }
            catch (Exception ex)
            {
                // Committed in the tenant's database: the worker's sweep will forward it.
                logger.LogWarning(ex, "Relayed message {MessageId} not forwarded yet; the relay sweep will retry", messageId);
            }
        });
    }

    /// <summary>Forwards the tenant's waiting messages queued before <paramref name="queuedBefore"/>; returns how many.</summary>
    public async Task<int> ForwardWaitingAsync(DateTime queuedBefore, CancellationToken cancellationToken = default)
    {
        var ids = await Relayed.Relayed.AsNoTracking().Where(m => m.CreatedUtc < queuedBefore).OrderBy(m => m.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        foreach (var id in ids) await ForwardAsync(id, cancellationToken);
        return ids.Count;
    }

    private async Task ForwardAsync(long id, CancellationToken cancellationToken)
    {
        var db = Relayed;
        var row = await db.Relayed.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
        if (row is null) return;
        var mail = JsonSerializer.Deserialize<OutgoingMail>(row.PayloadJson)
            ?? throw new InvalidOperationException($"Relayed message {row.MessageId} has no content.");
        if (!await outbox.OutboxMessages.AnyAsync(m => m.MessageId == row.MessageId, cancellationToken))
        {
            try
            {
                await MailOutbox.AddAsync(outbox, mail, row.MessageId, time.GetUtcNow().UtcDateTime, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another relay (the sweep, another node) may have copied it meanwhile; otherwise it is a real failure.
                if (!await outbox.OutboxMessages.AnyAsync(m => m.MessageId == row.MessageId, cancellationToken)) throw;
            }
        }
        await db.Relayed.Where(m => m.Id == id).ExecuteDeleteAsync(cancellationToken);
        signal.Notify();
    }
}
