using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;
using System.Text;

namespace Network.Modules.Accounts.Services;

/// <summary>Absolute links to the account pages of the tenant the person is using, for e-mails.</summary>
public static class AccountLinks
{
    public const string UserIdParameter = "compte";
    public const string TokenParameter = "code";

    /// <summary>An absolute URL under the current tenant (scheme, host and the tenant's path base of the request).</summary>
    public static string Absolute(HttpRequest request, string path, IDictionary<string, string?>? query = null)
    {
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
        return query is null ? url : QueryHelpers.AddQueryString(url, query);
    }

    /// <summary>A link carrying an account id and an Identity token (made URL-safe).</summary>
    public static string WithToken(HttpRequest request, string path, string userId, string token)
        => Absolute(request, path, new Dictionary<string, string?> { [UserIdParameter] = userId, [TokenParameter] = EncodeToken(token) });

    public static string EncodeToken(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The Identity token from a link, or null when it is not even well-formed.</summary>
    public static string? DecodeToken(string? code)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
