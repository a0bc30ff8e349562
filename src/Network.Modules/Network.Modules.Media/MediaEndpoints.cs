using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;
using Network.Core.Tenancy;
using Network.Modules.Media.Services;

namespace Network.Modules.Media;

/// <summary>
/// Serves the generated files: <c>{PathBase}/media/{key}/{width}.{webp|jpg|png}</c> and <c>{PathBase}/media/{key}/{name}.pdf</c>.
/// Only files the library wrote, only from the current tenant's folder; nothing is computed per request (a query
/// string never resizes anything), and the content-hashed URLs are cached for a year.
/// </summary>
internal static class MediaEndpoints
{
    public const string CacheControl = "public, max-age=31536000, immutable";

    public static void Map(IEndpointRouteBuilder endpoints)
        => endpoints.MapMethods("/media/{key}/{file}", [HttpMethods.Get, HttpMethods.Head], Serve).ExcludeFromDescription();

    private static IResult Serve(string key, string file, HttpContext context, TenantContext tenantContext, MediaStorage storage)
    {
        var tenant = tenantContext.Required;
        if (storage.PathOf(tenant.Name, key, file) is not { } path) return Results.NotFound();
        var extension = Path.GetExtension(file);
        var isDocument = extension == ".pdf";
        // Images are named by their width only ("640.webp"): anything else under an image extension is not ours.
        if (!isDocument && !int.TryParse(Path.GetFileNameWithoutExtension(file), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            return Results.NotFound();
        var info = new FileInfo(path);
        if (!info.Exists) return Results.NotFound();

        var headers = context.Response.Headers;
        headers.CacheControl = CacheControl;
        headers.XContentTypeOptions = "nosniff";
        if (isDocument)
        {
            // The name is the library's own slug (letters, digits, hyphens): nothing to escape.
            headers.ContentDisposition = $"inline; filename=\"{file}\"";
        }
        var contentType = extension switch
        {
            ".webp" => "image/webp",
            ".jpg" => "image/jpeg",
            ".png" => "image/png",
            _ => "application/pdf",
        };
        return Results.File(path, contentType, lastModified: info.LastWriteTimeUtc,
            entityTag: new EntityTagHeaderValue($"\"{key}-{file}\""), enableRangeProcessing: isDocument);
    }
}
