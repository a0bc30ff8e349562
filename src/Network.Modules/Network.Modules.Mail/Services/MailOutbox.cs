using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Services;

/// <summary>
/// Adds messages to the outbox through the session's host connection: inside the caller's host transaction
/// (<see cref="DatabaseSession.BeginHostTransactionAsync"/>) the message commits or rolls back with the
/// caller's change; without one it is saved on its own.
/// </summary>
public sealed class MailOutbox(MailDbContext db, DatabaseSession session, MailOutboxSignal signal, IOptions<MailOptions> options, TimeProvider time) : IMailOutbox
{
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        OutgoingMailRules.Validate(mail);
        var now = time.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            MessageId = NewMessageId(),
            TenantName = mail.TenantName,
            To = mail.To,
            ToName = string.IsNullOrWhiteSpace(mail.ToName) ? null : mail.ToName,
            ReplyTo = mail.ReplyTo,
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            CreatedUtc = now,
            NextAttemptUtc = now,
            Attachments = (mail.Attachments ?? []).Select(a => new OutboxAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content }).ToList(),
        };
        db.OutboxMessages.Add(message);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        finally
        {
            // The context may outlive a rolled-back transaction in this scope: never let it think the row exists.
            db.Entry(message).State = EntityState.Detached;
            foreach (var attachment in message.Attachments) db.Entry(attachment).State = EntityState.Detached;
        }
        session.AfterHostCommit(signal.Notify);
    }

    private string NewMessageId()
    {
        var domain = MailAddress.TryCreate(options.Value.From, out var from) ? from.Host : "reseau.localhost";
        return $"{Guid.NewGuid():N}@{domain}";
    }
}
