using System.Net.Mail;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Services;

/// <summary>
/// Adds messages to the outbox through the session's host connection: inside the caller's host transaction
/// (<see cref="DatabaseSession.BeginHostTransactionAsync"/>) the message commits or rolls back with the
/// caller's change; inside a tenant transaction it goes through the tenant's <see cref="MailRelay"/>, so it commits
/// or rolls back with the tenant's change; without either it is saved on its own.
/// </summary>
public sealed class MailOutbox(DatabaseSession session, MailOutboxSignal signal, MailRelay relay, TenantContext tenant, IOptions<MailOptions> options, TimeProvider time) : IMailOutbox
{
    public Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default) => EnqueueAllAsync([mail], cancellationToken);

    public async Task EnqueueAllAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default)
    {
        foreach (var mail in mails) OutgoingMailRules.Validate(mail);
        if (mails.Count == 0) return;
        var identified = mails.Select(mail => (mail, NewMessageId())).ToList();
        // Inside a tenant transaction (and no host one), the messages must commit with the tenant's change: they go
        // through the tenant's relay table (see MailRelay).
        if (session.InTenantTransaction && !session.InHostTransaction && tenant.Tenant?.IsEnabled(MailModule.ModuleId) == true)
        {
            await relay.HoldAllAsync(identified, cancellationToken);
            return;
        }
        await using (var transaction = await session.JoinOrBeginHostTransactionAsync(cancellationToken))
        {
            await AddAllAsync(transaction, identified, time.GetUtcNow().UtcDateTime, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        session.AfterHostCommit(signal.Notify);
    }

    /// <summary>
    /// Writes the messages in the outbox in <paramref name="transaction"/> (a host transaction), one statement each,
    /// prepared once per transaction. A message whose Message-ID is already there is skipped: the relay may copy a
    /// message twice (its sweep after a crash), and it must be sent once.
    /// </summary>
    internal static async Task AddAllAsync(SessionTransaction transaction, IEnumerable<(OutgoingMail Mail, string MessageId)> mails, DateTime now, CancellationToken cancellationToken)
    {
        foreach (var (mail, messageId) in mails)
        {
            var toName = string.IsNullOrWhiteSpace(mail.ToName) ? null : mail.ToName;
            var headersJson = mail.Headers is { Count: > 0 } headers ? JsonSerializer.Serialize(headers) : null;
            var id = await transaction.ScalarAsync<long>($"""
                INSERT INTO "OutboxMessages" ("MessageId", "TenantName", "To", "ToName", "ReplyTo", "Subject", "HeadersJson", "Priority",
                    "TextBody", "HtmlBody", "CreatedUtc", "Attempts", "NextAttemptUtc")
                VALUES ({messageId}, {mail.TenantName}, {mail.To}, {toName}, {mail.ReplyTo}, {mail.Subject}, {headersJson}, {(mail.Bulk ? 1 : 0)},
                    {mail.TextBody}, {mail.HtmlBody}, {now}, 0, {now})
                ON CONFLICT ("MessageId") DO NOTHING
                RETURNING "Id"
                """, cancellationToken);
            if (id is null) continue;
            foreach (var attachment in mail.Attachments ?? [])
                await transaction.ExecuteAsync($"""
                    INSERT INTO "OutboxAttachments" ("OutboxMessageId", "FileName", "ContentType", "Content")
                    VALUES ({id}, {attachment.FileName}, {attachment.ContentType}, {attachment.Content})
                    """, cancellationToken);
        }
    }

    private string NewMessageId()
    {
        var domain = MailAddress.TryCreate(options.Value.From, out var from) ? from.Host : "reseau.localhost";
        return $"{Guid.NewGuid():N}@{domain}";
    }
}
