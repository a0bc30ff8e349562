using System.Diagnostics;
using Network.Core.Hosting;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>
/// The mail worker gives way to a busy site (<see cref="RequestLoad"/>): a message queued while many requests are being
/// answered waits until they are, or at most <c>Mail:BusyDeferSeconds</c>, then goes out through the real SMTP server;
/// the requests in flight are counted by the pipeline.
/// </summary>
public sealed class MailBusyDeferralTests : IDisposable
{
    private readonly SmtpServerFixture _smtp = new();
    private readonly NetworkWebFactory _factory = new();

    public MailBusyDeferralTests()
    {
        _smtp.ConfigureHost(_factory);
        _factory.Settings["Mail:PollSeconds"] = "300";
        _factory.Settings["Mail:BusyDeferSeconds"] = "3";
        _ = _factory.Services;
    }

    public void Dispose()
    {
        _factory.Dispose();
        _smtp.Dispose();
    }

    private RequestLoad Load => _factory.Service<RequestLoad>();

    [Fact]
    public async Task A_message_waits_while_the_site_is_busy_and_goes_out_when_it_is_not()
    {
        var load = Load;
        var busyAbove = load.BusyAbove;
        for (var i = 0; i <= busyAbove; i++) load.Enter();
        try
        {
            Assert.True(load.IsBusy);
            var subject = UniqueSubject("Pendant l'affluence");
            await EnqueueAsync(_factory, NewMail(subject));
            await Task.Delay(1000);
            Assert.DoesNotContain(_smtp.Messages, m => m.Subject == subject);
            Assert.Null((await RowAsync(_factory, subject)).SentUtc);
            for (var i = 0; i <= busyAbove; i++) load.Exit();
            Assert.False(load.IsBusy);
            await _smtp.WaitForMessageAsync(m => m.Subject == subject, TimeSpan.FromSeconds(2));
        }
        finally
        {
            while (load.InFlight > 0) load.Exit();
        }
    }

    [Fact]
    public async Task A_busy_site_delays_a_message_by_the_configured_time_at_most()
    {
        var load = Load;
        for (var i = 0; i <= load.BusyAbove; i++) load.Enter();
        try
        {
            var subject = UniqueSubject("Affluence durable");
            var queued = Stopwatch.StartNew();
            await EnqueueAsync(_factory, NewMail(subject));
            await _smtp.WaitForMessageAsync(m => m.Subject == subject, TimeSpan.FromSeconds(10));
            Assert.InRange(queued.Elapsed.TotalSeconds, 2.5, 8);
        }
        finally
        {
            while (load.InFlight > 0) load.Exit();
        }
    }

    [Fact]
    public async Task Requests_are_counted_while_they_are_answered()
    {
        using var client = _factory.CreateClient();
        Assert.Equal(0, Load.InFlight);
        var requests = Enumerable.Range(0, 20).Select(_ => client.GetAsync("/hauts-de-france/")).ToList();
        var seen = 0;
        while (!requests.TrueForAll(r => r.IsCompleted)) seen = Math.Max(seen, Load.InFlight);
        Assert.All(await Task.WhenAll(requests), response => Assert.True(response.IsSuccessStatusCode));
        Assert.InRange(seen, 1, 20);
        Assert.Equal(0, Load.InFlight);
    }
}
