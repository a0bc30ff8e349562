using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Privacy;
using Network.Modules.Discussions.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Discussions.DiscussionsTestKit;

namespace Network.Tests.Discussions;

/// <summary>The comments' <see cref="IPersonalDataSource"/>: export across every tenant (the hub included), erasure by anonymisation.</summary>
public sealed class CommentPersonalDataTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private IPersonalDataSource Source => factory.Services.GetServices<IPersonalDataSource>().Single(s => s.Section == "commentaires");

    [Fact]
    public async Task Export_gathers_every_tenant_and_erasure_anonymises_comments_and_removes_reports_and_marks()
    {
        foreach (var tenant in new[] { Hdf, "network" }) await factory.SettingsAsync(tenant, preModeration: false);
        var (regional, _) = await factory.PracticeByAsync();
        var (national, _) = await factory.PracticeByAsync("network");
        var (leaving, client) = await factory.MemberAsync(name: "Personne Partante");
        var (_, staying) = await factory.MemberAsync(name: "Personne Restante");
        var hubClient = await leaving.ClientAsync(factory);

        var mine = CommentIdFrom(await client.CommentAsync(Hdf, regional, "Mon avis régional."));
        var answer = CommentIdFrom(await staying.CommentAsync(Hdf, regional, "Une réponse qui reste.", parentId: mine));
        var theirs = CommentIdFrom(await staying.CommentAsync(Hdf, regional, "Un autre avis."));
        await client.SubmitFormAsync($"/{Hdf}/commentaires/{theirs}/signaler", "#signalement", new Dictionary<string, string> { ["Reason"] = "hors-sujet" });
        await client.SubmitFormAsync(PagePath(Hdf, regional), "#utile-form", new Dictionary<string, string>());
        var onHub = await hubClient.PostWithTokenAsync($"/pratiques/{national.Slug}", "/commentaires/publier", new Dictionary<string, string>
        {
            ["ItemId"] = national.Id.ToString(), ["Body"] = "Mon avis national.", ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
        });
        var hubComment = CommentIdFrom(onHub);

        var export = JsonSerializer.SerializeToElement(await Source.ExportAsync(leaving.User.Id));
        var sites = export.EnumerateArray().ToDictionary(s => s.GetProperty("site").GetString()!);
        Assert.Equal(["hauts-de-france", "network"], sites.Keys.Order());
        var regionalSite = sites[Hdf];
        Assert.Equal("Mon avis régional.", Assert.Single(regionalSite.GetProperty("commentaires").EnumerateArray()).GetProperty("Body").GetString());
        Assert.Equal(theirs, Assert.Single(regionalSite.GetProperty("signalements").EnumerateArray()).GetProperty("CommentId").GetInt32());
        Assert.Equal(regional.Id, Assert.Single(regionalSite.GetProperty("utiles").EnumerateArray()).GetProperty("ItemId").GetInt32());
        Assert.Equal("Mon avis national.", Assert.Single(sites["network"].GetProperty("commentaires").EnumerateArray()).GetProperty("Body").GetString());
        Assert.Null(await Source.ExportAsync("nobody-" + Guid.NewGuid()));

        await Source.EraseAsync(leaving.User.Id);
        foreach (var (tenant, id, text) in new[] { (Hdf, mine, "Mon avis régional."), ("network", hubComment, "Mon avis national.") })
        {
            var kept = (await factory.CommentAsync(tenant, id))!;
            Assert.Null(kept.AuthorId);
            Assert.Equal("", kept.AuthorName);
            Assert.Equal(text, kept.Body);
        }
        Assert.Equal(0, await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<DiscussionsDbContext>().Reports.CountAsync(r => r.UserId == leaving.User.Id)));
        Assert.Equal(0, await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<DiscussionsDbContext>().UsefulMarks.CountAsync(m => m.UserId == leaving.User.Id)));
        Assert.Null(await Source.ExportAsync(leaving.User.Id));

        // The thread still reads: the text under "Compte supprimé", the reply still under it; nobody can edit it any more.
        var page = await factory.CreateBrowserClient().GetDocumentAsync(PagePath(Hdf, regional));
        var article = page.QuerySelector($"#commentaire-{mine}")!;
        Assert.Contains("Compte supprimé", article.TextContent);
        Assert.DoesNotContain("Personne Partante", page.Body!.TextContent);
        Assert.Contains("Mon avis régional.", article.TextContent);
        Assert.NotNull(page.QuerySelector($"#commentaire-{answer}"));
        Assert.Contains("Personne n'a encore marqué", page.Body.TextContent);
        // Erasing again changes nothing.
        await Source.EraseAsync(leaving.User.Id);
    }
}
