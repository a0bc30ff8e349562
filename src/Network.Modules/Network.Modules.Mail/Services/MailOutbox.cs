using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
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
public sealed class MailOutbox(MailDbContext db, DatabaseSession session, MailOutboxSignal signal, MailRelay relay, TenantContext tenant, IOptions<MailOptions> options, TimeProvider time) : IMailOutbox
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
        await AddAllAsync(db, identified, time.GetUtcNow().UtcDateTime, cancellationToken);
        session.AfterHostCommit(signal.Notify);
    }

    /// <summary>Writes the message in the outbox through <paramref name="db"/> (in its connection's transaction, if any).</summary>
    internal static Task AddAsync(MailDbContext db, OutgoingMail mail, string messageId, DateTime now, CancellationToken cancellationToken)
        => AddAllAsync(db, [(mail, messageId)], now, cancellationToken);

    /// <summary>Writes the messages in the outbox through <paramref name="db"/> in one save (the relay forwards a batch at once).</summary>
    internal static async Task AddAllAsync(MailDbContext db, IReadOnlyList<(OutgoingMail Mail, string MessageId)> mails, DateTime now, CancellationToken cancellationToken)
    {
        var messages = mails.Select(m => new OutboxMessage
        {
            MessageId = m.MessageId,
            TenantName = m.Mail.TenantName,
            To = m.Mail.To,
            ToName = string.IsNullOrWhiteSpace(m.Mail.ToName) ? null : m.Mail.ToName,
            ReplyTo = m.Mail.ReplyTo,
            Subject = m.Mail.Subject,
            HeadersJson = m.Mail.Headers is { Count: > 0 } headers ? System.Text.Json.JsonSerializer.Serialize(headers) : null,
            Priority = m.Mail.Bulk ? 1 : 0,
            TextBody = m.Mail.TextBody,
            HtmlBody = m.Mail.HtmlBody,
            CreatedUtc = now,
            NextAttemptUtc = now,
            Attachments = (m.Mail.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }).ToList(),
        }).ToList();
        db.OutboxMessages.AddRange(messages);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // The context may outlive a rolled-back transaction in this scope: never let it think the rows exist.
            foreach (var message in messages)
            {
                db.Entry(message).State = EntityState.Detached;
                foreach (var attachment in message.Attachments) db.Entry(attachment).State = EntityState.Detached;
            }
        }
    }

    private string NewMessageId()
    {
        var domain = MailAddress.TryCreate(options.Value.From, out var from) ? from.Host : "reseau.localhost";
        return $"{Guid.NewGuid():N}@{domain}";
    }
}
