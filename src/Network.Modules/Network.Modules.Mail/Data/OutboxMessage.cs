namespace Network.Modules.Mail.Data;

/// <summary>
/// A message in the durable outbox (host database). Written in the transaction of the change that caused it,
/// then delivered by <see cref="Services.MailDeliveryWorker"/>.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>
    /// Message-ID header (without angle brackets), fixed at enqueue time: if a node crashes after the SMTP
    /// server accepted the message but before it was marked sent, the re-send carries the same id and can be
    /// recognised as a duplicate.
    /// </summary>
    public string MessageId { get; set; } = "";

    public string TenantName { get; set; } = "";
    public string To { get; set; } = "";
    public string? ToName { get; set; }

    /// <summary>Reply-To address (a contact form's sender), or null.</summary>
    public string? ReplyTo { get; set; }
    public string Subject { get; set; } = "";

    /// <summary>Extra header fields as a JSON object (a digest's List-Unsubscribe), or null.</summary>
    public string? HeadersJson { get; set; }

    /// <summary>0 for transactional mail, 1 for bulk mail (digests): due messages are sent lowest priority value first.</summary>
    public int Priority { get; set; }

    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Delivery attempts started (counted when a worker claims the message).</summary>
    public int Attempts { get; set; }

    /// <summary>When the message is due; null once it is sent or given up.</summary>
    public DateTime? NextAttemptUtc { get; set; }

    /// <summary>Lease of the worker sending it now; another worker may take it only once this has passed.</summary>
    public DateTime? LockedUntilUtc { get; set; }

    public DateTime? SentUtc { get; set; }
    public string? LastError { get; set; }

    /// <summary>Files sent with the message, deleted with it.</summary>
    public List<OutboxAttachment> Attachments { get; set; } = [];

    public OutboxMessageStatus Status => SentUtc is not null ? OutboxMessageStatus.Sent
        : NextAttemptUtc is null ? OutboxMessageStatus.Failed
        : OutboxMessageStatus.Pending;
}

/// <summary>A file sent with an outbox message (kept in the database so it is as durable as the message).</summary>
public sealed class OutboxAttachment
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "";
    public byte[] Content { get; set; } = [];
}

public enum OutboxMessageStatus
{
    Pending,
    Sent,

    /// <summary>Given up after the maximum number of attempts; kept with its last error until retried.</summary>
    Failed,
}
