using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Network.Modules.Follows.Services;

/// <summary>What an unsubscribe link stops: the weekly digest, or one follow's immediate mails.</summary>
public sealed record UnsubscribeRequest(string UserId, int? FollowId);

/// <summary>
/// The signed token of an unsubscribe link, which works without signing in (RFC 8058 one-click too): ASP.NET Data
/// Protection with its own purpose (keys persisted with the site's, so links keep working across restarts and key
/// rotations; they never expire, as a mail may be opened months later). A tampered or forged token does not unprotect.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider provider)
{
    private const int MaxTokenLength = 1000;
    private readonly IDataProtector _protector = provider.CreateProtector("Network.Modules.Follows.Unsubscribe.v1");

    public string ForDigest(string userId) => _protector.Protect("digest\n" + userId);

    public string ForFollow(string userId, int followId) => _protector.Protect($"follow\n{userId}\n{followId}");

    /// <returns>Null for anything that is not a token this site issued.</returns>
    public UnsubscribeRequest? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxTokenLength) return null;
        string payload;
        try
        {
            payload = _protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = payload.Split('\n');
        return parts switch
        {
            ["digest", var user] when user.Length > 0 => new UnsubscribeRequest(user, null),
            ["follow", var user, var id] when user.Length > 0 && int.TryParse(id, out var followId) => new UnsubscribeRequest(user, followId),
            _ => null,
        };
    }

    /// <summary>The hub page of the link, relative to the hub.</summary>
    public static string PathOf(string token) => "/desabonnement/" + token;
}
