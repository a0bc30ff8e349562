using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Privacy;
using Network.Modules.Follows.Data;
using Network.Modules.Follows.Services;
using Network.Tests.Accounts;
using Network.Tests.Calls;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Follows.FollowsTestKit;

namespace Network.Tests.Follows;

/// <summary>
/// Following and unfollowing through the pages' forms, the preferences page, the unsubscribe links and the personal data
/// export, with their bad input: unknown kinds and deliveries, topics of another tenant, duplicate submits, another
/// member's follow, forged or tampered tokens.
/// </summary>
public sealed class FollowFormsTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private async Task<(string UserId, string Email, HttpClient Client)> MemberAsync()
    {
        var email = AccountTestKit.NewEmail("abonne");
        var user = await factory.CreateAccountAsync(email);
        return (user.Id, email, await factory.SignedInClientAsync(email));
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string pageUrl, string formSelector, IDictionary<string, string> fields)
        => await client.SubmitFormAsync(pageUrl, formSelector, fields);

    [Fact]
    public async Task A_call_page_follows_and_unfollows_and_a_duplicate_submit_keeps_one_follow()
    {
        var call = await factory.CreateOpenCallAsync(Hdf, "Appel suivi " + Guid.NewGuid().ToString("N")[..6]);
        var (userId, _, client) = await MemberAsync();
        var page = $"/{Hdf}/appels/{call.Item.Slug}";
        var document = await client.GetDocumentAsync(page);
        var form = document.QuerySelector("form[action*='abonnements'][action*='handler=Follow']");
        Assert.NotNull(form);
        Assert.NotNull(document.QuerySelector("select[name=envoi]"));

        var response = await PostAsync(client, page, "form[action*='handler=Follow']", new Dictionary<string, string> { ["envoi"] = "hebdomadaire" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(page, response.Headers.Location!.OriginalString);
        // The same form posted again (a double click), this time asking for immediate mail: still one follow.
        var again = HtmlForms.FormValues(document, "form[action*='handler=Follow']", new Dictionary<string, string> { ["envoi"] = "immediat" });
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(form!.GetAttribute("action"), new FormUrlEncodedContent(again))).StatusCode);
        var follow = Assert.Single(await factory.FollowsOfAsync(userId));
        Assert.Equal((FollowKinds.Call, Hdf, call.Item.Slug, FollowDelivery.Immediate), (follow.Kind, follow.Tenant, follow.Key, follow.Delivery));

        // The page now offers to stop following.
        var followed = await client.GetDocumentAsync(page);
        Assert.Contains("un courriel à chaque publication", followed.QuerySelector(".reseau-follow")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "form[action*='handler=Unfollow']", new Dictionary<string, string>())).StatusCode);
        Assert.Empty(await factory.FollowsOfAsync(userId));
    }

    [Fact]
    public async Task Bad_follow_requests_are_refused_and_another_tenants_topic_cannot_be_followed()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var foreignCall = await factory.CreateOpenCallAsync(Na, "Appel aquitain " + Guid.NewGuid().ToString("N")[..6]);
        var (userId, _, client) = await MemberAsync();
        var page = $"/{Hdf}/abonnements?type=domain&cle=musees";
        async Task<HttpStatusCode> Post(Dictionary<string, string> fields)
            => (await PostAsync(client, page, "form[action*='handler=Follow']", fields)).StatusCode;

        Assert.Equal(HttpStatusCode.BadRequest, await Post(new() { ["type"] = "planete", ["envoi"] = "hebdomadaire" }));
        Assert.Equal(HttpStatusCode.BadRequest, await Post(new() { ["envoi"] = "chaque-heure" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post(new() { ["cle"] = "domaine-invente", ["envoi"] = "hebdomadaire" }));
        // A call of Nouvelle-Aquitaine named in a Hauts-de-France form: not a topic of this tenant.
        Assert.Equal(HttpStatusCode.NotFound, await Post(new() { ["type"] = "call", ["cle"] = foreignCall.Item.Slug, ["envoi"] = "hebdomadaire" }));
        Assert.Equal(HttpStatusCode.NotFound, await Post(new() { ["cle"] = new string('x', 5000), ["envoi"] = "hebdomadaire" }));
        // A forged "tenant" field is ignored: the topic is always the request's tenant's.
        Assert.Equal(HttpStatusCode.Redirect, await Post(new() { ["tenant"] = Na, ["envoi"] = "aucun" }));
        var follow = Assert.Single(await factory.FollowsOfAsync(userId));
        Assert.Equal((FollowKinds.Domain, Hdf, "musees", FollowDelivery.None), (follow.Kind, follow.Tenant, follow.Key, follow.Delivery));

        // Unknown kind on the follow page; visitors are sent to sign in.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"/{Hdf}/abonnements?type=planete")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/abonnements?type=region&cle=autre")).StatusCode);
        var visitor = factory.CreateBrowserClient();
        var anonymous = await visitor.GetAsync($"/{Hdf}/abonnements?type=region");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_facet_of_a_list_and_the_region_block_lead_to_following()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var (userId, _, client) = await MemberAsync();
        var list = await client.GetDocumentAsync($"/{Hdf}/projets?domaine=musees");
        Assert.NotNull(list.QuerySelector("form[action*='handler=Follow'] input[name=cle][value=musees]"));
        // No single domain filtered: no button.
        Assert.Null((await client.GetDocumentAsync($"/{Hdf}/projets")).QuerySelector("form[action*='handler=Follow']"));
        var practices = await client.GetDocumentAsync($"/{Hdf}/pratiques?domaine=musees");
        Assert.NotNull(practices.QuerySelector("form[action*='handler=Follow'] input[name=type][value=domain]"));

        var home = await factory.CreateBrowserClient().GetStringAsync($"/{Hdf}/");
        Assert.Contains($"/{Hdf}/abonnements?type=region", home);
        var response = await PostAsync(client, $"/{Hdf}/abonnements?type=region", "form[action*='handler=Follow']", new Dictionary<string, string> { ["envoi"] = "hebdomadaire" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains(await factory.FollowsOfAsync(userId), f => f is { Kind: FollowKinds.Region, Tenant: Hdf, Key: "" });
    }

    [Fact]
    public async Task The_preferences_page_changes_and_removes_only_the_members_own_follows()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        await factory.EnsureVocabulariesAsync(Na);
        var (userId, _, client) = await MemberAsync();
        var (otherId, _, _) = await MemberAsync();
        await factory.FollowAsync(userId, FollowKinds.Domain, Hdf, "musees", FollowDelivery.Weekly);
        await factory.FollowAsync(userId, FollowKinds.Technology, Na, "realite-virtuelle", FollowDelivery.Immediate);
        await factory.FollowAsync(otherId, FollowKinds.Region, Na, "", FollowDelivery.Weekly);
        var mine = await factory.FollowsOfAsync(userId);
        var theirs = Assert.Single(await factory.FollowsOfAsync(otherId));

        const string page = "/compte/notifications";
        var document = await client.GetDocumentAsync(page);
        Assert.Equal(2, document.QuerySelectorAll("#follows tbody tr").Length);
        Assert.Contains("Musées", document.QuerySelector($"#follow-{mine[0].Id}")!.TextContent);
        Assert.Contains("Nouvelle-Aquitaine", document.QuerySelector($"#follow-{mine[1].Id}")!.TextContent);

        var changed = await PostAsync(client, page, $"#follow-{mine[0].Id} form[action*='handler=Delivery']", new Dictionary<string, string> { ["envoi"] = "immediat" });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(FollowDelivery.Immediate, (await factory.FollowsOfAsync(userId))[0].Delivery);
        var bad = await PostAsync(client, page, $"#follow-{mine[0].Id} form[action*='handler=Delivery']", new Dictionary<string, string> { ["envoi"] = "<script>" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("fr-alert--error", await bad.BodyAsync());

        // Another member's follow id, in this member's form: 404, and their follow is untouched.
        var antiforgery = HtmlForms.FormValues(document, "#digest-form").First(v => v.Key == "__RequestVerificationToken");
        var forged = await client.PostAsync($"{page}?handler=Remove&id={theirs.Id}", new FormUrlEncodedContent([antiforgery]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var forgedDelivery = await client.PostAsync($"{page}?handler=Delivery&id={theirs.Id}", new FormUrlEncodedContent([antiforgery, new("envoi", "aucun")]));
        Assert.Equal(HttpStatusCode.NotFound, forgedDelivery.StatusCode);
        Assert.Equal(FollowDelivery.Weekly, Assert.Single(await factory.FollowsOfAsync(otherId)).Delivery);

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, $"#follow-{mine[1].Id} form[action*='handler=Remove']", new Dictionary<string, string>())).StatusCode);
        Assert.Single(await factory.FollowsOfAsync(userId));

        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, page, "#digest-form", new Dictionary<string, string> { ["sansResume"] = "true" })).StatusCode);
        Assert.True(await factory.WithFollowsAsync(db => db.Settings.AnyAsync(s => s.UserId == userId && s.NoDigest)));
        Assert.NotNull((await client.GetDocumentAsync(page)).QuerySelector("#sans-resume[checked]"));
    }

    [Fact]
    public async Task Unsubscribe_links_work_without_signing_in_and_refuse_forged_tokens()
    {
        var (userId, _, _) = await MemberAsync();
        await factory.FollowAsync(userId, FollowKinds.Region, Hdf, "", FollowDelivery.Immediate);
        var follow = Assert.Single(await factory.FollowsOfAsync(userId));
        var tokens = factory.Service<UnsubscribeTokens>();
        var digestToken = tokens.ForDigest(userId);
        var visitor = factory.CreateBrowserClient();

        // GET only shows the button (a link previewer must not unsubscribe anyone).
        var shown = await visitor.GetAsync(UnsubscribeTokens.PathOf(digestToken));
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Contains("unsubscribe-form", await shown.BodyAsync());
        Assert.False(await factory.WithFollowsAsync(db => db.Settings.AnyAsync(s => s.UserId == userId && s.NoDigest)));

        // RFC 8058 one-click: a POST without cookie nor antiforgery token.
        var oneClick = await visitor.PostAsync(UnsubscribeTokens.PathOf(digestToken), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.True(await factory.WithFollowsAsync(db => db.Settings.AnyAsync(s => s.UserId == userId && s.NoDigest)));
        // Twice is harmless.
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync(UnsubscribeTokens.PathOf(digestToken), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);

        var followToken = tokens.ForFollow(userId, follow.Id);
        Assert.Equal(HttpStatusCode.OK, (await visitor.PostAsync(UnsubscribeTokens.PathOf(followToken), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        Assert.Equal(FollowDelivery.None, Assert.Single(await factory.FollowsOfAsync(userId)).Delivery);

        // Tampered (one character changed), made up, oversized: 404, nothing changes.
        var tampered = digestToken[..10] + (digestToken[10] == 'A' ? 'B' : 'A') + digestToken[11..];
        foreach (var token in new[] { tampered, "abc", new string('A', 1200), Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("digest\n" + userId)) })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(UnsubscribeTokens.PathOf(Uri.EscapeDataString(token)))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.PostAsync(UnsubscribeTokens.PathOf(Uri.EscapeDataString(token)), new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode);
        }
        Assert.Null(tokens.Read(tampered));
    }

    [Fact]
    public async Task Personal_data_exports_and_erases_the_follows()
    {
        var (userId, _, _) = await MemberAsync();
        await factory.FollowAsync(userId, FollowKinds.Region, Na, "", FollowDelivery.Weekly);
        await using var scope = factory.Services.CreateAsyncScope();
        var source = scope.ServiceProvider.GetServices<IPersonalDataSource>().Single(s => s.Section == "abonnements");
        var exported = System.Text.Json.JsonSerializer.Serialize(await source.ExportAsync(userId));
        Assert.Contains(Na, exported);
        Assert.Contains("Weekly", exported);
        await source.EraseAsync(userId);
        Assert.Empty(await factory.FollowsOfAsync(userId));
        Assert.Null(await source.ExportAsync(userId));
    }
}
