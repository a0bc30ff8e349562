using System.Threading.Channels;

namespace Network.Modules.Mail.Services;

/// <summary>Wakes the delivery worker when a message has been committed, so it need not wait a full poll.</summary>
public sealed class MailOutboxSignal
{
    // One pending wake-up is enough: the worker sends everything that is due each time it wakes.
    private readonly Channel<bool> _channel = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Notify() => _channel.Writer.TryWrite(true);

    /// <summary>Returns when notified or when <paramref name="timeout"/> has passed.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timer.CancelAfter(timeout);
        try
        {
            await _channel.Reader.ReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Timed out: time for the next poll.
        }
    }
}
