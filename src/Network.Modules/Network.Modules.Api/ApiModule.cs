using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Modules.Api.Endpoints;

namespace Network.Modules.Api;

/// <summary>
/// The public read-only JSON API <c>/api/v1</c>: the resources (<see cref="Network.Core.Api.IApiResource"/>) of the
/// tenant's enabled modules with one way to page, filter, cache (ETag) and fail (problem details), CORS open for
/// reading, a limit per client, the OpenAPI document and the page for developers (<c>/api</c>).
/// </summary>
public sealed class ApiModule : NetworkModule
{
    public const string ModuleId = "Api";

    public override string Id => ModuleId;
    public override string Name => "API publique";
    public override string Description => "L'API JSON en lecture seule (/api/v1) des projets, pratiques, appels, événements et subventions, avec sa documentation OpenAPI.";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ApiOptions>(configuration.GetSection(ApiOptions.Section));
        services.AddSingleton<ApiAnswerCache>();
        services.Configure<CorsOptions>(options => options.AddPolicy(ApiEndpoints.CorsPolicy, policy => policy
            .AllowAnyOrigin().WithMethods("GET", "HEAD").WithHeaders("If-None-Match", "Accept", "Accept-Language")
            .WithExposedHeaders("ETag", "Link", "Retry-After").SetPreflightMaxAge(TimeSpan.FromDays(1))));
        services.Configure<RateLimiterOptions>(ApiRateLimiting.AddPolicy);
        ApiOpenApi.Add(services);
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => ApiEndpoints.Map(endpoints);
}
