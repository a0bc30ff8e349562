using Network.Tests.Infrastructure;

namespace Network.BrowserTests.Infrastructure;

/// <summary>
/// A second site whose mail goes through a real SMTP server (aiosmtpd on 127.0.0.1), for the tests that follow
/// links from received mails. The collection's shared site keeps its default pickup-folder transport
/// and its sample content.
/// </summary>
public sealed class SmtpSiteFixture : IAsyncLifetime
{
    public SmtpServerFixture Smtp { get; private set; } = null!;
    public SiteProcess Site { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Smtp = new SmtpServerFixture();
        var settings = new Dictionary<string, string>(Smtp.HostSettings)
        {
            // The outbox worker is woken by new mail; a short poll only bounds the wait after a retry.
            ["Mail:PollSeconds"] = "1",
            // The journey needs no sample content: without it the site starts sooner.
            ["Network:SampleContent"] = "false",
        };
        Site = await SiteProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (Site is not null) await Site.DisposeAsync();
        Smtp?.Dispose();
    }
}
