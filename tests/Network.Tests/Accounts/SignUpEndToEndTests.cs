using System.Net;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

/// <summary>A host whose mail goes through a real SMTP server (aiosmtpd) started for these tests.</summary>
public sealed class SmtpAccountsFixture : IDisposable
{
    public SmtpAccountsFixture()
    {
        Smtp = new SmtpServerFixture();
        Factory = new NetworkWebFactory();
        Smtp.ConfigureHost(Factory);
        _ = Factory.Services;
    }

    public SmtpServerFixture Smtp { get; }
    public NetworkWebFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>Sign-up, the confirmation e-mail as the SMTP server received it, confirmation, then sign-in.</summary>
public sealed class SignUpEndToEndTests(SmtpAccountsFixture fixture) : IClassFixture<SmtpAccountsFixture>
{
    [Fact]
    public async Task Sign_up_then_confirm_from_the_received_mail_then_sign_in()
    {
        var email = NewEmail("bout-en-bout");
        var client = fixture.Factory.CreateBrowserClient();

        var signUp = await client.SignUpAsync("/hauts-de-france", "Claude Lefèvre", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, signUp.StatusCode);
        var notice = await client.GetDocumentAsync(signUp.Headers.Location!.OriginalString);
        Assert.Contains("Un courriel est en route", notice.QuerySelector("main")!.TextContent);

        // Not yet: the account waits for its confirmation.
        var early = HtmlForms.Parse(await (await client.SignInAsync("/hauts-de-france", email, Password)).BodyAsync());
        Assert.Contains("n'est pas encore confirmée", early.QuerySelector("#sign-in-problem")!.TextContent);

        var received = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == email);
        Assert.Equal("Confirmez votre adresse électronique sur Culture et numérique en Hauts-de-France", received.Subject);
        Assert.Equal("Hauts-de-France via Réseau Culture et Numérique", received.FromName);
        Assert.Contains("Claude Lefèvre", received.To);
        Assert.Contains("Bonjour Claude Lefèvre,", received.TextBody);
        var link = LinkTo(received.TextBody!, "/compte/confirmation");
        Assert.Equal(link, LinkTo(received.HtmlBody!, "/compte/confirmation"));
        Assert.StartsWith("/hauts-de-france/compte/confirmation?compte=", link);

        var confirmed = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("Votre compte est activé", HtmlForms.Parse(await confirmed.BodyAsync()).QuerySelector("main")!.TextContent);

        var signIn = await client.SignInAsync("/hauts-de-france", email, Password, returnUrl: "/hauts-de-france/compte");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var profile = await client.GetDocumentAsync(signIn.Headers.Location!.OriginalString);
        Assert.Contains("Claude Lefèvre", profile.QuerySelector("#account-summary")!.TextContent);
        Assert.Single(fixture.Smtp.Messages, m => m.ToAddress == email);
    }

    [Fact]
    public async Task The_password_reset_mail_arrives_in_english_for_an_english_account()
    {
        var email = NewEmail("english-reset");
        var client = fixture.Factory.CreateBrowserClient();
        await client.GetAsync("/langue/en?retour=/");
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignUpAsync("", "Robin Smith", email, Password)).StatusCode);
        var confirmation = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == email);
        Assert.StartsWith("Confirm your email address on", confirmation.Subject);

        var reset = await client.SubmitFormAsync("/compte/mot-de-passe-oublie", "#forgot-password-form", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.ToAddress == email && m.Subject.StartsWith("New password", StringComparison.Ordinal));
        Assert.Contains("Choose a new password", mail.TextBody);
        Assert.StartsWith("/compte/reinitialiser-mot-de-passe?compte=", LinkTo(mail.TextBody!, "/compte/reinitialiser-mot-de-passe"));
    }
}
