using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Api;
using Network.Core.Hosting;
using Network.Core.Tenancy;

namespace Network.Modules.Api.Endpoints;

/// <summary>One page of a list: the counts, absolute links to the neighbouring pages (also in the Link header) and the items.</summary>
/// <param name="Prev">Null on the first page.</param>
/// <param name="Next">Null on the last page.</param>
public sealed record ApiPage<TItem>(int Total, int Page, int PageSize, int PageCount, string Self, string First, string Last, string? Prev, string? Next, IReadOnlyList<TItem> Items);

/// <summary>Marks the API's endpoints (rate-limit answers, OpenAPI parameters): the resource, null for the document itself.</summary>
public sealed record ApiEndpointMetadata(IApiResource? Resource, bool IsList);

/// <summary>
/// <c>/api/v1/{resource}</c> and <c>/api/v1/{resource}/{id}</c> for every registered <see cref="IApiResource"/>: the one
/// place that checks parameters, pages, caches answers with their ETag, answers conditional requests with 304 and
/// writes errors as problem details. Resources of a module the tenant has not enabled answer 404.
/// </summary>
public static class ApiEndpoints
{
    public const string Prefix = "/api/v1";
    public const string CorsPolicy = "api-read";
    public const string OpenApiPath = Prefix + "/openapi.json";

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup(Prefix).RequireCors(CorsPolicy).RequireRateLimiting(ApiRateLimiting.Policy);
        foreach (var resource in endpoints.ServiceProvider.GetServices<IApiResource>())
        {
            // Typed as a Delegate so the typed results are written (a bare HttpContext lambda would bind as a RequestDelegate).
            Delegate list = (HttpContext http) => ListAsync(http, resource);
            group.MapMethods("/" + resource.Name, [HttpMethods.Get, HttpMethods.Head], list)
                .WithName(resource.Name + "-list").WithTags(resource.Name).WithSummary($"List {resource.Name}").WithDescription(resource.Description)
                .WithMetadata(new ApiEndpointMetadata(resource, IsList: true))
                .Produces(StatusCodes.Status200OK, typeof(ApiPage<>).MakeGenericType(resource.ItemType), "application/json")
                .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status400BadRequest)
                .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
            group.MapMethods("/" + resource.Name + "/{id}", [HttpMethods.Get, HttpMethods.Head], (HttpContext http, string id) => ItemAsync(http, resource, id))
                .WithName(resource.Name + "-item").WithTags(resource.Name).WithSummary($"One of the {resource.Name}, by id")
                .WithMetadata(new ApiEndpointMetadata(resource, IsList: false))
                .Produces(StatusCodes.Status200OK, resource.ItemType, "application/json")
                .Produces(StatusCodes.Status304NotModified).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        }
        group.MapOpenApi("/openapi.json").WithMetadata(new ApiEndpointMetadata(null, IsList: false));
    }

    public static async Task<Results<ApiJsonResult, ProblemHttpResult>> ListAsync(HttpContext http, IApiResource resource)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Required;
        if (!tenant.IsEnabled(resource.ModuleId)) return NotPublished(resource);
        var (request, problem) = ApiQueryReader.Read(http.Request.Query, resource, tenant.IsHub);
        if (problem is not null) return problem;
        var view = await resource.OpenAsync(http, http.RequestAborted);
        var baseUrl = http.Request.Scheme + "://" + http.Request.Host.ToUriComponent() + http.Request.PathBase + Prefix + "/" + resource.Name;
        var key = baseUrl + ApiQueryReader.Canonical(resource, request!, request!.Page);
        var cache = http.RequestServices.GetRequiredService<ApiAnswerCache>();
        if (!cache.TryGet(tenant.Name, resource.Name, view.Version, key, out var answer))
        {
            var result = await view.ListAsync(request, http.RequestAborted);
            var pageCount = Math.Max(1, (result.Total + request.PageSize - 1) / request.PageSize);
            string Url(int page) => baseUrl + ApiQueryReader.Canonical(resource, request, page);
            var prev = request.Page > 1 ? Url(Math.Min(request.Page - 1, pageCount)) : null;
            var next = request.Page < pageCount ? Url(request.Page + 1) : null;
            var body = new ApiPage<object>(result.Total, request.Page, request.PageSize, pageCount, Url(request.Page), Url(1), Url(pageCount), prev, next, result.Items);
            var links = new List<string>();
            if (next is not null) links.Add($"<{next}>; rel=\"next\"");
            if (prev is not null) links.Add($"<{prev}>; rel=\"prev\"");
            links.Add($"<{Url(1)}>; rel=\"first\"");
            links.Add($"<{Url(pageCount)}>; rel=\"last\"");
            answer = ApiAnswer.Of(JsonSerializer.SerializeToUtf8Bytes(body, Json), string.Join(", ", links));
            cache.Add(tenant.Name, resource.Name, view.Version, key, answer);
        }
        return new ApiJsonResult(answer);
    }

    public static async Task<Results<ApiJsonResult, ProblemHttpResult>> ItemAsync(HttpContext http, IApiResource resource, string id)
    {
        var tenant = http.RequestServices.GetRequiredService<TenantContext>().Required;
        if (!tenant.IsEnabled(resource.ModuleId)) return NotPublished(resource);
        var view = await resource.OpenAsync(http, http.RequestAborted);
        var key = http.Request.Scheme + "://" + http.Request.Host.ToUriComponent() + http.Request.PathBase + "#" + id;
        var cache = http.RequestServices.GetRequiredService<ApiAnswerCache>();
        if (!cache.TryGet(tenant.Name, resource.Name, view.Version, key, out var answer))
        {
            var item = await view.FindAsync(id, http.RequestAborted);
            if (item is null) return ApiProblems.NotFound($"No published item of {resource.Name} has the id '{(id.Length > 60 ? id[..60] + "…" : id)}'.");
            answer = ApiAnswer.Of(JsonSerializer.SerializeToUtf8Bytes(item, item.GetType(), Json), null);
            cache.Add(tenant.Name, resource.Name, view.Version, key, answer);
        }
        return new ApiJsonResult(answer);
    }

    private static ProblemHttpResult NotPublished(IApiResource resource)
        => ApiProblems.NotFound($"This site does not publish {resource.Name}.");
}

/// <summary>
/// A cached answer: its ETag, Cache-Control and Link headers, then 304 when the client's If-None-Match already names it,
/// else the bytes (none for HEAD).
/// </summary>
public sealed class ApiJsonResult(ApiAnswer answer) : IResult
{
    public ApiAnswer Answer => answer;

    public Task ExecuteAsync(HttpContext http)
    {
        var response = http.Response;
        var maxAge = http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.MaxAgeSeconds;
        response.Headers.ETag = answer.ETag;
        response.Headers.CacheControl = $"public, max-age={Math.Max(0, maxAge)}";
        response.Headers.Vary = "Accept-Encoding";
        if (answer.Link is not null) response.Headers.Link = answer.Link;
        if (ConditionalGet.NotModified(http.Request, answer.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return Task.CompletedTask;
        }
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "application/json; charset=utf-8";
        response.ContentLength = answer.Body.Length;
        return HttpMethods.IsHead(http.Request.Method) ? Task.CompletedTask : response.Body.WriteAsync(answer.Body, http.RequestAborted).AsTask();
    }
}
