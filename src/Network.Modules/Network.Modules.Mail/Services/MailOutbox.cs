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
    public async Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        OutgoingMailRules.Validate(mail);
        // Inside a tenant transaction (and no host one), the message must commit with the tenant's change: it goes through
        // the tenant's relay table (see MailRelay).
        if (session.InTenantTransaction && !session.InHostTransaction && tenant.Tenant?.IsEnabled(MailModule.ModuleId) == true)
        {
            await relay.HoldAsync(mail, NewMessageId(), cancellationToken);
            return;
        }
        await AddAsync(db, mail, NewMessageId(), time.GetUtcNow().UtcDateTime, cancellationToken);
        session.AfterHostCommit(signal.Notify);
    }

    /// <summary>Writes the message in the outbox through <paramref name="db"/> (in its connection's transaction, if any).</summary>
    internal static async Task AddAsync(MailDbContext db, OutgoingMail mail, string messageId, DateTime now, CancellationToken cancellationToken)
    {
        var message = new OutboxMessage
        {
            MessageId = messageId,
            TenantName = mail.TenantName,
            To = mail.To,
            ToName = string.IsNullOrWhiteSpace(mail.ToName) ? null : mail.ToName,
            ReplyTo = mail.ReplyTo,
            Subject = mail.Subject,
            HeadersJson = mail.Headers is { Count: > 0 } headers ? System.Text.Json.JsonSerializer.Serialize(headers) : null,
            Priority = mail.Bulk ? 1 : 0,
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
    }

    private string NewMessageId()
    {
        var domain = MailAddress.TryCreate(options.Value.From, out var from) ? from.Host : "reseau.localhost";
        return $"{Guid.NewGuid():N}@{domain}";
    }
}
