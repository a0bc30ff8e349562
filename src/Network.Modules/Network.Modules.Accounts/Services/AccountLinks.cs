using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace Network.Modules.Accounts.Services;

/// <summary>The query of the links sent by e-mail: an account id and an Identity token made URL-safe.</summary>
public static class AccountLinks
{
    public const string UserIdParameter = "compte";
    public const string TokenParameter = "code";

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
