using System.Net.Mail;
using Network.Core.Mail;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Services;

/// <summary>
/// What a message must satisfy before it enters the outbox. A message refused here is a programming error
/// or bad user input caught too late: it is better refused with the caller's change than failing forever
/// in the worker.
/// </summary>
public static class OutgoingMailRules
{
    public const int MaxHeaderValueLength = 2000;

    /// <summary>Headers the outbox and the transport write: a message's extra headers may not replace them.</summary>
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "From", "Sender", "To", "Cc", "Bcc", "Reply-To", "Subject", "Date", "Message-ID", "Return-Path", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Auto-Submitted",
    };

    public static void Validate(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var to = mail.To ?? "";
        if (!IsRecipientAddress(to))
            throw new ArgumentException($"The recipient « {to} » is not a single valid e-mail address.", nameof(mail));
        if (string.IsNullOrWhiteSpace(mail.Subject) || HasControlCharacters(mail.Subject) || mail.Subject.Length > OutboxMessageConfiguration.MaxSubjectLength)
            throw new ArgumentException($"The subject must be one line of 1 to {OutboxMessageConfiguration.MaxSubjectLength} characters.", nameof(mail));
        if (mail.ToName is { } name && (HasControlCharacters(name) || name.Length > OutboxMessageConfiguration.MaxNameLength))
            throw new ArgumentException($"The recipient name must be one line of at most {OutboxMessageConfiguration.MaxNameLength} characters.", nameof(mail));
        if (mail.ReplyTo is { } replyTo && !IsRecipientAddress(replyTo))
            throw new ArgumentException($"The reply-to address « {replyTo} » is not a single valid e-mail address.", nameof(mail));
        if (string.IsNullOrWhiteSpace(mail.TextBody) || string.IsNullOrWhiteSpace(mail.HtmlBody))
            throw new ArgumentException("A message needs both a plain-text and an HTML body.", nameof(mail));
        if (string.IsNullOrWhiteSpace(mail.TenantName) || mail.TenantName.Length > 63)
            throw new ArgumentException("The message must name the tenant it is sent for.", nameof(mail));
        foreach (var (headerName, headerValue) in mail.Headers ?? new Dictionary<string, string>())
        {
            if (!IsHeaderName(headerName) || ReservedHeaders.Contains(headerName))
                throw new ArgumentException($"« {headerName} » is not a header a message may add.", nameof(mail));
            if (string.IsNullOrWhiteSpace(headerValue) || HasControlCharacters(headerValue) || headerValue.Length > MaxHeaderValueLength)
                throw new ArgumentException($"The header « {headerName} » must be one line of 1 to {MaxHeaderValueLength} characters.", nameof(mail));
        }
        foreach (var attachment in mail.Attachments ?? [])
        {
            if (string.IsNullOrWhiteSpace(attachment.FileName) || HasControlCharacters(attachment.FileName) || attachment.FileName.Length > OutboxAttachmentConfiguration.MaxFileNameLength
                || attachment.FileName.IndexOfAny(['/', '\\', '"']) >= 0)
                throw new ArgumentException("An attachment needs a plain file name of one line.", nameof(mail));
            if (!IsMimeType(attachment.ContentType) || attachment.ContentType.Length > OutboxAttachmentConfiguration.MaxContentTypeLength)
                throw new ArgumentException($"The attachment type « {attachment.ContentType} » is not a MIME type.", nameof(mail));
            if (attachment.Content is null || attachment.Content.Length == 0 || attachment.Content.Length > OutboxAttachmentConfiguration.MaxContentLength)
                throw new ArgumentException($"An attachment holds 1 to {OutboxAttachmentConfiguration.MaxContentLength} bytes.", nameof(mail));
        }
    }

    /// <summary>One bare e-mail address, nothing around it (no display name, no control characters).</summary>
    public static bool IsRecipientAddress(string to)
        => !HasControlCharacters(to) && MailAddress.TryCreate(to, out var address) && address.Address == to && address.DisplayName.Length == 0;

    private static bool IsHeaderName(string name)
        => name.Length is > 0 and <= 76 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    private static bool IsMimeType(string value)
    {
        try
        {
            _ = new System.Net.Mime.ContentType(value);
            return !HasControlCharacters(value);
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            return false;
        }
    }

    // CR/LF in a header would let a value inject other headers.
    private static bool HasControlCharacters(string value) => value.Any(char.IsControl);
}
