using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Transport;

namespace Network.Modules.Mail.Services;

/// <summary>
/// Sends what is due in the outbox: claims the due messages with a lease (a batch in one transaction), hands each to
/// the transport, marks it sent, or schedules a retry with exponential back-off until <see cref="MailOptions.MaxAttempts"/>.
/// Everything it needs is in the database, so pending messages are sent after a restart; no failure of the
/// mail server or of one round stops it (or the host). While the site is busy answering requests, a round waits (up to
/// <see cref="MailOptions.BusyDeferSeconds"/>) before sending: the requests' answers come first.
/// </summary>
public sealed class MailDeliveryWorker(
    IServiceScopeFactory scopes,
    IMailTransport transport,
    MailOutboxSignal signal,
    RequestLoad load,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailDeliveryWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private DateTime _nextPurgeUtc = DateTime.MinValue;

    /// <summary>
    /// Longer than any send can take (the transport gives up after the SMTP timeout), so a lease only expires
    /// when its worker died; then another worker takes the message over.
    /// </summary>
    private TimeSpan Lease => TimeSpan.FromSeconds(options.Value.Smtp.TimeoutSeconds * 2 + 60);

    /// <summary>The longest a send can take (the transport gives up after the SMTP timeout), with a margin.</summary>
    private TimeSpan SendTimeout => TimeSpan.FromSeconds(options.Value.Smtp.TimeoutSeconds + 30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        logger.LogInformation("Mail delivery started with the {Transport} transport", settings.Transport);
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = TimeSpan.FromSeconds(settings.PollSeconds);
            try
            {
                var nextDue = await DeliverDueAsync(stoppingToken);
                if (nextDue is { } due)
                {
                    var untilDue = due - Now();
                    if (untilDue < wait) wait = untilDue > TimeSpan.Zero ? untilDue : TimeSpan.Zero;
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable (locked, disk full): try again at the next poll.
                logger.LogError(ex, "Mail delivery round failed; the outbox will be read again in {Seconds} s", wait.TotalSeconds);
            }
            if (wait > TimeSpan.Zero)
            {
                try { await signal.WaitAsync(wait, stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    /// <summary>Sends every message due now; returns when the next pending one becomes due.</summary>
    private async Task<DateTime?> DeliverDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MailOutboxStore>();
        await PurgeIfDueAsync(store, cancellationToken);
        await WaitWhileBusyAsync(cancellationToken);
        IReadOnlyList<long> due;
        do
        {
            due = await store.FindDueAsync(Now(), BatchSize, cancellationToken);
            // Another worker (another node) may have taken some since we listed them: those are theirs.
            var claimed = await store.ClaimAsync(due, Now(), Lease, cancellationToken);
            // Stopping: what this round claimed and did not start sending is given back (one being sent gives itself
            // back), so the next start sends it without waiting for its lease.
            var started = 0;
            try
            {
                foreach (var message in claimed)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    started++;
                    // The batch's lease covers one slow send, not twenty: renewed when less than one send's time is
                    // left, so a lease still only expires when its worker died. Lost meanwhile: another worker has it.
                    if (Now() + SendTimeout >= message.LockedUntilUtc
                        && !await store.TryRenewAsync(message.Id, message.LockedUntilUtc!.Value, Now() + Lease, cancellationToken)) continue;
                    await DeliverAsync(store, message, cancellationToken);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                foreach (var unsent in claimed.Skip(started)) await store.ReleaseAsync(unsent.Id, CancellationToken.None);
                throw;
            }
        }
        while (due.Count == BatchSize);
        return await store.NextDueAsync(cancellationToken);
    }

    /// <summary>
    /// Waits while the site is busy, at most <see cref="MailOptions.BusyDeferSeconds"/>: then the round sends everything
    /// due, so under lasting load mails go out in rounds that many seconds apart, never later.
    /// </summary>
    private async Task WaitWhileBusyAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(options.Value.BusyDeferSeconds);
        var started = time.GetTimestamp();
        while (load.IsBusy && time.GetElapsedTime(started) < limit)
            await Task.Delay(BusyPoll, time, cancellationToken);
    }

    private static readonly TimeSpan BusyPoll = TimeSpan.FromMilliseconds(50);

    private async Task DeliverAsync(MailOutboxStore store, OutboxMessage message, CancellationToken cancellationToken)
    {
        var id = message.Id;
        try
        {
            await transport.SendAsync(message, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping mid-send: give the message back so the next start sends it without waiting for the lease.
            await store.ReleaseAsync(id, CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            var settings = options.Value;
            var error = Describe(ex);
            if (message.Attempts >= settings.MaxAttempts)
            {
                await store.RecordFailureAsync(id, error, null, CancellationToken.None);
                logger.LogError("Mail {MessageId} ({Tenant}) given up after {Attempts} attempts: {Error}", message.MessageId, message.TenantName, message.Attempts, error);
            }
            else
            {
                var next = Now() + RetrySchedule.DelayAfter(message.Attempts, settings);
                await store.RecordFailureAsync(id, error, next, CancellationToken.None);
                logger.LogWarning("Mail {MessageId} ({Tenant}) attempt {Attempts} failed, next attempt at {Next:u}: {Error}", message.MessageId, message.TenantName, message.Attempts, next, error);
            }
            return;
        }
        // Not cancellable: the server has the message, recording that must not be skipped.
        await store.MarkSentAsync(id, Now(), CancellationToken.None);
        logger.LogInformation("Mail {MessageId} ({Tenant}) sent at attempt {Attempts}", message.MessageId, message.TenantName, message.Attempts);
    }

    private async Task PurgeIfDueAsync(MailOutboxStore store, CancellationToken cancellationToken)
    {
        var keep = options.Value.KeepSentDays;
        if (keep == 0 || Now() < _nextPurgeUtc) return;
        _nextPurgeUtc = Now() + PurgeInterval;
        var purged = await store.PurgeSentAsync(Now().AddDays(-keep), cancellationToken);
        if (purged > 0) logger.LogInformation("Deleted {Count} mails sent more than {Days} days ago", purged, keep);
    }

    /// <summary>The error chain in one line (SmtpException often hides the socket error in its inner exception).</summary>
    private static string Describe(Exception exception)
    {
        var parts = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException) parts.Add($"{e.GetType().Name}: {e.Message}");
        return string.Join(" → ", parts.Distinct());
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
