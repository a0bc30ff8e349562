using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Network.Modules.Api.Endpoints;

/// <summary>The API's errors, as RFC 7807 problem details (<c>application/problem+json</c>), in English like the rest of the API.</summary>
public static class ApiProblems
{
    /// <summary>Where the page for developers explains the errors.</summary>
    public const string TypeBase = "/api#erreurs";

    public static ProblemHttpResult BadParameter(string parameter, string detail)
        => TypedResults.Problem(detail, title: "Invalid query parameter", statusCode: StatusCodes.Status400BadRequest, type: TypeBase,
            extensions: new Dictionary<string, object?> { ["parameter"] = parameter });

    public static ProblemHttpResult NotFound(string detail)
        => TypedResults.Problem(detail, title: "Not found", statusCode: StatusCodes.Status404NotFound, type: TypeBase);

    public static ProblemHttpResult TooManyRequests(int retryAfterSeconds)
        => TypedResults.Problem($"Too many requests from this address: try again in {retryAfterSeconds} s.", title: "Too many requests",
            statusCode: StatusCodes.Status429TooManyRequests, type: TypeBase,
            extensions: new Dictionary<string, object?> { ["retryAfter"] = retryAfterSeconds });
}
