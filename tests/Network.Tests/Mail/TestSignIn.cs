using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Accounts.Data;
using Network.Tests.Infrastructure;

namespace Network.Tests.Mail;

/// <summary>
/// A browser client already signed in, without going through the sign-in page (another area's work):
/// the authentication cookie is issued by the host's own SignInManager, so it is the real cookie.
/// </summary>
internal static class TestSignIn
{
    public static async Task<HttpClient> ClientAsync(NetworkWebFactory factory, string email, bool administrator)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var users = services.GetRequiredService<UserManager<NetworkUser>>();
        var user = await users.FindByEmailAsync(email);
        if (user is null)
        {
            user = new NetworkUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email, CreatedUtc = DateTime.UtcNow };
            Check(await users.CreateAsync(user, "Mot-de-passe-test-42"));
        }
        if (administrator)
        {
            var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
            if (!await roles.RoleExistsAsync(NetworkRoles.Administrator)) Check(await roles.CreateAsync(new IdentityRole(NetworkRoles.Administrator)));
            if (!await users.IsInRoleAsync(user, NetworkRoles.Administrator)) Check(await users.AddToRoleAsync(user, NetworkRoles.Administrator));
        }

        var signIn = services.GetRequiredService<SignInManager<NetworkUser>>();
        var http = new DefaultHttpContext { RequestServices = services };
        http.Request.Scheme = "http";
        http.Request.Host = new HostString("localhost");
        signIn.Context = http;
        await signIn.SignInAsync(user, isPersistent: false);

        var cookies = new CookieContainer();
        var baseAddress = new Uri("http://localhost");
        foreach (var header in http.Response.Headers.SetCookie) cookies.SetCookies(baseAddress, header!);
        var client = factory.CreateDefaultClient(baseAddress, new CookieContainerHandler(cookies));
        return client;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }
}
