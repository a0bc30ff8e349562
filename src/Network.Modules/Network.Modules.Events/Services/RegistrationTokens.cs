using System.Security.Cryptography;
using System.Text;

namespace Network.Modules.Events.Services;

/// <summary>
/// The secret of a registration's personal link: 32 random bytes in base64url (43 characters). Only its SHA-256 (hex)
/// is stored, so the database alone never gives a working link.
/// </summary>
public static class RegistrationTokens
{
    public const int Length = 43;

    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(token)));

    /// <summary>Whether <paramref name="token"/> has the shape of a token (checked before any lookup).</summary>
    public static bool IsWellFormed(string? token)
        => token is { Length: Length } && token.All(c => c is (>= 'A' and <= 'Z') or (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_');

    /// <summary>The personal page, relative to the tenant.</summary>
    public static string PathOf(string token) => "/evenements/inscription/" + token;

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
