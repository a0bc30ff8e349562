using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Accounts.Data;
using Network.Modules.Mail.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Accounts;

/// <summary>Accounts, roles and outbox reads for the account tests, through the host's own services.</summary>
public static partial class AccountTestKit
{
    public const string Password = "Un-mot-de-passe-solide-7";

    public static string NewEmail(string hint = "personne") => $"{hint}-{Guid.NewGuid():N}@exemple.test";

    public static async Task<NetworkUser> CreateAccountAsync(this NetworkWebFactory factory, string email, string password = Password, bool confirmed = true, string displayName = "Camille Martin")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>();
        var user = new NetworkUser { UserName = email, Email = email, EmailConfirmed = confirmed, DisplayName = displayName, CreatedUtc = DateTime.UtcNow };
        var result = await users.CreateAsync(user, password);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return user;
    }

    public static async Task<TenantRoleAssignment> GrantAsync(this NetworkWebFactory factory, string userId, string tenantName, string role)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AccountsDbContext>();
        var assignment = new TenantRoleAssignment { UserId = userId, TenantName = tenantName, Role = role, GrantedUtc = DateTime.UtcNow };
        db.TenantRoleAssignments.Add(assignment);
        await db.SaveChangesAsync();
        return assignment;
    }

    public static async Task<T> WithAccountsAsync<T>(this NetworkWebFactory factory, Func<AccountsDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<AccountsDbContext>());
    }

    public static Task<NetworkUser?> FindAccountAsync(this NetworkWebFactory factory, string email)
        => factory.WithAccountsAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == email.ToUpperInvariant()));

    /// <summary>The messages queued for <paramref name="to"/> in the outbox, oldest first.</summary>
    public static async Task<List<OutboxMessage>> OutboxForAsync(this NetworkWebFactory factory, string to)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MailDbContext>();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.To == to).OrderBy(m => m.Id).ToListAsync();
    }

    /// <summary>The first link of a message body that goes to <paramref name="path"/>, as a path and query relative to the test host.</summary>
    public static string LinkTo(string body, string path) => ReceivedMail.LinkTo(body, path);

    public static Task<HttpResponseMessage> SignUpAsync(this HttpClient client, string prefix, string displayName, string email, string password, string? confirmation = null)
        => client.SubmitFormAsync($"{prefix}/compte/inscription", "#sign-up-form", new Dictionary<string, string>
        {
            ["Input.DisplayName"] = displayName,
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        });

    public static Task<HttpResponseMessage> SignInAsync(this HttpClient client, string prefix, string email, string password, string? returnUrl = null, bool rememberMe = false)
    {
        var fields = new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password };
        if (rememberMe) fields["Input.RememberMe"] = "true";
        if (returnUrl is not null) fields["ReturnUrl"] = returnUrl;
        return client.SubmitFormAsync($"{prefix}/compte/connexion", "#sign-in-form", fields);
    }

    /// <summary>A browser client already signed in (asserts the redirect that marks success).</summary>
    public static async Task<HttpClient> SignedInClientAsync(this NetworkWebFactory factory, string email, string password = Password, string prefix = "")
    {
        var client = factory.CreateBrowserClient();
        var response = await client.SignInAsync(prefix, email, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"Sign-in of {email} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return client;
    }

    public static async Task<string> BodyAsync(this HttpResponseMessage response) => await response.Content.ReadAsStringAsync();
}
