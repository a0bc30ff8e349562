using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Transport;

/// <summary>
/// Writes each message as an .eml file under &lt;DataPath&gt;/mail: the default, so a site runs (and sign-up
/// works) with no mail server. Files are written in a private folder and then moved in, so a reader of the
/// folder never sees half a message. The private folder is this instance's, kept between messages (creating and
/// deleting a folder per message was a third of the transport's cost), and one message at a time goes through it.
/// </summary>
public sealed class PickupFolderMailTransport(IOptions<NetworkOptions> network, OutboxMailMessageFactory messages) : IMailTransport, IDisposable
{
    private readonly SemaphoreSlim _one = new(1, 1);

    public string Folder { get; } = Path.Combine(network.Value.DataPath, "mail");

    private readonly string _stagingName = Guid.NewGuid().ToString("N");

    /// <summary>Where SmtpClient writes a message before it is moved in (its file name is a GUID of its own).</summary>
    private string Staging => Path.Combine(Folder, ".tmp", _stagingName);

    public async Task SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await _one.WaitAsync(cancellationToken);
        try
        {
            Directory.CreateDirectory(Staging);
            // What a failed write left behind is not this message.
            foreach (var stale in Directory.EnumerateFiles(Staging)) File.Delete(stale);
            using (var mail = messages.Create(message, TransferEncoding.EightBit))
            using (var client = new SmtpClient { DeliveryMethod = SmtpDeliveryMethod.SpecifiedPickupDirectory, PickupDirectoryLocation = Staging })
            {
                await client.SendMailAsync(mail, cancellationToken);
            }
            var written = Directory.GetFiles(Staging, "*.eml").Single();
            // Named after the message: a re-send of the same message replaces its file instead of adding one.
            var name = $"{message.CreatedUtc:yyyyMMdd-HHmmss}-{message.MessageId.Split('@')[0]}.eml";
            File.Move(written, Path.Combine(Folder, name), overwrite: true);
        }
        finally
        {
            _one.Release();
        }
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(Staging)) Directory.Delete(Staging, recursive: true);
        }
        catch (IOException)
        {
            // Another process's cleanup or a file still open: the folder is empty or nearly so, and harmless.
        }
        _one.Dispose();
    }
}
