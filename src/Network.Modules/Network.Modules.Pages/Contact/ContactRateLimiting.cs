using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Network.Modules.Pages.Contact;

/// <summary>The <c>Pages</c> section of appsettings.json.</summary>
public sealed class PagesOptions
{
    public const string Section = "Pages";

    /// <summary>Contact form submissions allowed per client address and window (showing the form is never limited).</summary>
    public ContactRateLimit ContactRateLimit { get; set; } = new();
}

public sealed class ContactRateLimit
{
    public int PermitLimit { get; set; } = 5;
    public int WindowSeconds { get; set; } = 600;
}

/// <summary>The named rate-limiting policy of the contact form: a fixed window per client address, on POST only (like the account forms').</summary>
public static class ContactRateLimiting
{
    public const string Policy = "pages-contact";

    public static void AddPolicy(RateLimiterOptions options) => options.AddPolicy(Policy, context =>
    {
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limit = context.RequestServices.GetRequiredService<IOptions<PagesOptions>>().Value.ContactRateLimit;
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });
    });
}
