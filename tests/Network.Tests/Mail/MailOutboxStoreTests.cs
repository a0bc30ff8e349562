using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Mail;
using Network.Modules.Mail.Data;
using Network.Modules.Mail.Services;
using Network.Tests.Infrastructure;

namespace Network.Tests.Mail;

/// <summary>
/// The outbox's conditional updates, called directly as two workers on two web nodes would (each with its own
/// scope, hence its own database connection). Rows are due only "tomorrow", so the host's own worker leaves
/// them alone and the tests drive the clock.
/// </summary>
public sealed class MailOutboxStoreTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Two_workers_claiming_the_same_message_never_both_get_it()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1);
        for (var round = 0; round < 20; round++)
        {
            var id = await InsertAsync(due: tomorrow);
            await using var nodes = new TwoNodes(factory);
            var (store1, store2) = (nodes.Store1, nodes.Store2);

            var claims = await Task.WhenAll(
                Task.Run(() => store1.TryClaimAsync(id, tomorrow, Lease)),
                Task.Run(() => store2.TryClaimAsync(id, tomorrow, Lease)));

            Assert.Single(claims, c => c is not null);
            var row = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single();
            Assert.Equal(1, row.Attempts);
            Assert.Equal(tomorrow + Lease, row.LockedUntilUtc);
        }
    }

    [Fact]
    public async Task Two_workers_claiming_the_same_batch_share_it_without_overlap()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1);
        for (var round = 0; round < 10; round++)
        {
            var ids = new List<long>();
            for (var i = 0; i < 20; i++) ids.Add(await InsertAsync(due: tomorrow));
            var notDue = await InsertAsync(due: tomorrow.AddHours(1));
            await using var nodes = new TwoNodes(factory);
            var (store1, store2) = (nodes.Store1, nodes.Store2);
            // Node 2 lists the batch the other way round and with a message not yet due.
            var reversed = ids.AsEnumerable().Reverse().Append(notDue).ToList();

            var claims = await Task.WhenAll(
                Task.Run(() => store1.ClaimAsync(ids, tomorrow, Lease)),
                Task.Run(() => store2.ClaimAsync(reversed, tomorrow, Lease)));

            Assert.Empty(claims[0].Select(m => m.Id).Intersect(claims[1].Select(m => m.Id)));
            Assert.Equal(ids.Order(), claims.SelectMany(c => c).Select(m => m.Id).Order());
            // Each in the order it was asked for, counted as one attempt.
            Assert.Equal(ids.Where(claims[0].Select(m => m.Id).Contains), claims[0].Select(m => m.Id));
            Assert.Equal(reversed.Where(claims[1].Select(m => m.Id).Contains), claims[1].Select(m => m.Id));
            Assert.All(claims.SelectMany(c => c), m => Assert.Equal(1, m.Attempts));
            var rows = await MailTestSupport.RowsAsync(factory, q => q.Where(m => ids.Contains(m.Id) || m.Id == notDue));
            Assert.All(rows.Where(r => r.Id != notDue), r => Assert.Equal((1, tomorrow + Lease), (r.Attempts, r.LockedUntilUtc)));
            Assert.Equal((0, (DateTime?)null), rows.Where(r => r.Id == notDue).Select(r => (r.Attempts, r.LockedUntilUtc)).Single());
        }
    }

    [Fact]
    public async Task A_worker_renews_only_a_lease_it_still_holds()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var id = await InsertAsync(due: tomorrow);
        await using var nodes = new TwoNodes(factory);
        var (store1, store2) = (nodes.Store1, nodes.Store2);

        var claimed = Assert.Single(await store1.ClaimAsync([id], tomorrow, Lease));
        Assert.Equal(tomorrow + Lease, claimed.LockedUntilUtc);
        Assert.False(await store1.TryRenewAsync(id, tomorrow, tomorrow.AddMinutes(5))); // not the lease it holds
        Assert.True(await store1.TryRenewAsync(id, tomorrow + Lease, tomorrow.AddMinutes(5)));
        Assert.Equal(tomorrow.AddMinutes(5), (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single().LockedUntilUtc);

        // Node 1 stalled past its renewed lease: node 2 takes the message over, and node 1 can no longer renew it.
        Assert.NotNull(await store2.TryClaimAsync(id, tomorrow.AddMinutes(6), Lease));
        Assert.False(await store1.TryRenewAsync(id, tomorrow.AddMinutes(5), tomorrow.AddMinutes(10)));
        Assert.Equal(tomorrow.AddMinutes(6) + Lease, (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single().LockedUntilUtc);
    }

    [Fact]
    public async Task A_leased_message_is_taken_over_only_after_its_lease_expires_and_is_marked_sent_once()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var id = await InsertAsync(due: tomorrow);
        await using var nodes = new TwoNodes(factory);
        var (store1, store2) = (nodes.Store1, nodes.Store2);

        Assert.Null(await store1.TryClaimAsync(id, tomorrow.AddSeconds(-1), Lease)); // not due yet
        Assert.NotNull(await store1.TryClaimAsync(id, tomorrow, Lease));
        Assert.DoesNotContain(id, await store2.FindDueAsync(tomorrow.AddMinutes(1), 10_000));
        Assert.Null(await store2.TryClaimAsync(id, tomorrow.AddMinutes(1), Lease)); // lease still held

        // Node 1 died while sending: once the lease has passed, node 2 takes the message over.
        var takeover = await store2.TryClaimAsync(id, tomorrow + Lease + TimeSpan.FromSeconds(1), Lease);
        Assert.NotNull(takeover);
        Assert.Equal(2, takeover.Attempts);

        Assert.True(await store2.MarkSentAsync(id, tomorrow.AddMinutes(3)));
        Assert.False(await store1.MarkSentAsync(id, tomorrow.AddMinutes(4)));
        Assert.Null(await store1.TryClaimAsync(id, tomorrow.AddDays(1), Lease));
        var row = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single();
        Assert.Equal(tomorrow.AddMinutes(3), row.SentUtc);
        Assert.Equal(OutboxMessageStatus.Sent, row.Status);
        Assert.False(await store1.RetryNowAsync(id, tomorrow.AddDays(2)));
    }

    [Fact]
    public async Task A_failure_schedules_a_retry_or_gives_up_and_retry_now_makes_it_due_again()
    {
        var tomorrow = DateTime.UtcNow.AddDays(1);
        var id = await InsertAsync(due: tomorrow);
        await using var scope = factory.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<MailOutboxStore>();

        await store.TryClaimAsync(id, tomorrow, Lease);
        await store.RecordFailureAsync(id, "SmtpException: " + new string('x', 5000), tomorrow.AddMinutes(1));
        var row = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single();
        Assert.Equal(OutboxMessageStatus.Pending, row.Status);
        Assert.Null(row.LockedUntilUtc);
        Assert.Equal(2000, row.LastError!.Length);

        await store.TryClaimAsync(id, tomorrow.AddMinutes(1), Lease);
        await store.RecordFailureAsync(id, "SmtpException: refusé", null);
        row = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single();
        Assert.Equal(OutboxMessageStatus.Failed, row.Status);
        Assert.Equal(2, row.Attempts);
        Assert.Null(await store.TryClaimAsync(id, tomorrow.AddDays(10), Lease));

        Assert.True(await store.RetryNowAsync(id, tomorrow.AddHours(1)));
        Assert.NotNull(await store.TryClaimAsync(id, tomorrow.AddHours(1), Lease));
        Assert.False(await store.RetryNowAsync(id, tomorrow.AddHours(1))); // leased: being sent right now
        await store.ReleaseAsync(id);
        row = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Id == id))).Single();
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LockedUntilUtc);
        Assert.False(await store.MarkSentAsync(id + 1_000_000, tomorrow));
    }

    [Fact]
    public void Back_off_doubles_from_the_base_up_to_the_cap_with_bounded_jitter()
    {
        var options = new MailOptions { RetryBaseSeconds = 30, RetryMaxSeconds = 3600 };
        var random = new Random(7);
        for (var attempt = 1; attempt <= 12; attempt++)
        {
            var expected = Math.Min(30 * Math.Pow(2, attempt - 1), 3600);
            var delay = RetrySchedule.DelayAfter(attempt, options, random).TotalSeconds;
            Assert.InRange(delay, expected, expected * 1.2);
        }
    }

    [Fact]
    public void Bad_configuration_is_reported_in_words()
    {
        var options = new MailOptions { From = "pas une adresse", Transport = MailTransportKind.Smtp, Smtp = { Host = "", Port = 0 }, MaxAttempts = 0, BusyDeferSeconds = -1 };
        var errors = options.Validate().ToList();
        Assert.Contains(errors, e => e.Contains("Mail:From"));
        Assert.Contains(errors, e => e.Contains("Mail:Smtp:Host"));
        Assert.Contains(errors, e => e.Contains("Mail:Smtp:Port"));
        Assert.Contains(errors, e => e.Contains("Mail:MaxAttempts"));
        Assert.Contains(errors, e => e.Contains("Mail:BusyDeferSeconds"));
        Assert.Empty(new MailOptions().Validate());
    }

    /// <summary>Two workers' stores, each in its own scope (its own database connection), as on two web nodes.</summary>
    private sealed class TwoNodes(NetworkWebFactory factory) : IAsyncDisposable
    {
        private readonly AsyncServiceScope _node1 = factory.Services.CreateAsyncScope();
        private readonly AsyncServiceScope _node2 = factory.Services.CreateAsyncScope();

        public MailOutboxStore Store1 => _node1.ServiceProvider.GetRequiredService<MailOutboxStore>();

        public MailOutboxStore Store2 => _node2.ServiceProvider.GetRequiredService<MailOutboxStore>();

        public async ValueTask DisposeAsync()
        {
            await _node1.DisposeAsync();
            await _node2.DisposeAsync();
        }
    }

    private async Task<long> InsertAsync(DateTime due)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        var message = new OutboxMessage
        {
            MessageId = Guid.NewGuid().ToString("N") + "@reseau.test",
            TenantName = "network",
            To = "concurrence@exemple.fr",
            Subject = "Concurrence",
            TextBody = "Texte",
            HtmlBody = "<p>Texte</p>",
            CreatedUtc = DateTime.UtcNow,
            NextAttemptUtc = due,
        };
        db.OutboxMessages.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }
}
