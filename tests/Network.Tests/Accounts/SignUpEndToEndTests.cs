using System.Net;
using System.Text;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

/// <summary>Sign-up, the confirmation e-mail as delivered, confirmation, then sign-in.</summary>
public sealed class SignUpEndToEndTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Sign_up_then_confirm_from_the_delivered_mail_then_sign_in()
    {
        var email = NewEmail("bout-en-bout");
        var client = factory.CreateBrowserClient();

        var signUp = await client.SignUpAsync("/hauts-de-france", "Claude Lefèvre", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        var notice = await client.GetDocumentAsync(signUp.Headers.Location!.OriginalString);
        Assert.Contains("Un courriel est en route", notice.QuerySelector("main")!.TextContent);

        // Not yet: the account waits for its confirmation.
        var early = HtmlForms.Parse(await (await client.SignInAsync("/hauts-de-france", email, Password)).BodyAsync());
        Assert.Contains("n'est pas encore confirmée", early.QuerySelector("#sign-in-problem")!.TextContent);

        var raw = await DeliveredMailAsync(email);
        Assert.Contains("Confirmez votre adresse", raw);
        var link = LinkTo(raw, "/compte/confirmation");
        Assert.StartsWith("/hauts-de-france/compte/confirmation?", link);

        var confirmed = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Votre compte est activé", HtmlForms.Parse(await confirmed.BodyAsync()).QuerySelector("main")!.TextContent);

        var signIn = await client.SignInAsync("/hauts-de-france", email, Password, returnUrl: "/hauts-de-france/compte");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var profile = await client.GetDocumentAsync(signIn.Headers.Location!.OriginalString);
        Assert.Contains("Claude Lefèvre", profile.QuerySelector("#account-summary")!.TextContent);
    }

    /// <summary>The message for <paramref name="to"/> as the transport delivered it (pickup folder, .eml).</summary>
    private async Task<string> DeliveredMailAsync(string to)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (Directory.Exists(factory.MailPickupFolder))
            {
                foreach (var file in Directory.EnumerateFiles(factory.MailPickupFolder, "*.eml"))
                {
                    var raw = Encoding.UTF8.GetString(await File.ReadAllBytesAsync(file));
                    if (raw.Contains(to, StringComparison.Ordinal)) return raw;
                }
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No mail delivered to {to} in {factory.MailPickupFolder}");
    }
}
