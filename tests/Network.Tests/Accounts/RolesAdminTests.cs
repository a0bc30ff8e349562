using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

/// <summary>Roles are granted per tenant and every check is made against the tenant of the request.</summary>
public sealed class RolesAdminTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "/hauts-de-france";
    private const string Na = "/nouvelle-aquitaine";

    private async Task<(NetworkUser Account, HttpClient Client)> AccountWithRoleAsync(string tenant, string role)
    {
        var email = NewEmail(role.ToLowerInvariant());
        var account = await factory.CreateAccountAsync(email);
        await factory.GrantAsync(account.Id, tenant, role);
        return (account, await factory.SignedInClientAsync(email));
    }

    private Task<HttpClient> AdministratorAsync() => factory.SignedInClientAsync(NetworkWebFactory.AdminEmail, NetworkWebFactory.AdminPassword);

    private static Task<HttpResponseMessage> GrantAsync(HttpClient client, string prefix, string email, string role)
        => client.SubmitFormAsync($"{prefix}/admin/roles", "#grant-form", new Dictionary<string, string> { ["Grant.Email"] = email, ["Grant.Role"] = role });

    [Fact]
    public async Task A_coordinator_manages_roles_in_their_region_only()
    {
        var (_, coordinator) = await AccountWithRoleAsync("hauts-de-france", NetworkRoles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{Hdf}/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync($"{Na}/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/roles")).StatusCode);
        // Network accounts are for network administrators only.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/admin/comptes")).StatusCode);

        // A post into another region is refused as well, and writes nothing.
        var target = NewEmail("target");
        var targetAccount = await factory.CreateAccountAsync(target);
        var form = await coordinator.GetDocumentAsync($"{Hdf}/admin/roles");
        var token = form.QuerySelector("#grant-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var cross = await coordinator.PostAsync($"{Na}/admin/roles?handler=Grant", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Grant.Email"] = target,
            ["Grant.Role"] = NetworkRoles.Coordinator,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, cross.StatusCode);
        Assert.False(await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AnyAsync(a => a.UserId == targetAccount.Id)));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_the_sign_in_page_of_the_same_region()
    {
        var response = await factory.CreateBrowserClient().GetAsync($"{Hdf}/admin/roles");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/compte/connexion?ReturnUrl=%2Fhauts-de-france%2Fadmin%2Froles", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_member_has_no_admin_and_the_network_administrator_has_every_admin()
    {
        var (_, member) = await AccountWithRoleAsync("hauts-de-france", NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Hdf}/admin/roles")).StatusCode);

        var admin = await AdministratorAsync();
        foreach (var path in new[] { "/admin/roles", $"{Hdf}/admin/roles", $"{Na}/admin/roles", "/admin/comptes" })
            Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(path)).StatusCode);
        // The network accounts list lives on the hub only.
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"{Hdf}/admin/comptes")).StatusCode);
    }

    [Fact]
    public async Task Granting_records_the_tenant_and_the_grantor_and_refuses_unknown_accounts_duplicates_and_administrator()
    {
        var (coordinatorAccount, coordinator) = await AccountWithRoleAsync("hauts-de-france", NetworkRoles.Coordinator);
        var email = NewEmail("grantee");
        var grantee = await factory.CreateAccountAsync(email);

        var granted = await GrantAsync(coordinator, Hdf, email, NetworkRoles.Reviewer);
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var assignment = await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AsNoTracking().SingleAsync(a => a.UserId == grantee.Id));
        Assert.Equal("hauts-de-france", assignment.TenantName);
        Assert.Equal(NetworkRoles.Reviewer, assignment.Role);
        Assert.Equal(coordinatorAccount.Id, assignment.GrantedByUserId);
        var list = await coordinator.GetDocumentAsync($"{Hdf}/admin/roles");
        Assert.Contains(email, list.QuerySelector("#assignments")!.TextContent);
        Assert.Contains("Rôle « Jury » attribué", list.QuerySelector("#roles-status")!.TextContent);

        var duplicate = await GrantAsync(coordinator, Hdf, email.ToUpperInvariant(), NetworkRoles.Reviewer);
        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Contains("a déjà le rôle « Jury » sur ce site", HtmlForms.Parse(await duplicate.BodyAsync()).QuerySelector("#grant-email-messages")!.TextContent);

        var unknown = await GrantAsync(coordinator, Hdf, NewEmail("nobody"), NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("Aucun compte n'utilise cette adresse", HtmlForms.Parse(await unknown.BodyAsync()).QuerySelector("#grant-email-messages")!.TextContent);

        foreach (var role in new[] { NetworkRoles.Administrator, "Superviseur", "" })
        {
            var refused = await GrantAsync(coordinator, Hdf, email, role);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.NotEmpty(HtmlForms.Parse(await refused.BodyAsync()).QuerySelector("#grant-role-messages")!.TextContent.Trim());
        }
        Assert.Equal(1, await factory.WithAccountsAsync(db => db.TenantRoleAssignments.CountAsync(a => a.UserId == grantee.Id)));
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<NetworkUser>>();
        Assert.False(await users.IsInRoleAsync((await users.FindByIdAsync(grantee.Id))!, NetworkRoles.Administrator));
    }

    [Fact]
    public async Task A_granted_role_opens_the_admin_of_that_region_at_once()
    {
        var (_, coordinator) = await AccountWithRoleAsync("nouvelle-aquitaine", NetworkRoles.Coordinator);
        var email = NewEmail("new-coordinator");
        await factory.CreateAccountAsync(email);
        var newcomer = await factory.SignedInClientAsync(email);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"{Na}/admin/roles")).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, (await GrantAsync(coordinator, Na, email, NetworkRoles.Coordinator)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync($"{Na}/admin/roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync($"{Hdf}/admin/roles")).StatusCode);
    }

    [Fact]
    public async Task Revoking_works_on_this_region_only_and_a_forged_id_of_another_region_is_not_found()
    {
        var (_, coordinator) = await AccountWithRoleAsync("hauts-de-france", NetworkRoles.Coordinator);
        var other = await factory.CreateAccountAsync(NewEmail("other-region"));
        var elsewhere = await factory.GrantAsync(other.Id, "nouvelle-aquitaine", NetworkRoles.Contributor);
        var here = await factory.GrantAsync(other.Id, "hauts-de-france", NetworkRoles.Contributor);

        var form = await coordinator.GetDocumentAsync($"{Hdf}/admin/roles");
        var token = form.QuerySelector(".revoke-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        Task<HttpResponseMessage> RevokeAsync(string id) => coordinator.PostAsync($"{Hdf}/admin/roles?handler=Revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = id }));

        Assert.Equal(HttpStatusCode.NotFound, (await RevokeAsync(elsewhere.Id.ToString())).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await RevokeAsync("999999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await RevokeAsync("abc")).StatusCode);
        Assert.True(await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AnyAsync(a => a.Id == elsewhere.Id)));

        Assert.Equal(HttpStatusCode.Redirect, (await RevokeAsync(here.Id.ToString())).StatusCode);
        Assert.False(await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AnyAsync(a => a.Id == here.Id)));
        Assert.True(await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AnyAsync(a => a.Id == elsewhere.Id)));
    }

    [Fact]
    public async Task A_coordinator_cannot_revoke_their_own_coordination()
    {
        var (account, coordinator) = await AccountWithRoleAsync("hauts-de-france", NetworkRoles.Coordinator);
        var own = await factory.WithAccountsAsync(db => db.TenantRoleAssignments.SingleAsync(a => a.UserId == account.Id));
        var form = await coordinator.GetDocumentAsync($"{Hdf}/admin/roles");
        var token = form.QuerySelector("#grant-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await coordinator.PostAsync($"{Hdf}/admin/roles?handler=Revoke",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["id"] = own.Id.ToString() }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("votre propre rôle de coordination", HtmlForms.Parse(await response.BodyAsync()).QuerySelector("#roles-error")!.TextContent);
        Assert.True(await factory.WithAccountsAsync(db => db.TenantRoleAssignments.AnyAsync(a => a.Id == own.Id)));
    }

    [Fact]
    public async Task Role_permissions_are_edited_per_region_among_the_enabled_modules()
    {
        var (_, coordinator) = await AccountWithRoleAsync("nouvelle-aquitaine", NetworkRoles.Coordinator);
        var page = await coordinator.GetDocumentAsync($"{Na}/admin/roles");
        var boxes = page.QuerySelectorAll("#permissions-form input[type=checkbox]").ToList();
        Assert.Contains(boxes, b => b.GetAttribute("value") == "Contributor:AccessAdmin" && b.HasAttribute("checked"));
        Assert.Contains(boxes, b => b.GetAttribute("value") == "Coordinator:ManageRoles" && b.HasAttribute("disabled"));

        // Keep everything but Contributor:AccessAdmin; give Member the admin access.
        var grants = boxes.Where(b => b.HasAttribute("checked") && !b.HasAttribute("disabled") && b.GetAttribute("value") != "Contributor:AccessAdmin")
            .Select(b => b.GetAttribute("value")!).Append("Member:AccessAdmin").ToList();
        var token = page.QuerySelector("#permissions-form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        HttpContent Form(IEnumerable<string> values) => new FormUrlEncodedContent(values.Select(v => new KeyValuePair<string, string>("grants", v))
            .Append(new("__RequestVerificationToken", token)));

        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"{Na}/admin/roles?handler=Permissions", Form(grants))).StatusCode);
        var roles = await RolesOfAsync("nouvelle-aquitaine");
        Assert.DoesNotContain("AccessAdmin", roles["Contributor"]);
        Assert.Contains("AccessAdmin", roles["Member"]);
        Assert.Contains("ManageRoles", roles["Coordinator"]);
        Assert.Contains("AccessAdmin", (await RolesOfAsync("hauts-de-france"))["Contributor"]);

        // Unknown permissions or roles, and "Administrator", are refused and change nothing.
        foreach (var forged in new[] { "Member:ManageTenants", "Administrator:ManageRoles", "Member", "Member:AccessAdmin:x" })
            Assert.Equal(HttpStatusCode.BadRequest, (await coordinator.PostAsync($"{Na}/admin/roles?handler=Permissions", Form(grants.Append(forged)))).StatusCode);
        Assert.Equal(roles["Member"], (await RolesOfAsync("nouvelle-aquitaine"))["Member"]);

        // Unchecking everything still leaves the coordination able to manage roles.
        Assert.Equal(HttpStatusCode.Redirect, (await coordinator.PostAsync($"{Na}/admin/roles?handler=Permissions", Form([]))).StatusCode);
        Assert.Equal(new List<string> { "ManageRoles" }, (await RolesOfAsync("nouvelle-aquitaine"))["Coordinator"]);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync($"{Na}/admin/roles")).StatusCode);
    }

    private async Task<Dictionary<string, List<string>>> RolesOfAsync(string tenant)
    {
        await using var scope = factory.Service<Network.Core.Tenancy.TenantScopeFactory>().CreateScope(factory.Tenant(tenant));
        var db = scope.ServiceProvider.GetRequiredService<TenantRolesDbContext>();
        return await db.Roles.AsNoTracking().ToDictionaryAsync(r => r.Name, r => r.Permissions);
    }

    [Fact]
    public async Task The_network_administrator_lists_accounts_with_their_roles_and_locks_them()
    {
        var email = NewEmail("listed");
        var account = await factory.CreateAccountAsync(email, displayName: "Dominique Listée");
        await factory.GrantAsync(account.Id, "hauts-de-france", NetworkRoles.Contributor);
        var admin = await AdministratorAsync();

        var page = await admin.GetDocumentAsync($"/admin/comptes?q={Uri.EscapeDataString(email)}");
        var row = Assert.Single(page.QuerySelectorAll("#accounts tbody tr"));
        Assert.Contains("Hauts-de-France : Contribution", row.TextContent);
        Assert.Contains("Actif", row.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/comptes?p=abc&q=")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/comptes?p=99999")).StatusCode);

        var locked = await admin.SubmitFormAsync($"/admin/comptes?q={Uri.EscapeDataString(email)}", "#accounts form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var signIn = await factory.CreateBrowserClient().SignInAsync("", email, Password);
        Assert.Contains("L'administration du réseau a verrouillé ce compte", HtmlForms.Parse(await signIn.BodyAsync()).QuerySelector("#sign-in-problem")!.TextContent);

        var unlocked = await admin.SubmitFormAsync($"/admin/comptes?q={Uri.EscapeDataString(email)}", "#accounts form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, unlocked.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().SignInAsync("", email, Password)).StatusCode);
    }
}
