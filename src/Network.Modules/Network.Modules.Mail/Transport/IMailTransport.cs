using Network.Modules.Mail.Data;

namespace Network.Modules.Mail.Transport;

/// <summary>Hands one outbox message to the outside world; throws when it could not.</summary>
public interface IMailTransport
{
    Task SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
