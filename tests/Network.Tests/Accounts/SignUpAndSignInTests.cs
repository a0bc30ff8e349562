using System.Net;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

public sealed class SignUpAndSignInTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "/hauts-de-france";

    [Fact]
    public async Task The_sign_up_form_shows_the_password_rules_and_the_privacy_notice_before_typing()
    {
        var document = await factory.CreateBrowserClient().GetDocumentAsync($"{Region}/compte/inscription");
        var messages = document.QuerySelector("#input-password-messages")!.TextContent;
        Assert.Contains("Au moins 12 caractères", messages);
        Assert.Contains("Au moins un chiffre", messages);
        var privacy = document.QuerySelector("#sign-up-privacy")!.TextContent;
        Assert.Contains("Direction régionale des affaires culturelles Hauts-de-France", privacy);
        Assert.Contains("numerique.hdf@reseau.localhost", privacy);
        Assert.Equal("new-password", document.QuerySelector("#input-password")!.GetAttribute("autocomplete"));
        Assert.Equal("input-email-messages", document.QuerySelector("#input-email")!.GetAttribute("aria-describedby"));
    }

    [Theory]
    [InlineData("", "x@exemple.test", Password, Password, "input-displayname", "Indiquez votre nom.")]
    [InlineData("   ", "x@exemple.test", Password, Password, "input-displayname", "Indiquez votre nom.")]
    [InlineData("Camille", "pas-une-adresse", Password, Password, "input-email", "L'adresse électronique n'est pas valide")]
    [InlineData("Camille", "", Password, Password, "input-email", "Indiquez votre adresse électronique.")]
    [InlineData("Camille", "x@exemple.test", "court1", "court1", "input-password", "au moins 12 caractères")]
    [InlineData("Camille", "x@exemple.test", "seulementdeslettres", "seulementdeslettres", "input-password", "au moins un chiffre")]
    [InlineData("Camille", "x@exemple.test", Password, "Autre-mot-de-passe-8", "input-confirmpassword", "ne sont pas identiques")]
    public async Task Bad_sign_up_input_gets_a_message_on_its_field_and_creates_nothing(string name, string email, string password, string confirmation, string fieldId, string message)
    {
        var unique = email.Replace("x@", $"x-{Guid.NewGuid():N}@", StringComparison.Ordinal);
        var response = await factory.CreateBrowserClient().SignUpAsync(Region, name, unique, password, confirmation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.BodyAsync());
        Assert.Contains(message, document.QuerySelector($"#{fieldId}-messages .fr-message--error")?.TextContent ?? "(no error)");
        Assert.Equal("true", document.QuerySelector($"#{fieldId}")!.GetAttribute("aria-invalid"));
        if (unique.Contains('@')) Assert.Null(await factory.FindAccountAsync(unique));
    }

    [Fact]
    public async Task Sign_up_creates_an_unconfirmed_account_in_the_chosen_language_and_queues_its_confirmation()
    {
        var email = NewEmail("english");
        var client = factory.CreateBrowserClient();
        await client.GetAsync($"/langue/en?retour={Region}/");
        var response = await client.SignUpAsync(Region, "Sam <b>Taylor</b>", email, Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Region}/compte/courriel-envoye?motif=inscription", response.Headers.Location!.OriginalString);

        var account = await factory.FindAccountAsync(email);
        Assert.NotNull(account);
        Assert.False(account.EmailConfirmed);
        Assert.Equal("en", account.PreferredCulture);
        var mail = Assert.Single(await factory.OutboxForAsync(email));
        Assert.Equal("hauts-de-france", mail.TenantName);
        Assert.Contains("Culture et numérique en Hauts-de-France", mail.Subject);
        Assert.StartsWith("Confirm your email address on", mail.Subject);
        Assert.Contains("Confirm my email address", mail.TextBody);
        Assert.Contains("Sam &lt;b&gt;Taylor&lt;/b&gt;", mail.HtmlBody);
        Assert.DoesNotContain("<b>Taylor", mail.HtmlBody);
        Assert.StartsWith($"{Region}/compte/confirmation?compte={account.Id}&code=", LinkTo(mail.TextBody, "/compte/confirmation"));
    }

    [Fact]
    public async Task Signing_up_again_with_a_known_address_says_the_same_and_only_tells_the_owner()
    {
        var email = NewEmail("existing");
        var existing = await factory.CreateAccountAsync(email);
        var client = factory.CreateBrowserClient();

        var fresh = await client.SignUpAsync(Region, "Quelqu'un", NewEmail("fresh"), Password);
        var duplicate = await client.SignUpAsync(Region, "Quelqu'un", email.ToUpperInvariant(), "Autre-mot-de-passe-9");
        Assert.Equal(fresh.StatusCode, duplicate.StatusCode);
        Assert.Equal(fresh.Headers.Location, duplicate.Headers.Location);

        var accounts = await factory.WithAccountsAsync(db => Task.FromResult(db.Users.Count(u => u.NormalizedEmail == email.ToUpperInvariant())));
        Assert.Equal(1, accounts);
        var after = await factory.FindAccountAsync(email);
        Assert.Equal(existing.PasswordHash, after!.PasswordHash);
        var mail = Assert.Single(await factory.OutboxForAsync(email));
        Assert.Contains("déjà un compte", mail.Subject);
        Assert.Contains("/compte/mot-de-passe-oublie", mail.TextBody);
    }

    [Fact]
    public async Task A_forged_or_garbled_confirmation_link_is_refused_and_changes_nothing()
    {
        var email = NewEmail("forged");
        var account = await factory.CreateAccountAsync(email, confirmed: false);
        var client = factory.CreateBrowserClient();
        foreach (var query in new[]
        {
            $"compte={account.Id}&code=Zm9yZ2Vk",
            $"compte={account.Id}&code=%%%",
            $"compte={account.Id}",
            "compte=inconnu&code=Zm9yZ2Vk",
            "",
        })
        {
            var response = await client.GetAsync($"{Region}/compte/confirmation?{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Ce lien ne permet pas de confirmer l'adresse", HtmlForms.Parse(await response.BodyAsync()).QuerySelector("main")!.TextContent);
        }
        Assert.False((await factory.FindAccountAsync(email))!.EmailConfirmed);
    }

    [Fact]
    public async Task An_unconfirmed_account_is_told_so_only_with_the_right_password_and_can_ask_for_a_new_link()
    {
        var email = NewEmail("unconfirmed");
        await factory.CreateAccountAsync(email, confirmed: false);
        var client = factory.CreateBrowserClient();

        var wrong = HtmlForms.Parse(await (await client.SignInAsync(Region, email, "Pas-le-bon-mot-de-passe-1")).BodyAsync());
        Assert.Contains("Adresse électronique ou mot de passe incorrect", wrong.QuerySelector("#sign-in-problem")!.TextContent);

        var right = HtmlForms.Parse(await (await client.SignInAsync(Region, email, Password)).BodyAsync());
        Assert.Contains("n'est pas encore confirmée", right.QuerySelector("#sign-in-problem")!.TextContent);
        Assert.Contains("/compte/renvoyer-confirmation", right.QuerySelector("#sign-in-problem a")!.GetAttribute("href"));

        var resend = await client.SubmitFormAsync($"{Region}/compte/renvoyer-confirmation", "#resend-confirmation-form", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        var unknown = await client.SubmitFormAsync($"{Region}/compte/renvoyer-confirmation", "#resend-confirmation-form", new Dictionary<string, string> { ["Input.Email"] = NewEmail("nobody") });
        Assert.Equal(resend.Headers.Location, unknown.Headers.Location);
        var link = LinkTo(Assert.Single(await factory.OutboxForAsync(email)).TextBody, "/compte/confirmation");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(link)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Region, email, Password)).StatusCode);
    }

    [Fact]
    public async Task Wrong_credentials_never_say_which_field_was_wrong()
    {
        var email = NewEmail("known");
        await factory.CreateAccountAsync(email);
        var client = factory.CreateBrowserClient();
        var unknownAddress = HtmlForms.Parse(await (await client.SignInAsync(Region, NewEmail("unknown"), Password)).BodyAsync());
        var wrongPassword = HtmlForms.Parse(await (await client.SignInAsync(Region, email, "Pas-le-bon-mot-de-passe-1")).BodyAsync());
        Assert.Equal(unknownAddress.QuerySelector("#sign-in-problem")!.TextContent, wrongPassword.QuerySelector("#sign-in-problem")!.TextContent);
        Assert.Contains("Adresse électronique ou mot de passe incorrect", wrongPassword.QuerySelector("#sign-in-problem")!.TextContent);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var email = NewEmail("lockout");
        await factory.CreateAccountAsync(email);
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(Region, email, $"Mauvais-mot-de-passe-{i}")).StatusCode);

        var sixth = await client.SignInAsync(Region, email, Password);
        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        var problem = HtmlForms.Parse(await sixth.BodyAsync()).QuerySelector("#sign-in-problem")!.TextContent;
        Assert.Contains("Compte verrouillé temporairement", problem);
        // Today's hour, or the date as well when the lockout ends after midnight.
        Assert.Matches(@"verrouillé jusqu'à (\d{1,2} \S+ )?\d\d:\d\d \(heure de Paris\)", problem);
        Assert.False(sixth.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".Network.Account=", StringComparison.Ordinal)));
        var account = await factory.FindAccountAsync(email);
        Assert.True(account!.LockoutEnd > DateTimeOffset.UtcNow.AddMinutes(14));
    }

    [Fact]
    public async Task Sign_in_returns_to_a_local_return_url_only()
    {
        var email = NewEmail("return");
        await factory.CreateAccountAsync(email);

        var local = await factory.CreateBrowserClient().SignInAsync(Region, email, Password, returnUrl: $"{Region}/compte");
        Assert.Equal($"{Region}/compte", local.Headers.Location!.OriginalString);

        foreach (var outside in new[] { "https://ailleurs.example/", "//ailleurs.example/", "/\\ailleurs.example" })
        {
            var response = await factory.CreateBrowserClient().SignInAsync(Region, email, Password, returnUrl: outside);
            Assert.Equal($"{Region}/", response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Remember_me_makes_the_cookie_persistent()
    {
        var email = NewEmail("remember");
        await factory.CreateAccountAsync(email);
        var session = await factory.CreateBrowserClient().SignInAsync(Region, email, Password);
        var persistent = await factory.CreateBrowserClient().SignInAsync(Region, email, Password, rememberMe: true);
        string AuthCookie(HttpResponseMessage r) => r.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".Network.Account=", StringComparison.Ordinal));
        Assert.DoesNotContain("expires=", AuthCookie(session), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("expires=", AuthCookie(persistent), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/;", AuthCookie(persistent) + ";", StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_a_form_error_not_a_sign_in()
    {
        var email = NewEmail("types");
        await factory.CreateAccountAsync(email);
        var response = await factory.CreateBrowserClient().SubmitFormAsync($"{Region}/compte/connexion", "#sign-in-form", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.RememberMe"] = "peut-être",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Le formulaire contient des erreurs", await response.BodyAsync());
    }

    [Fact]
    public async Task Posts_without_the_antiforgery_token_are_refused_and_change_nothing()
    {
        var email = NewEmail("csrf");
        var client = factory.CreateBrowserClient();
        await client.GetAsync($"{Region}/compte/inscription");
        var signUp = await client.PostAsync($"{Region}/compte/inscription", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.DisplayName"] = "Sans jeton",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        }));
        Assert.Equal(HttpStatusCode.BadRequest, signUp.StatusCode);
        Assert.Null(await factory.FindAccountAsync(email));

        // Signed in, a cross-site sign-out (no token) does not sign out.
        var member = NewEmail("csrf-member");
        await factory.CreateAccountAsync(member);
        var signedIn = await factory.SignedInClientAsync(member, prefix: Region);
        var signOut = await signedIn.PostAsync($"{Region}/compte/deconnexion", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync($"{Region}/compte")).StatusCode);
    }

    [Fact]
    public async Task Sign_out_is_a_post_that_ends_the_session_on_every_tenant()
    {
        var email = NewEmail("signout");
        await factory.CreateAccountAsync(email);
        var client = await factory.SignedInClientAsync(email, prefix: Region);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/nouvelle-aquitaine/compte")).StatusCode);

        var response = await client.SubmitFormAsync($"{Region}/compte/deconnexion", "#sign-out-page-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Region}/", response.Headers.Location!.OriginalString);
        var after = await client.GetAsync($"{Region}/compte");
        Assert.Equal(HttpStatusCode.Redirect, after.StatusCode);
        Assert.Contains("/compte/connexion", after.Headers.Location!.ToString());
    }
}
