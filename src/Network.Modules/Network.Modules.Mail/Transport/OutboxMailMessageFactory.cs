using System.Net.Mail;
using System.Net.Mime;
using System.Text;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Transport;

/// <summary>Turns an outbox row into a MIME message: multipart/alternative (plain text, then HTML), UTF-8.</summary>
public sealed class OutboxMailMessageFactory(IOptions<MailOptions> options, TenantCatalog tenants)
{
    /// <param name="textEncoding">
    /// Transfer encoding of the plain-text part: quoted-printable is safe on any SMTP path; 8bit keeps pickup
    /// files readable by a person (links copyable as they are).
    /// </param>
    public MailMessage Create(OutboxMessage message, TransferEncoding textEncoding)
    {
        var settings = options.Value;
        var mail = new MailMessage
        {
            From = new MailAddress(settings.From, SenderName(message.TenantName), Encoding.UTF8),
            Subject = message.Subject,
            SubjectEncoding = Encoding.UTF8,
            HeadersEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        mail.To.Add(new MailAddress(message.To, message.ToName ?? "", Encoding.UTF8));
        if (message.ReplyTo is { Length: > 0 } replyTo) mail.ReplyToList.Add(new MailAddress(replyTo));
        // Fixed at enqueue time, so a re-send after a crash is recognisable as the same message.
        mail.Headers["Message-ID"] = "<" + message.MessageId + ">";
        // RFC 3834: tells vacation responders not to answer a no-reply address.
        mail.Headers["Auto-Submitted"] = "auto-generated";
        // Checked at enqueue time (OutgoingMailRules): never a header the factory writes itself.
        if (message.HeadersJson is { Length: > 0 } headersJson)
            foreach (var (name, value) in System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(headersJson) ?? [])
                mail.Headers[name] = value;

        var text = AlternateView.CreateAlternateViewFromString(message.TextBody, Encoding.UTF8, MediaTypeNames.Text.Plain);
        text.TransferEncoding = textEncoding;
        var html = AlternateView.CreateAlternateViewFromString(message.HtmlBody, Encoding.UTF8, MediaTypeNames.Text.Html);
        html.TransferEncoding = TransferEncoding.QuotedPrintable;
        // Order matters: clients show the last alternative they understand, so HTML comes last.
        mail.AlternateViews.Add(text);
        mail.AlternateViews.Add(html);
        // The message owns the streams: disposing it (the transports do) disposes them.
        foreach (var file in message.Attachments)
        {
            var attachment = new Attachment(new MemoryStream(file.Content, writable: false), new ContentType(file.ContentType) { Name = file.FileName });
            attachment.ContentDisposition!.FileName = file.FileName;
            mail.Attachments.Add(attachment);
        }
        return mail;
    }

    /// <summary>"Hauts-de-France via Réseau Culture et Numérique": the reader sees which site writes.</summary>
    public string SenderName(string tenantName)
    {
        var fromName = options.Value.FromName;
        var tenant = tenants.Find(tenantName);
        return tenant is null || tenant.IsHub || string.IsNullOrWhiteSpace(tenant.DisplayName) ? fromName : $"{tenant.DisplayName} via {fromName}";
    }
}
