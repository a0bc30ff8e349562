using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Transport;

/// <summary>Delivers through an SMTP server (System.Net.Mail), optionally with STARTTLS and credentials.</summary>
public sealed class SmtpMailTransport(IOptions<MailOptions> options, OutboxMailMessageFactory messages) : IMailTransport
{
    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Smtp;
        using var mail = messages.Create(message, TransferEncoding.QuotedPrintable);
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            DeliveryMethod = SmtpDeliveryMethod.Network,
            EnableSsl = smtp.StartTls,
            Timeout = smtp.TimeoutSeconds * 1000,
            UseDefaultCredentials = false,
        };
        if (!string.IsNullOrEmpty(smtp.UserName)) client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);

        // SmtpClient.Timeout only applies to the synchronous Send: bound the asynchronous one ourselves.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(smtp.TimeoutSeconds));
        try
        {
            await client.SendMailAsync(mail, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The SMTP server {smtp.Host}:{smtp.Port} did not complete the delivery within {smtp.TimeoutSeconds} s.");
        }
    }
}
