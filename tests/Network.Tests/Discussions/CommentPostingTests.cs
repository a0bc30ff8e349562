using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Discussions.Data;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Practices;
using static Network.Tests.Discussions.DiscussionsTestKit;

namespace Network.Tests.Discussions;

/// <summary>Comments through the item pages' forms: post-moderation, replies one level deep, notifications, useful marks, editing and deleting.</summary>
public sealed class CommentPostingTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Post_moderation_publishes_at_once_and_tells_the_authors_in_their_language_but_never_themselves()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var (item, author) = await factory.PracticeByAsync(culture: "en");
        var (first, firstClient) = await factory.MemberAsync(name: "Inès Premier");
        var (second, secondClient) = await factory.MemberAsync(name: "Paul Second");

        var posted = await firstClient.CommentAsync(Hdf, item, "Très utile, **merci** pour ce retour !");
        var commentId = CommentIdFrom(posted);
        Assert.Equal($"/{Hdf}/pratiques/{item.Slug}#commentaire-{commentId}", posted.Headers.Location!.OriginalString);

        // Everyone sees it, anonymous visitors included, rendered from Markdown.
        var anonymous = factory.CreateBrowserClient();
        var page = await anonymous.GetDocumentAsync(PagePath(Hdf, item));
        var article = page.QuerySelector($"#commentaire-{commentId}")!;
        Assert.Contains("Inès Premier", article.TextContent);
        Assert.Equal("merci", article.QuerySelector("strong:not([id])")!.TextContent);
        Assert.Contains("Commentaires (1)", page.QuerySelector("#commentaires-titre")!.TextContent);
        Assert.Contains("Connectez-vous pour commenter", page.Body!.TextContent);

        var toAuthor = Assert.Single(await factory.CommentMailsAsync(author.Email));
        Assert.Equal($"New comment on “{item.Title}”", toAuthor.Subject);
        Assert.Contains("Inès Premier commented", toAuthor.TextBody);
        Assert.Contains($"/{Hdf}/pratiques/{item.Slug}#commentaire-{commentId}", toAuthor.TextBody);
        Assert.Empty(await factory.CommentMailsAsync(first.Email));

        // A reply tells the comment's author and the item's author, once each.
        var reply = CommentIdFrom(await secondClient.CommentAsync(Hdf, item, "Je confirme, nous avons fait de même.", parentId: commentId));
        var toFirst = Assert.Single(await factory.CommentMailsAsync(first.Email));
        Assert.Equal($"Nouvelle réponse à votre commentaire sur « {item.Title} »", toFirst.Subject);
        Assert.Contains($"#commentaire-{reply}", toFirst.TextBody);
        Assert.Equal(2, (await factory.CommentMailsAsync(author.Email)).Count);

        // The author commenting on their own practice, or replying to themselves, mails nobody.
        var authorClient = await author.ClientAsync(factory);
        var own = CommentIdFrom(await authorClient.CommentAsync(Hdf, item, "Merci à vous deux."));
        Assert.Equal(2, (await factory.CommentMailsAsync(author.Email)).Count);
        CommentIdFrom(await authorClient.CommentAsync(Hdf, item, "Et une précision.", parentId: own));
        Assert.Equal(2, (await factory.CommentMailsAsync(author.Email)).Count);
        Assert.Empty(await factory.CommentMailsAsync(second.Email));
    }

    [Fact]
    public async Task Replies_go_one_level_deep_only()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var (item, _) = await factory.PracticeByAsync();
        var (_, client) = await factory.MemberAsync();
        var top = CommentIdFrom(await client.CommentAsync(Hdf, item, "Premier niveau."));
        var reply = CommentIdFrom(await client.CommentAsync(Hdf, item, "Deuxième niveau.", parentId: top));
        var page = await client.GetDocumentAsync(PagePath(Hdf, item));
        Assert.NotNull(page.QuerySelector($"#reponse-form-{top}"));
        Assert.Null(page.QuerySelector($"#reponse-form-{reply}"));
        // The reply sits inside the thread of its parent.
        Assert.NotNull(page.QuerySelector($"li:has(#commentaire-{top}) ol #commentaire-{reply}"));

        var forged = await client.PostWithTokenAsync(PagePath(Hdf, item), $"/{Hdf}/commentaires/publier", new Dictionary<string, string>
        {
            ["ItemId"] = item.Id.ToString(), ["ParentId"] = reply.ToString(), ["Body"] = "Troisième niveau ?", ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        });
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("On ne peut répondre qu'à un commentaire, pas à une réponse.", await forged.TextAsync());
        Assert.Equal(2, (await factory.CommentsAsync(Hdf, item.Id)).Count);
    }

    [Fact]
    public async Task Useful_marks_count_once_per_member_and_only_on_practices()
    {
        var (item, _) = await factory.PracticeByAsync();
        var (_, one) = await factory.MemberAsync();
        var (_, two) = await factory.MemberAsync();
        var path = PagePath(Hdf, item);
        Assert.Contains("Personne n'a encore marqué", await factory.CreateBrowserClient().PageTextAsync(path));

        var marked = await one.SubmitFormAsync(path, "#utile-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, marked.StatusCode);
        Assert.EndsWith("#utile", marked.Headers.Location!.OriginalString);
        // A second click (the same form posted again) leaves one mark.
        await one.PostWithTokenAsync(path, $"/{Hdf}/commentaires/utile", new Dictionary<string, string> { ["ItemId"] = item.Id.ToString(), ["Useful"] = "true" });
        Assert.Contains("1 personne a trouvé ce retour utile.", await one.PageTextAsync(path));
        Assert.Contains("Retirer ma mention", await one.PageTextAsync(path));
        await two.SubmitFormAsync(path, "#utile-form", new Dictionary<string, string>());
        Assert.Contains("2 personnes ont trouvé ce retour utile.", await two.PageTextAsync(path));
        await one.SubmitFormAsync(path, "#utile-form", new Dictionary<string, string>());
        Assert.Contains("1 personne a trouvé ce retour utile.", await one.PageTextAsync(path));

        // Showcases take comments but no useful marks; a visitor is sent to sign in.
        var showcase = await factory.ShowcaseAsync(Hdf, "Projet sans utile " + Guid.NewGuid().ToString("N")[..6]);
        var refused = await one.PostWithTokenAsync(path, $"/{Hdf}/commentaires/utile", new Dictionary<string, string> { ["ItemId"] = showcase.Id.ToString(), ["Useful"] = "true" });
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        var visitor = factory.CreateBrowserClient();
        var anonymous = await visitor.PostAsync($"/{Hdf}/commentaires/utile", new FormUrlEncodedContent([new("ItemId", item.Id.ToString())]));
        Assert.NotEqual(HttpStatusCode.SeeOther, anonymous.StatusCode);
        Assert.Equal(1, await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<DiscussionsDbContext>().UsefulMarks.CountAsync(m => m.ItemId == item.Id)));
    }

    [Fact]
    public async Task Authors_edit_and_delete_their_own_comments_and_nobody_else_can()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var (item, _) = await factory.PracticeByAsync();
        var (_, owner) = await factory.MemberAsync();
        var (_, other) = await factory.MemberAsync();
        var id = CommentIdFrom(await owner.CommentAsync(Hdf, item, "Texte d'origine."));

        var edited = await owner.SubmitFormAsync($"/{Hdf}/commentaires/{id}/modifier", "#commentaire-modification", new Dictionary<string, string> { ["Body"] = "Texte corrigé." });
        Assert.Equal(id, CommentIdFrom(edited));
        Assert.Equal("Texte corrigé.", (await factory.CommentAsync(Hdf, id))!.Body);
        Assert.Contains("(modifié)", await owner.PageTextAsync(PagePath(Hdf, item)));

        // Someone else: no edit page, no edit, no deletion.
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/{Hdf}/commentaires/{id}/modifier")).StatusCode);
        var version = (await factory.CommentAsync(Hdf, id))!.Version.ToString();
        var forgedEdit = await other.PostWithTokenAsync(PagePath(Hdf, item), $"/{Hdf}/commentaires/{id}/modifier", new Dictionary<string, string> { ["Body"] = "Piraté", ["Version"] = version });
        Assert.Equal(HttpStatusCode.Forbidden, forgedEdit.StatusCode);
        var forgedDelete = await other.PostWithTokenAsync(PagePath(Hdf, item), $"/{Hdf}/commentaires/{id}/modifier?handler=Delete", new Dictionary<string, string> { ["Version"] = version });
        Assert.Equal(HttpStatusCode.Forbidden, forgedDelete.StatusCode);
        Assert.Equal("Texte corrigé.", (await factory.CommentAsync(Hdf, id))!.Body);

        // A comment with a reply leaves a placeholder; one without disappears.
        CommentIdFrom(await other.CommentAsync(Hdf, item, "Une réponse.", parentId: id));
        var deleted = await owner.SubmitFormAsync($"/{Hdf}/commentaires/{id}/modifier", "#commentaire-suppression", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.SeeOther, deleted.StatusCode);
        var kept = (await factory.CommentAsync(Hdf, id))!;
        Assert.True(kept.Deleted);
        Assert.Equal("", kept.Body);
        Assert.Contains("Commentaire supprimé par son auteur.", await other.PageTextAsync(PagePath(Hdf, item)));
        var alone = CommentIdFrom(await owner.CommentAsync(Hdf, item, "À supprimer."));
        await owner.SubmitFormAsync($"/{Hdf}/commentaires/{alone}/modifier", "#commentaire-suppression", new Dictionary<string, string>());
        Assert.Null(await factory.CommentAsync(Hdf, alone));
    }

    [Fact]
    public async Task Showcases_take_comments_too_but_hub_copies_and_types_that_did_not_opt_in_do_not()
    {
        await factory.SettingsAsync(Hdf, preModeration: false);
        var showcase = await factory.ShowcaseAsync(Hdf, "Projet commenté " + Guid.NewGuid().ToString("N")[..6]);
        var (_, client) = await factory.MemberAsync();
        var posted = await client.PostWithTokenAsync("/" + Hdf + "/pratiques", $"/{Hdf}/commentaires/publier", new Dictionary<string, string>
        {
            ["ItemId"] = showcase.Id.ToString(), ["Body"] = "Un beau projet.", ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        });
        var id = CommentIdFrom(posted);
        Assert.Contains($"/{Hdf}/projets/{showcase.Slug}#commentaire-{id}", posted.Headers.Location!.OriginalString);

        // A region's practice copied to the hub: its copy takes no comment (the hub links to the region's page).
        var (practice, _) = await factory.PracticeByAsync();
        await factory.DrainAsync(Hdf);
        var copy = await factory.HubCopyAsync(Hdf, practice.Id);
        Assert.NotNull(copy);
        var hubMember = await factory.PersonAsync("network", "Member", "Membre national");
        var hubClient = await hubMember.ClientAsync(factory);
        var onCopy = await hubClient.PostWithTokenAsync("/pratiques", "/commentaires/publier", new Dictionary<string, string>
        {
            ["ItemId"] = copy!.Id.ToString(), ["Body"] = "Sur la copie.", ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        });
        Assert.Equal(HttpStatusCode.NotFound, onCopy.StatusCode);
        Assert.Empty(await factory.CommentsAsync("network", copy.Id));
    }
}
