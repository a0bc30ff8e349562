using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Transport;

/// <summary>
/// Writes each message as an .eml file under &lt;DataPath&gt;/mail: the default, so a site runs (and sign-up
/// works) with no mail server. Files are written in a private folder and then moved in, so a reader of the
/// folder never sees half a message.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<NetworkOptions> network, OutboxMailMessageFactory messages) : IMailTransport
{
    public string Folder { get; } = Path.Combine(network.Value.DataPath, "mail");

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var staging = Path.Combine(Folder, ".tmp", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        try
        {
            using (var mail = messages.Create(message, TransferEncoding.EightBit))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = staging })
            {
                await client.SendMailAsync(mail, cancellationToken);
            }
            var written = Directory.GetFiles(staging, "*.eml").Single();
            // Named after the message: a re-send of the same message replaces its file instead of adding one.
            var name = $"{message.CreatedUtc:yyyyMMdd-HHmmss}-{message.MessageId.Split('@')[0]}.eml";
            File.Move(written, Path.Combine(Folder, name), overwrite: true);
        }
        finally
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}
