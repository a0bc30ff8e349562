using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Mail;

/// <summary>A host that sends through a real SMTP server, with retries fast enough for tests.</summary>
public sealed class SmtpHostFixture : IDisposable
{
    public SmtpHostFixture()
    {
        Smtp = new SmtpServerFixture();
        Factory = new NetworkWebFactory();
        Smtp.ConfigureHost(Factory);
        MailTestSupport.UseFastRetries(Factory);
        Factory.Settings["Mail:MaxAttempts"] = "1000";
        // A poll far longer than any test: new messages must wake the worker on commit, and retries must be
        // scheduled at their due time, or the tests time out.
        Factory.Settings["Mail:PollSeconds"] = "300";
        _ = Factory.Services;
    }

    public SmtpServerFixture Smtp { get; }
    public NetworkWebFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Smtp.Dispose();
    }
}

public static class MailTestSupport
{
    /// <summary>Back-off of a fraction of a second, so a retry after the server comes back happens quickly.</summary>
    public static void UseFastRetries(NetworkWebFactory factory)
    {
        factory.Settings["Mail:RetryBaseSeconds"] = "0.2";
        factory.Settings["Mail:RetryMaxSeconds"] = "1";
    }

    public static OutgoingMail NewMail(string subject, string to = "destinataire@exemple.fr", string tenant = "hauts-de-france", string? toName = null)
        => new(to, subject, $"Texte de « {subject} ».", $"<!DOCTYPE html><html lang=\"fr\"><body><h1>{subject}</h1></body></html>", tenant, toName);

    public static string UniqueSubject(string label) => $"{label} {Guid.NewGuid():N}";

    /// <summary>Enqueues in a host transaction of a job-like scope, committed or rolled back.</summary>
    public static async Task EnqueueAsync(NetworkWebFactory factory, OutgoingMail mail, bool commit = true)
    {
        await using var scope = factory.Service<TenantScopeFactory>().CreateScope(factory.Tenant(mail.TenantName));
        var session = scope.ServiceProvider.GetRequiredService<DatabaseSession>();
        await using var transaction = await session.BeginHostTransactionAsync();
        await scope.ServiceProvider.GetRequiredService<IMailOutbox>().EnqueueAsync(mail);
        if (commit) await transaction.CommitAsync();
    }

    public static async Task<List<OutboxMessage>> RowsAsync(NetworkWebFactory factory, Func<IQueryable<OutboxMessage>, IQueryable<OutboxMessage>>? filter = null)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        var query = db.OutboxMessages.AsNoTracking();
        return await (filter is null ? query : filter(query)).OrderBy(m => m.Id).ToListAsync();
    }

    public static async Task<OutboxMessage> RowAsync(NetworkWebFactory factory, string subject)
        => (await RowsAsync(factory, q => q.Where(m => m.Subject == subject))).Single();

    /// <summary>Polls until <paramref name="condition"/> holds (the worker runs in the background).</summary>
    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Timed out waiting until " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// Sends a marker and waits for it: the worker sends in due order, so once the marker arrived anything
    /// committed before it would have arrived too (a negative assertion without a blind sleep).
    /// </summary>
    public static async Task SendMarkerAsync(NetworkWebFactory factory, SmtpServerFixture smtp)
    {
        var subject = UniqueSubject("Marqueur");
        await EnqueueAsync(factory, NewMail(subject));
        await smtp.WaitForMessageAsync(m => m.Subject == subject);
    }
}
