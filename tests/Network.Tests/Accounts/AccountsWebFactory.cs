using Network.Tests.Infrastructure;

namespace Network.Tests.Accounts;

/// <summary>
/// The host with rate limits raised out of the way: the tests of a class share one client address, and only
/// <see cref="RateLimitTests"/> is about the limits.
/// </summary>
public class AccountsWebFactory : NetworkWebFactory
{
    public AccountsWebFactory()
    {
        foreach (var policy in new[] { "SignIn", "SignUp", "PasswordReset" })
            Settings[$"Accounts:RateLimits:{policy}:PermitLimit"] = "10000";
    }
}
