using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;

namespace Network.Tests.Infrastructure;

/// <summary>
/// The real host on a fresh data folder (SQLite files in a temp directory), first-run set-up included:
/// the hub, Hauts-de-France and Nouvelle-Aquitaine. Mail goes to a pickup folder unless a test sets SMTP.
/// </summary>
public class NetworkWebFactory : WebApplicationFactory<Program>
{
    public const string AdminEmail = "admin@reseau.test";
    public const string AdminPassword = "Mot-de-passe-admin-42";

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "reseau-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Extra configuration (keys in "Section:Key" form) applied over appsettings.json.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    public string MailPickupFolder => Path.Combine(DataPath, "mail");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Network:DataPath", DataPath);
        builder.UseSetting("Network:AdminEmail", AdminEmail);
        builder.UseSetting("Network:AdminPassword", AdminPassword);
        builder.UseSetting("Mail:PollSeconds", "1");
        // Sample showcases and practices (and their generated images) would lengthen every host's first run;
        // the tests about them turn them back on through Settings.
        builder.UseSetting("Network:SampleContent", "false");
        // The weekly digest job would send at start-up; the follows tests run the digest themselves.
        builder.UseSetting("Follows:DigestJobEnabled", "false");
        // Every test of a class shares one client address: keep the account forms' rate limits out of the way
        // (the rate-limit tests lower them through Settings).
        foreach (var policy in new[] { "SignIn", "SignUp", "PasswordReset" })
            builder.UseSetting($"Accounts:RateLimits:{policy}:PermitLimit", "100000");
        // Likewise for the public API's limit per client (ApiRateLimitTests lowers it).
        builder.UseSetting("Api:RateLimit:PermitLimit", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    /// <summary>A client that keeps cookies and does not follow redirects (tests assert them).</summary>
    public HttpClient CreateBrowserClient(string host = "localhost")
        => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true, BaseAddress = new Uri($"http://{host}") });

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public TenantInfo Tenant(string name) => Service<TenantCatalog>().Find(name) ?? throw new InvalidOperationException($"No tenant {name}");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(DataPath, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
