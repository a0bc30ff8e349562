using Network.Modules.Accounts.Data;
using Network.Modules.Content.Workflow;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;

namespace Network.Tests.Content;

/// <summary>A real account with a role in a tenant, its workflow identity and (on demand) a signed-in browser.</summary>
public sealed record Person(NetworkUser User, string Tenant, string Role)
{
    public string Email => User.Email!;

    /// <summary>The actor the store sees for this person in <see cref="Tenant"/> (with the recipe's permissions).</summary>
    public ContentActor Actor(bool selfPublishing = false)
        => new(User.Id, User.DisplayName, CanContribute: true, CanModerate: Role == "Coordinator", selfPublishing);

    public Task<HttpClient> ClientAsync(NetworkWebFactory factory) => factory.SignedInClientAsync(Email);
}

public static class ContentPeople
{
    public static async Task<Person> PersonAsync(this NetworkWebFactory factory, string tenant, string role, string name, string? culture = null)
    {
        var user = await factory.CreateAccountAsync(AccountTestKit.NewEmail(role.ToLowerInvariant()), displayName: name);
        if (culture is not null)
        {
            await factory.WithAccountsAsync(async db =>
            {
                var stored = await db.Users.FindAsync(user.Id);
                stored!.PreferredCulture = culture;
                return await db.SaveChangesAsync();
            });
            user.PreferredCulture = culture;
        }
        await factory.GrantAsync(user.Id, tenant, role);
        return new Person(user, tenant, role);
    }
}
