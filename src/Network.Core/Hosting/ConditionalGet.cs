using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Network.Core.Hosting;

/// <summary>
/// Conditional GET (RFC 9110 13.1) for answers the site computes, not files: the feeds, the calendars, the API and the
/// open data files each announce a validator and answer 304 when the client already holds what it names.
/// </summary>
public static class ConditionalGet
{
    /// <summary>
    /// The entity tag of an answer that follows from <paramref name="validator"/> (what it was computed from): 32 hex
    /// digits of its SHA-256, quoted; <paramref name="weak"/> when equal tags may differ in bytes that do not matter.
    /// </summary>
    public static string ETagOf(string validator, bool weak = false)
        => (weak ? "W/\"" : "\"") + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(validator)))[..32] + "\"";

    /// <summary>
    /// True when the request's <c>If-None-Match</c> names <paramref name="etag"/> (weak comparison: <c>W/"x"</c> matches
    /// <c>"x"</c>) or is <c>*</c>; without <c>If-None-Match</c>, when <c>If-Modified-Since</c> is at or after
    /// <paramref name="lastModifiedUtc"/> (HTTP dates have whole seconds).
    /// </summary>
    public static bool NotModified(HttpRequest request, string etag, DateTime? lastModifiedUtc = null)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            var tag = EntityTagHeaderValue.TryParse(etag, out var parsed) ? parsed.Tag.Value : etag;
            return tags.Any(t => t.Equals(EntityTagHeaderValue.Any) || t.Tag.Value == tag);
        }
        return lastModifiedUtc is { } modified && headers.IfModifiedSince is { } since
               && DateTime.SpecifyKind(modified, DateTimeKind.Utc) < since.UtcDateTime.AddSeconds(1);
    }
}
