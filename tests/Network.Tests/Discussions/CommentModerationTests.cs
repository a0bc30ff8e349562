using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Discussions.Data;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Discussions.DiscussionsTestKit;

namespace Network.Tests.Discussions;

/// <summary>Pre-moderation, reports and their threshold, the moderators' queue and its log, the settings page.</summary>
public sealed class CommentModerationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Na = "nouvelle-aquitaine";

    [Fact]
    public async Task Pre_moderation_holds_comments_until_a_coordinator_publishes_them_and_only_then_tells_the_author()
    {
        var coordinator = await factory.PersonAsync(Na, "Coordinator", "Coordination Nouvelle-Aquitaine");
        var admin = await coordinator.ClientAsync(factory);
        // The coordinator switches the region to pre-moderation on the settings page.
        var saved = await admin.SubmitFormAsync($"/{Na}/admin/commentaires/parametres", "#settings-form", new Dictionary<string, string> { ["Mode"] = "avant", ["Threshold"] = "3" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var (item, author) = await factory.PracticeByAsync(Na);
        var (member, client) = await factory.MemberAsync(Na, "Zoé Patiente");
        var page = await client.GetDocumentAsync(PagePath(Na, item));
        Assert.Contains("relus par la coordination avant d'être publiés", page.Body!.TextContent);
        var id = CommentIdFrom(await client.CommentAsync(Na, item, "Un commentaire à relire."));

        // The author sees theirs as pending; nobody else sees it; nobody is told yet.
        var own = await client.GetDocumentAsync(PagePath(Na, item));
        Assert.Contains("En attente de validation", own.QuerySelector($"#commentaire-{id}")!.TextContent);
        Assert.Null((await factory.CreateBrowserClient().GetDocumentAsync(PagePath(Na, item))).QuerySelector($"#commentaire-{id}"));
        Assert.Contains("Commentaires (0)", own.QuerySelector("#commentaires-titre")!.TextContent);
        Assert.Empty(await factory.CommentMailsAsync(author.Email));

        // It waits in the queue; the coordinator publishes it.
        var queue = await admin.GetDocumentAsync($"/{Na}/admin/commentaires");
        Assert.NotNull(queue.QuerySelector($"#moderation-{id}"));
        var published = await admin.SubmitFormAsync($"/{Na}/admin/commentaires", $"#moderation-{id} form", new Dictionary<string, string> { ["decision"] = "approve", ["note"] = "Pertinent." });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(CommentStatus.Published, (await factory.CommentAsync(Na, id))!.Status);
        Assert.NotNull((await factory.CreateBrowserClient().GetDocumentAsync(PagePath(Na, item))).QuerySelector($"#commentaire-{id}"));
        Assert.Single(await factory.CommentMailsAsync(author.Email));
        Assert.Empty(await factory.CommentMailsAsync(member.Email));

        // The log names the decision; a second click on the stale form changes nothing and mails nobody again.
        var log = await admin.GetDocumentAsync($"/{Na}/admin/commentaires");
        Assert.Contains("Pertinent.", log.QuerySelector("#moderation-journal")!.TextContent);
        Assert.Null(log.QuerySelector($"#moderation-{id}"));
        var replay = await admin.PostWithTokenAsync($"/{Na}/admin/commentaires", $"/{Na}/admin/commentaires", new Dictionary<string, string>
        {
            ["commentId"] = id.ToString(), ["version"] = "1", ["decision"] = "approve",
        });
        Assert.Equal(HttpStatusCode.Conflict, replay.StatusCode);
        Assert.Single(await factory.CommentMailsAsync(author.Email));

        // A pending comment can be refused: it never shows.
        var refusedId = CommentIdFrom(await client.CommentAsync(Na, item, "Un autre à relire."));
        await admin.SubmitFormAsync($"/{Na}/admin/commentaires", $"#moderation-{refusedId} form", new Dictionary<string, string> { ["decision"] = "reject" });
        Assert.Equal(CommentStatus.Rejected, (await factory.CommentAsync(Na, refusedId))!.Status);
        Assert.Null((await client.GetDocumentAsync(PagePath(Na, item))).QuerySelector($"#commentaire-{refusedId}"));
        Assert.Single(await factory.CommentMailsAsync(author.Email));

        await factory.SettingsAsync(Na, preModeration: false);
    }

    [Fact]
    public async Task Reports_from_enough_distinct_people_hide_a_comment_until_a_moderator_restores_it()
    {
        await factory.SettingsAsync(Hdf, preModeration: false, threshold: 2);
        var (item, _) = await factory.PracticeByAsync();
        var (_, writer) = await factory.MemberAsync(name: "Auteur Signalé");
        var id = CommentIdFrom(await writer.CommentAsync(Hdf, item, "Un avis tranché."));
        var (_, first) = await factory.MemberAsync();
        var (_, second) = await factory.MemberAsync();
        var reportPage = $"/{Hdf}/commentaires/{id}/signaler";

        // No reason: refused with the message next to the field.
        var noReason = await first.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Contains("Indiquez pourquoi vous signalez ce commentaire.", await noReason.TextAsync());
        var otherWithoutDetails = await first.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "autre" });
        Assert.Equal(HttpStatusCode.BadRequest, otherWithoutDetails.StatusCode);
        // Its author cannot report it.
        Assert.Equal(HttpStatusCode.BadRequest, (await writer.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "hors-sujet" })).StatusCode);

        var reported = await first.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "hors-sujet" });
        Assert.Equal(HttpStatusCode.SeeOther, reported.StatusCode);
        // The same person again counts once.
        var again = await first.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "indesirable" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("déjà signalé", await again.TextAsync());
        Assert.Equal(CommentStatus.Published, (await factory.CommentAsync(Hdf, id))!.Status);

        await second.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "autre", ["Details"] = "Attaque personnelle." });
        var hidden = (await factory.CommentAsync(Hdf, id))!;
        Assert.Equal(CommentStatus.Hidden, hidden.Status);
        Assert.True(hidden.HiddenByReports);
        Assert.Null((await factory.CreateBrowserClient().GetDocumentAsync(PagePath(Hdf, item))).QuerySelector($"#commentaire-{id}"));
        Assert.Contains("Masqué par la modération", await writer.PageTextAsync(PagePath(Hdf, item)));

        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Coordination HDF");
        var admin = await coordinator.ClientAsync(factory);
        var queue = await admin.GetDocumentAsync($"/{Hdf}/admin/commentaires");
        var entry = queue.QuerySelector($"#moderation-{id}")!;
        Assert.Contains("Masqué par les signalements", entry.TextContent);
        Assert.Contains("Autre raison : Attaque personnelle.", entry.TextContent);
        await admin.SubmitFormAsync($"/{Hdf}/admin/commentaires", $"#moderation-{id} form", new Dictionary<string, string> { ["decision"] = "restore" });
        Assert.Equal(CommentStatus.Published, (await factory.CommentAsync(Hdf, id))!.Status);
        Assert.NotNull((await factory.CreateBrowserClient().GetDocumentAsync(PagePath(Hdf, item))).QuerySelector($"#commentaire-{id}"));
        var journal = (await admin.GetDocumentAsync($"/{Hdf}/admin/commentaires")).QuerySelector("#moderation-journal")!.TextContent;
        Assert.Contains("Masqué par les signalements", journal);
        Assert.Contains("Rétabli", journal);

        // Reviewed reports no longer count: one new report does not hide it again; a moderator may still hide it.
        var (_, third) = await factory.MemberAsync();
        await third.SubmitFormAsync(reportPage, "#signalement", new Dictionary<string, string> { ["Reason"] = "hors-sujet" });
        Assert.Equal(CommentStatus.Published, (await factory.CommentAsync(Hdf, id))!.Status);
        await admin.SubmitFormAsync($"/{Hdf}/admin/commentaires", $"#moderation-{id} form", new Dictionary<string, string> { ["decision"] = "hide" });
        Assert.Equal(CommentStatus.Hidden, (await factory.CommentAsync(Hdf, id))!.Status);
        await factory.SettingsAsync(Hdf, preModeration: false);
    }

    [Fact]
    public async Task Only_the_tenant_moderators_reach_the_queue_and_decisions_on_foreign_ids_change_nothing()
    {
        var (_, member) = await factory.MemberAsync();
        var forbidden = await member.GetAsync($"/{Hdf}/admin/commentaires");
        Assert.True(forbidden.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, forbidden.StatusCode.ToString());
        var elsewhere = await factory.PersonAsync(Na, "Coordinator", "Coordination voisine");
        var neighbour = await elsewhere.ClientAsync(factory);
        var cross = await neighbour.GetAsync($"/{Hdf}/admin/commentaires");
        Assert.True(cross.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, cross.StatusCode.ToString());

        // A comment of Nouvelle-Aquitaine decided from Hauts-de-France's queue: nothing there, nothing changed here.
        await factory.SettingsAsync(Na, preModeration: true);
        var (item, _) = await factory.PracticeByAsync(Na);
        var (_, writer) = await factory.MemberAsync(Na);
        var id = CommentIdFrom(await writer.CommentAsync(Na, item, "En attente en Nouvelle-Aquitaine."));
        await factory.SettingsAsync(Na, preModeration: false);
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Coordination HDF 2");
        var admin = await coordinator.ClientAsync(factory);
        var response = await admin.PostWithTokenAsync($"/{Hdf}/admin/commentaires", $"/{Hdf}/admin/commentaires", new Dictionary<string, string>
        {
            ["commentId"] = id.ToString(), ["version"] = "1", ["decision"] = "approve",
        });
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(CommentStatus.Pending, (await factory.CommentAsync(Na, id))!.Status);
    }

    [Fact]
    public async Task The_settings_page_refuses_bad_values_and_stale_forms()
    {
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Coordination réglages");
        var admin = await coordinator.ClientAsync(factory);
        var url = $"/{Hdf}/admin/commentaires/parametres";
        foreach (var bad in new[] { "0", "-2", "abc", "51", "", "3.5" })
        {
            var response = await admin.SubmitFormAsync(url, "#settings-form", new Dictionary<string, string> { ["Mode"] = "apres", ["Threshold"] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("Indiquez un nombre entier entre 1 et 50.", await response.TextAsync());
        }
        var noMode = await admin.SubmitFormAsync(url, "#settings-form", new Dictionary<string, string> { ["Mode"] = "parfois", ["Threshold"] = "3" });
        Assert.Equal(HttpStatusCode.BadRequest, noMode.StatusCode);

        var stalePage = await admin.GetDocumentAsync(url);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitFormAsync(url, "#settings-form", new Dictionary<string, string> { ["Mode"] = "apres", ["Threshold"] = "4" })).StatusCode);
        var values = HtmlForms.FormValues(stalePage, "#settings-form", new Dictionary<string, string> { ["Mode"] = "avant", ["Threshold"] = "9" });
        var stale = await admin.PostAsync(url, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var current = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<DiscussionsDbContext>().Settings.AsNoTracking().SingleAsync());
        Assert.False(current.PreModeration);
        Assert.Equal(4, current.ReportThreshold);
        await factory.SettingsAsync(Hdf, preModeration: false);
    }
}
