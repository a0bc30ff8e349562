using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Network.Modules.Api.Endpoints;

/// <summary>
/// A fixed window per client address over every <c>/api/v1</c> request (<see cref="ApiOptions.RateLimit"/>); a refused
/// request gets 429 as problem details with the seconds to wait in Retry-After. Other rejections keep the host's answer.
/// </summary>
public static class ApiRateLimiting
{
    public const string Policy = "api-read";

    public static void AddPolicy(RateLimiterOptions options)
    {
        options.AddPolicy(Policy, context =>
        {
            var limit = context.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit;
            if (limit.PermitLimit <= 0) return RateLimitPartition.GetNoLimiter("off");
            var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            return RateLimitPartition.GetFixedWindowLimiter(client, _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = limit.PermitLimit,
                Window = TimeSpan.FromSeconds(Math.Max(1, limit.WindowSeconds)),
                QueueLimit = 0,
            });
        });
        var host = options.OnRejected;
        options.OnRejected = async (context, cancellationToken) =>
        {
            if (context.HttpContext.GetEndpoint()?.Metadata.GetMetadata<ApiEndpointMetadata>() is null)
            {
                if (host is not null) await host(context, cancellationToken);
                return;
            }
            var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? (int)Math.Ceiling(retry.TotalSeconds)
                : context.HttpContext.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.RateLimit.WindowSeconds;
            context.HttpContext.Response.Headers.RetryAfter = Math.Max(1, seconds).ToString(CultureInfo.InvariantCulture);
            await ApiProblems.TooManyRequests(seconds).ExecuteAsync(context.HttpContext);
        };
    }
}
