using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Accounts.Data;
using Network.Modules.Accounts.Services;
using Network.Tests.Infrastructure;
using static Network.Tests.Accounts.AccountTestKit;

namespace Network.Tests.Accounts;

public sealed class PasswordAndProfileTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "/nouvelle-aquitaine";

    private Task<HttpResponseMessage> ForgotAsync(HttpClient client, string email)
        => client.SubmitFormAsync($"{Region}/compte/mot-de-passe-oublie", "#forgot-password-form", new Dictionary<string, string> { ["Input.Email"] = email });

    private static Task<HttpResponseMessage> ResetAsync(HttpClient client, string link, string password, string? confirmation = null)
        => client.SubmitFormAsync(link, "#reset-password-form", new Dictionary<string, string>
        {
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = confirmation ?? password,
        });

    [Fact]
    public async Task A_forgotten_password_is_replaced_through_the_link_which_then_stops_working()
    {
        var email = NewEmail("forgot");
        await factory.CreateAccountAsync(email);
        var client = factory.CreateBrowserClient();

        var known = await ForgotAsync(client, email);
        var unknown = await ForgotAsync(client, NewEmail("nobody"));
        Assert.Equal(HttpStatusCode.Redirect, known.StatusCode);
        Assert.Equal(known.Headers.Location, unknown.Headers.Location);

        var mail = Assert.Single(await factory.OutboxForAsync(email));
        Assert.Contains("Culture et numérique en Nouvelle-Aquitaine", mail.Subject);
        var link = LinkTo(mail.TextBody, "/compte/reinitialiser-mot-de-passe");
        Assert.StartsWith($"{Region}/compte/reinitialiser-mot-de-passe?compte=", link);

        var mismatch = await ResetAsync(client, link, "Nouveau-mot-de-passe-42", "Autre-chose-42");
        Assert.Contains("ne sont pas identiques", await mismatch.BodyAsync());
        var weak = await ResetAsync(client, link, "court");
        Assert.Contains("au moins 12 caractères", await weak.BodyAsync());

        var done = await ResetAsync(client, link, "Nouveau-mot-de-passe-42");
        Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Contains("Votre nouveau mot de passe est enregistré", await done.BodyAsync());

        Assert.Equal(HttpStatusCode.OK, (await client.SignInAsync(Region, email, Password)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(Region, email, "Nouveau-mot-de-passe-42")).StatusCode);

        // Used once: the same link is refused, on display and on submit.
        var again = await client.GetAsync(link);
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains("Ce lien ne permet plus de changer le mot de passe", await again.BodyAsync());
    }

    [Fact]
    public async Task A_forged_reset_link_is_refused_on_display_and_on_submit_and_changes_nothing()
    {
        var email = NewEmail("forged-reset");
        var account = await factory.CreateAccountAsync(email);
        var client = factory.CreateBrowserClient();
        var forged = $"{Region}/compte/reinitialiser-mot-de-passe?compte={account.Id}&code={AccountLinks.EncodeToken("faux-jeton")}";

        var shown = await client.GetAsync(forged);
        Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
        Assert.Contains("Il a expiré, a déjà servi", HtmlForms.Parse(await shown.BodyAsync()).QuerySelector("#reset-link-invalid")!.TextContent);

        // Post a well-formed form at the forged link anyway (the token of a real form page is reused).
        var form = await client.GetDocumentAsync($"{Region}/compte/mot-de-passe-oublie");
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posted = await client.PostAsync(forged, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Password"] = "Nouveau-mot-de-passe-42",
            ["Input.ConfirmPassword"] = "Nouveau-mot-de-passe-42",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Equal(account.PasswordHash, (await factory.FindAccountAsync(email))!.PasswordHash);
    }

    [Fact]
    public async Task The_profile_shows_roles_per_site_and_changes_name_and_password()
    {
        var email = NewEmail("profile");
        var account = await factory.CreateAccountAsync(email, displayName: "Alex Dupont");
        await factory.GrantAsync(account.Id, "hauts-de-france", "Reviewer");
        await factory.GrantAsync(account.Id, "nouvelle-aquitaine", "Coordinator");
        var client = await factory.SignedInClientAsync(email, prefix: Region);

        var page = await client.GetDocumentAsync($"{Region}/compte");
        Assert.Contains(email, page.QuerySelector("#account-summary")!.TextContent);
        var roles = page.QuerySelector("#account-roles")!.TextContent;
        Assert.Contains("Hauts-de-France", roles);
        Assert.Contains("Jury", roles);
        Assert.Contains("Nouvelle-Aquitaine", roles);
        Assert.Contains("Coordination", roles);

        var blank = await client.SubmitFormAsync($"{Region}/compte", "#display-name-form", new Dictionary<string, string> { ["NameInput.DisplayName"] = "  " });
        Assert.Contains("Indiquez votre nom.", HtmlForms.Parse(await blank.BodyAsync()).QuerySelector("#nameinput-displayname-messages")!.TextContent);
        var renamed = await client.SubmitFormAsync($"{Region}/compte", "#display-name-form", new Dictionary<string, string> { ["NameInput.DisplayName"] = "Alex Dupont-Moreau" });
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Equal("Alex Dupont-Moreau", (await factory.FindAccountAsync(email))!.DisplayName);

        var wrongCurrent = await client.SubmitFormAsync($"{Region}/compte", "#password-form", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = "Pas-le-bon-mot-de-passe-1",
            ["PasswordInput.NewPassword"] = "Encore-un-autre-mot-de-passe-3",
            ["PasswordInput.ConfirmPassword"] = "Encore-un-autre-mot-de-passe-3",
        });
        Assert.Contains("Le mot de passe actuel est incorrect.", HtmlForms.Parse(await wrongCurrent.BodyAsync()).QuerySelector("#passwordinput-currentpassword-messages")!.TextContent);

        var changed = await client.SubmitFormAsync($"{Region}/compte", "#password-form", new Dictionary<string, string>
        {
            ["PasswordInput.CurrentPassword"] = Password,
            ["PasswordInput.NewPassword"] = "Encore-un-autre-mot-de-passe-3",
            ["PasswordInput.ConfirmPassword"] = "Encore-un-autre-mot-de-passe-3",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        // This device stays signed in; the new password works elsewhere.
        var after = await client.GetDocumentAsync($"{Region}/compte");
        Assert.Contains("Votre mot de passe est modifié.", after.QuerySelector("#account-status")!.TextContent);
        await factory.SignedInClientAsync(email, "Encore-un-autre-mot-de-passe-3", Region);
    }

    [Fact]
    public async Task The_profile_needs_a_signed_in_account()
    {
        var response = await factory.CreateBrowserClient().GetAsync($"{Region}/compte");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{Region}/compte/connexion?ReturnUrl=%2Fnouvelle-aquitaine%2Fcompte", response.Headers.Location!.PathAndQuery);
    }
}

/// <summary>Links that outlived their lifespan (set to one second for this host).</summary>
public sealed class ExpiredLinkTests : IClassFixture<ExpiredLinkTests.ShortLivedLinksFactory>
{
    private readonly ShortLivedLinksFactory _factory;

    public ExpiredLinkTests(ShortLivedLinksFactory factory) => _factory = factory;

    public sealed class ShortLivedLinksFactory : NetworkWebFactory
    {
        public ShortLivedLinksFactory() => Settings["Accounts:TokenLifespan"] = "00:00:01";
    }

    [Fact]
    public async Task Expired_confirmation_and_reset_links_are_refused_with_a_clear_message()
    {
        var email = NewEmail("expired");
        var account = await _factory.CreateAccountAsync(email, confirmed: false);
        string confirmation, reset;
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<NetworkUser>>();
            var user = (await users.FindByIdAsync(account.Id))!;
            confirmation = AccountLinks.EncodeToken(await users.GenerateEmailConfirmationTokenAsync(user));
            reset = AccountLinks.EncodeToken(await users.GeneratePasswordResetTokenAsync(user));
        }
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var client = _factory.CreateBrowserClient();

        var confirm = await client.GetAsync($"/hauts-de-france/compte/confirmation?compte={account.Id}&code={confirmation}");
        Assert.Equal(HttpStatusCode.BadRequest, confirm.StatusCode);
        Assert.Contains("Il a peut-être expiré", HtmlForms.Parse(await confirm.BodyAsync()).QuerySelector("main")!.TextContent);

        var resetPage = await client.GetAsync($"/hauts-de-france/compte/reinitialiser-mot-de-passe?compte={account.Id}&code={reset}");
        Assert.Equal(HttpStatusCode.BadRequest, resetPage.StatusCode);
        Assert.Contains("Il a expiré", HtmlForms.Parse(await resetPage.BodyAsync()).QuerySelector("#reset-link-invalid")!.TextContent);

        var after = await _factory.FindAccountAsync(email);
        Assert.False(after!.EmailConfirmed);
        Assert.Equal(account.PasswordHash, after.PasswordHash);
    }
}
