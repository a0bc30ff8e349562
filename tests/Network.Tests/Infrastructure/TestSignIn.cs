using Network.Tests.Accounts;

namespace Network.Tests.Infrastructure;

/// <summary>A browser client signed in through the real sign-in page.</summary>
internal static class TestSignIn
{
    /// <param name="administrator">Sign in as the network administrator created on first run; otherwise as a new member account.</param>
    public static async Task<HttpClient> ClientAsync(NetworkWebFactory factory, string email, bool administrator)
    {
        if (administrator) return await factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, NetworkWebFactory.AdminPassword);
        if (await factory.FindAccountAsync(email) is null) await factory.CreateAccountAsync(email);
        return await factory.SignedInClientAsync(email);
    }
}
