using System.Net;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

/// <summary>Sign-in, sign-up and password-reset submissions are limited per client address.</summary>
public sealed class RateLimitTests(RateLimitTests.LowLimitsFactory factory) : IClassFixture<RateLimitTests.LowLimitsFactory>
{
    public sealed class LowLimitsFactory : NetworkWebFactory
    {
        public LowLimitsFactory()
        {
            Settings["Accounts:RateLimits:SignIn:PermitLimit"] = "3";
            Settings["Accounts:RateLimits:SignIn:WindowSeconds"] = "600";
            Settings["Accounts:RateLimits:SignUp:PermitLimit"] = "2";
            Settings["Accounts:RateLimits:SignUp:WindowSeconds"] = "600";
        }
    }

    [Fact]
    public async Task Too_many_sign_in_attempts_get_429_with_retry_after_while_the_form_still_shows()
    {
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync("/hauts-de-france", NewEmail("limited"), Password)).StatusCode);

        var limited = await client.SignInAsync("/hauts-de-france", NewEmail("limited"), Password);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter is not null);
        // The theme renders its page for the status (/erreur/429), not an empty response.
        Assert.Equal("text/html", limited.Content.Headers.ContentType?.MediaType);
        // Reading the form is not limited, only submitting it.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/compte/connexion")).StatusCode);
    }

    [Fact]
    public async Task Too_many_sign_ups_get_429_and_the_refused_one_creates_nothing()
    {
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await client.SignUpAsync("", "Quelqu'un", NewEmail("signup"), Password)).StatusCode);
        var email = NewEmail("refused");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.SignUpAsync("", "Quelqu'un", email, Password)).StatusCode);
        Assert.Null(await factory.FindAccountAsync(email));
    }
}
