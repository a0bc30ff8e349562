using System.Net;
using Microsoft.EntityFrameworkCore;
using Network.Core.Security;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

/// <summary>The same form submitted several times at once leaves one result and no error page.</summary>
public sealed class ConcurrencyTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Simultaneous_sign_ups_with_one_address_create_one_account()
    {
        var email = NewEmail("twice");
        var clients = Enumerable.Range(0, 4).Select(_ => factory.CreateBrowserClient()).ToList();
        var responses = await Task.WhenAll(clients.Select(c => c.SignUpAsync("/hauts-de-france", "Deux fois", email, Password)));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(1, await factory.WithAccountsAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == email.ToUpperInvariant())));
    }

    [Fact]
    public async Task Simultaneous_identical_grants_keep_one_assignment()
    {
        var coordinatorEmail = NewEmail("coordinator");
        var coordinator = await factory.CreateAccountAsync(coordinatorEmail);
        await factory.GrantAsync(coordinator.Id, "hauts-de-france", NetworkRoles.Coordinator);
        var grantee = await factory.CreateAccountAsync(NewEmail("grantee"));
        var client = await factory.SignedInClientAsync(coordinatorEmail);
        var page = await client.GetDocumentAsync("/hauts-de-france/admin/roles");
        var token = page.QuerySelector("#grant-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync("/hauts-de-france/admin/roles?handler=Grant",
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = token,
                ["Grant.Email"] = grantee.Email!,
                ["Grant.Role"] = NetworkRoles.Member,
            }))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await factory.WithAccountsAsync(db => db.TenantRoleAssignments.CountAsync(a => a.UserId == grantee.Id)));
    }
}
