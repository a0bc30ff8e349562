using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Network.Modules.Accounts.Services;

/// <summary>Named rate-limiting policies of the account forms: a fixed window per client address, on POST only.</summary>
public static class AccountRateLimiting
{
    public const string SignIn = "accounts-sign-in";
    public const string SignUp = "accounts-sign-up";
    public const string PasswordReset = "accounts-password-reset";

    public static void AddPolicies(RateLimiterOptions options)
    {
        options.AddPolicy(SignIn, context => Partition(context, limits => limits.SignIn));
        options.AddPolicy(SignUp, context => Partition(context, limits => limits.SignUp));
        options.AddPolicy(PasswordReset, context => Partition(context, limits => limits.PasswordReset));
    }

    private static RateLimitPartition<string> Partition(HttpContext context, Func<AccountRateLimits, RateLimit> select)
    {
        // Showing a form costs nothing; only submitting it is limited.
        if (!HttpMethods.IsPost(context.Request.Method)) return RateLimitPartition.GetNoLimiter("read");
        var limit = select(context.RequestServices.GetRequiredService<IOptions<AccountsOptions>>().Value.RateLimits);
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, limit.PermitLimit),
            Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
            QueueLimit = 0,
        });
    }
}
