namespace Network.Tests.Infrastructure;

public sealed partial class SmtpServerFixture
{
    /// <summary>Points an in-process host at this server (call before the host is first used).</summary>
    public void ConfigureHost(NetworkWebFactory factory)
    {
        foreach (var (key, value) in HostSettings) factory.Settings[key] = value;
    }
}
