namespace Network.Core.Mail;

/// <summary>
/// Queues a message in the durable outbox. The message is written through the caller's database session,
/// so it commits (or rolls back) with the change that caused it; a background worker sends it.
/// </summary>
public interface IMailOutbox
{
    Task EnqueueAsync(OutgoingMail mail, CancellationToken cancellationToken = default);

    /// <summary>Queues several messages in one write: a batch of registrations queues its confirmations at once.</summary>
    Task EnqueueAllAsync(IReadOnlyList<OutgoingMail> mails, CancellationToken cancellationToken = default);
}

/// <param name="TenantName">The tenant on whose behalf the message is sent (its name appears as sender name).</param>
/// <param name="ReplyTo">Where answers go (a contact form's sender); null keeps the no-reply sender.</param>
/// <param name="Attachments">Files sent with the message (an event's calendar file); null or empty for none.</param>
/// <param name="Headers">Extra header fields (a digest's List-Unsubscribe); the outbox refuses the ones it writes itself.</param>
/// <param name="Bulk">
/// A message sent to many people at once (the weekly digest): the outbox sends every due transactional message (a
/// password reset, a receipt) before any due bulk one, so a run of 50,000 digests never delays them.
/// </param>
public sealed record OutgoingMail(string To, string Subject, string TextBody, string HtmlBody, string TenantName, string? ToName = null, string? ReplyTo = null,
    IReadOnlyList<MailAttachment>? Attachments = null, IReadOnlyDictionary<string, string>? Headers = null, bool Bulk = false);

/// <param name="FileName">The name the reader sees ("journee-regionale.ics").</param>
/// <param name="ContentType">The MIME type, with its parameters ("text/calendar; charset=utf-8").</param>
public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);
