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
/// <remarks>
/// A rush of registrations queues its mails here inside its only serial part (one transaction per batch, see the events
/// module), so rows are written and copied with statements prepared once per transaction, and the copy after the
/// commit takes the messages from memory rather than reading the rows back.
/// </remarks>
public sealed class MailRelay(IServiceProvider services, DatabaseSession session, MailOutboxSignal signal, TimeProvider time, ILogger<MailRelay> logger)
{
    private MailRelayDbContext Relayed => services.GetRequiredService<MailRelayDbContext>();

    /// <summary>
    /// Writes the messages in the tenant transaction open in this session; they reach the outbox after its commit (never
    /// if it, or the savepoint they were queued in, rolls back).
    /// </summary>
    public async Task HoldAllAsync(IReadOnlyList<(OutgoingMail Mail, string MessageId)> mails, CancellationToken cancellationToken = default)
    {
        var transaction = session.TenantTransaction;
        var now = time.GetUtcNow().UtcDateTime;
        var held = new List<HeldMail>(mails.Count);
        foreach (var (mail, messageId) in mails)
        {
            var id = await transaction.ScalarAsync<long>(
                $"INSERT INTO \"MailRelay\" (\"MessageId\", \"PayloadJson\", \"CreatedUtc\") VALUES ({messageId}, {JsonSerializer.Serialize(mail)}, {now}) RETURNING \"Id\"",
                cancellationToken);
            held.Add(new(id ?? throw new InvalidOperationException("The relayed message's id was not returned."), mail, messageId));
        }
        await session.AfterTenantCommitAsync(() => ForwardHeldAsync(held));
    }

    private async Task ForwardHeldAsync(IReadOnlyList<HeldMail> held)
    {
        try
        {
            await ForwardAsync(held, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Committed in the tenant's database: the worker's sweep will forward them.
            logger.LogWarning(ex, "{Count} relayed message(s) not forwarded yet; the relay sweep will retry", held.Count);
        }
    }

    /// <summary>Forwards the tenant's waiting messages queued before <paramref name="queuedBefore"/>; returns how many.</summary>
    public async Task<int> ForwardWaitingAsync(DateTime queuedBefore, CancellationToken cancellationToken = default)
    {
        var rows = await Relayed.Relayed.AsNoTracking().Where(m => m.CreatedUtc < queuedBefore).OrderBy(m => m.Id).ToListAsync(cancellationToken);
        if (rows.Count > 0) await ForwardAsync(rows.Select(row => new HeldMail(row.Id, Read(row), row.MessageId)).ToList(), cancellationToken);
        return rows.Count;
    }

    /// <summary>Copies the messages to the outbox in one host transaction (those already there are skipped), then deletes their rows here.</summary>
    private async Task ForwardAsync(IReadOnlyList<HeldMail> held, CancellationToken cancellationToken)
    {
        await using (var host = await session.BeginHostTransactionAsync(cancellationToken))
        {
            await MailOutbox.AddAllAsync(host, held.Select(h => (h.Mail, h.MessageId)), time.GetUtcNow().UtcDateTime, cancellationToken);
            await host.CommitAsync(cancellationToken);
        }
        signal.Notify();
        await using var tenant = await session.BeginTenantTransactionAsync(cancellationToken);
        foreach (var mail in held) await tenant.ExecuteAsync($"DELETE FROM \"MailRelay\" WHERE \"Id\" = {mail.Id}", cancellationToken);
        await tenant.CommitAsync(cancellationToken);
    }

    private static OutgoingMail Read(RelayedMail row)
        => JsonSerializer.Deserialize<OutgoingMail>(row.PayloadJson) ?? throw new InvalidOperationException($"Relayed message {row.MessageId} has no content.");

    private sealed record HeldMail(long Id, OutgoingMail Mail, string MessageId);
}
