using System.Net;
using Network.Modules.Content.Data;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Practices;
using static Network.Tests.Discussions.DiscussionsTestKit;

namespace Network.Tests.Discussions;

/// <summary>Everything a comment form can be sent wrongly: empty, oversized, stuffed with links, too often, twice, with forged ids.</summary>
public sealed class CommentBadInputTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private async Task<HttpResponseMessage> PostAsync(HttpClient client, ContentItem tokenItem, IDictionary<string, string> fields, string tenant = Hdf)
        => await client.PostWithTokenAsync(PagePath(tenant, tokenItem), $"/{tenant}/commentaires/publier", fields);

    private static Dictionary<string, string> Fields(int itemId, string body, int? parentId = null, string? key = null)
    {
        var fields = new Dictionary<string, string> { ["ItemId"] = itemId.ToString(), ["Body"] = body, ["SubmissionKey"] = key ?? Guid.NewGuid().ToString("N") };
        if (parentId is { } parent) fields["ParentId"] = parent.ToString();
        return fields;
    }

    [Theory]
    [InlineData("", "Écrivez votre commentaire avant de l'envoyer.")]
    [InlineData("   \n\t ", "Écrivez votre commentaire avant de l'envoyer.")]
    [InlineData("LONG", "Votre commentaire dépasse 5 000 caractères : raccourcissez-le.")]
    [InlineData("Voir https://a.example https://b.example [c](https://c.example) et <https://d.example>", "trop de liens (au plus 3)")]
    public async Task Empty_oversized_and_link_stuffed_comments_are_refused_with_the_text_kept(string body, string message)
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        if (body == "LONG") body = new string('a', 5_001);
        var (item, _) = await factory.PracticeByAsync();
        var (_, client) = await factory.MemberAsync();
        var response = await client.CommentAsync(Hdf, item, body);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(message, page.QuerySelector("#commentaire-erreurs")!.TextContent);
        Assert.Contains(message, page.QuerySelector("#champ-body-erreur")!.TextContent);
        if (body.Trim().Length > 0) Assert.Equal(body.Replace("\r\n", "\n"), page.QuerySelector("#champ-body")!.TextContent);
        Assert.Empty(await factory.CommentsAsync(Hdf, item.Id));

        // Three links are fine; exactly 5,000 characters too.
        CommentIdFrom(await client.CommentAsync(Hdf, item, "https://a.example https://b.example https://c.example"));
        CommentIdFrom(await client.CommentAsync(Hdf, item, new string('b', 5_000)));
    }

    [Fact]
    public async Task A_member_posting_too_often_is_slowed_down()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var (item, _) = await factory.PracticeByAsync();
        var (_, client) = await factory.MemberAsync();
        for (var i = 0; i < 5; i++) CommentIdFrom(await client.CommentAsync(Hdf, item, $"Commentaire numéro {i}."));
        var sixth = await client.CommentAsync(Hdf, item, "Un de trop.");
        Assert.Equal(HttpStatusCode.TooManyRequests, sixth.StatusCode);
        Assert.Contains("patientez quelques minutes", await sixth.TextAsync());
        Assert.Equal(5, (await factory.CommentsAsync(Hdf, item.Id)).Count);
        // Someone else is not affected.
        var (_, other) = await factory.MemberAsync();
        CommentIdFrom(await other.CommentAsync(Hdf, item, "Moi je peux."));
    }

    [Fact]
    public async Task The_same_form_posted_twice_creates_one_comment_even_at_the_same_time()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var (item, author) = await factory.PracticeByAsync();
        var (_, client) = await factory.MemberAsync();
        var key = Guid.NewGuid().ToString("N");
        var first = await PostAsync(client, item, Fields(item.Id, "Double clic.", key: key));
        var second = await PostAsync(client, item, Fields(item.Id, "Double clic.", key: key));
        Assert.Equal(CommentIdFrom(first), CommentIdFrom(second));

        var concurrentKey = Guid.NewGuid().ToString("N");
        var token = (await client.GetDocumentAsync(PagePath(Hdf, item))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var posts = Enumerable.Range(0, 4).Select(_ =>
        {
            var values = Fields(item.Id, "En même temps.", key: concurrentKey).Append(new("__RequestVerificationToken", token));
            return client.PostAsync($"/{Hdf}/commentaires/publier", new FormUrlEncodedContent(values));
        }).ToList();
        var ids = (await Task.WhenAll(posts)).Select(CommentIdFrom).Distinct().ToList();
        Assert.Single(ids);
        var all = await factory.CommentsAsync(Hdf, item.Id);
        Assert.True(all.Count == 2, string.Join(" | ", all.Select(c => $"{c.Id} {c.AuthorId} {c.SubmissionKey} {c.Body}")));
        Assert.Equal(2, (await factory.CommentMailsAsync(author.Email)).Count);
    }

    [Fact]
    public async Task Forged_ids_are_refused_and_change_nothing()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        await factory.SettingsAsync("nouvelle-aquitaine", preModeration: false);
        var (item, _) = await factory.PracticeByAsync();
        var (_, client) = await factory.MemberAsync();
        var (draft, _) = await factory.PracticeByAsync(publish: false);
        var other = await factory.ShowcaseAsync(Hdf, "Brouillon de projet " + Guid.NewGuid().ToString("N")[..6], ContentStatus.Draft);

        // A draft, a showcase draft, an id no item of this region has.
        foreach (var id in new[] { draft.Id, other.Id, item.Id + 100_000, -1 })
        {
            var response = await PostAsync(client, item, Fields(id, "Sur un contenu introuvable."));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("Ce contenu n'existe pas ou n'accepte pas de commentaires.", await response.TextAsync());
        }
        // A reply whose parent is a comment of another item, or of another tenant.
        var (elsewhere, _) = await factory.PracticeByAsync();
        var foreignParent = CommentIdFrom(await client.CommentAsync(Hdf, elsewhere, "Sur une autre pratique."));
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, item, Fields(item.Id, "Réponse égarée.", parentId: foreignParent))).StatusCode);
        var (naItem, _) = await factory.PracticeByAsync("nouvelle-aquitaine");
        var (_, naClient) = await factory.MemberAsync("nouvelle-aquitaine");
        var naComment = CommentIdFrom(await naClient.CommentAsync("nouvelle-aquitaine", naItem, "En Nouvelle-Aquitaine."));
        if (naComment != foreignParent)
            Assert.Equal(HttpStatusCode.NotFound, (await PostAsync(client, item, Fields(item.Id, "Réponse d'ailleurs.", parentId: naComment))).StatusCode);
        // Wrong types and oversized keys.
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, item, new Dictionary<string, string> { ["ItemId"] = "abc", ["Body"] = "Texte" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await PostAsync(client, item, Fields(item.Id, "Texte", key: new string('k', 65)))).StatusCode);
        Assert.Empty(await factory.CommentsAsync(Hdf, item.Id));
        Assert.Empty(await factory.CommentsAsync(Hdf, draft.Id));

        // Editing or reporting a comment of another tenant through this one: it does not exist here.
        var editElsewhere = await naClient.GetAsync($"/{Hdf}/commentaires/{naComment + 100_000}/modifier");
        Assert.Equal(HttpStatusCode.NotFound, editElsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/commentaires/{naComment + 100_000}/signaler")).StatusCode);

        // Visitors who are not signed in are sent to sign in; nothing is written.
        var visitor = factory.CreateBrowserClient();
        var anonymous = await visitor.PostAsync($"/{Hdf}/commentaires/publier", new FormUrlEncodedContent(Fields(item.Id, "Anonyme")));
        Assert.NotEqual(HttpStatusCode.SeeOther, anonymous.StatusCode);
        Assert.Empty(await factory.CommentsAsync(Hdf, item.Id));
    }
}
