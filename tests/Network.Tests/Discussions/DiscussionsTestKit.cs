using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Discussions.Data;
using Network.Modules.Discussions.Services;
using Network.Modules.Practices.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Practices;

namespace Network.Tests.Discussions;

/// <summary>Practices by real people, members posting through the pages' own forms, and the discussion tables read back.</summary>
public static class DiscussionsTestKit
{
    public const string Hdf = "hauts-de-france";

    /// <summary>A published practice whose author is a real account (so notifications have someone to reach).</summary>
    public static async Task<(ContentItem Item, Person Author)> PracticeByAsync(this NetworkWebFactory factory, string tenant = Hdf, string? culture = null, bool publish = true)
    {
        var author = await factory.PersonAsync(tenant, "Contributor", "Autrice " + Guid.NewGuid().ToString("N")[..6], culture);
        var title = "Pratique discutée " + Guid.NewGuid().ToString("N")[..8];
        var item = await factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var created = await store.CreateAsync(sp.GetRequiredService<PracticeType>(), PracticeTestKit.Edit(title, PracticeTestKit.Fields()), author.Actor());
            Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Message)));
            if (!publish) return created.Item!;
            var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentTestKit.Coordinator);
            Assert.True(published.Succeeded);
            return published.Item!;
        });
        return (item, author);
    }

    public static async Task<(Person Person, HttpClient Client)> MemberAsync(this NetworkWebFactory factory, string tenant = Hdf, string? name = null, string role = "Member")
    {
        var person = await factory.PersonAsync(tenant, role, name ?? "Membre " + Guid.NewGuid().ToString("N")[..6]);
        return (person, await person.ClientAsync(factory));
    }

    public static string PagePath(string tenant, ContentItem item, string listPath = "/pratiques") => $"/{tenant}{listPath}/{item.Slug}";

    /// <summary>Posts the page's comment form (or the reply form under <paramref name="parentId"/>) with <paramref name="body"/>.</summary>
    public static Task<HttpResponseMessage> CommentAsync(this HttpClient client, string tenant, ContentItem item, string body, int? parentId = null, string listPath = "/pratiques")
        => client.SubmitFormAsync(PagePath(tenant, item, listPath), parentId is null ? "#commentaire-nouveau" : $"#reponse-form-{parentId}", new Dictionary<string, string> { ["Body"] = body });

    /// <summary>Posts <paramref name="fields"/> as they are (forged ids…) to <paramref name="action"/>, with the antiforgery token of a page the client can read.</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string tokenPage, string action, IDictionary<string, string> fields)
    {
        var document = await client.GetDocumentAsync(tokenPage);
        var token = document.QuerySelector("input[name=__RequestVerificationToken]") as IHtmlInputElement
            ?? throw new InvalidOperationException($"No antiforgery token on {tokenPage}");
        var values = new List<KeyValuePair<string, string>> { new("__RequestVerificationToken", token.Value) };
        values.AddRange(fields);
        return await client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>The id in a 303 answer's "#commentaire-N" fragment.</summary>
    public static int CommentIdFrom(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        var fragment = location[(location.IndexOf('#') + 1)..];
        Assert.StartsWith("commentaire-", fragment);
        return int.Parse(fragment["commentaire-".Length..]);
    }

    public static Task<List<Comment>> CommentsAsync(this NetworkWebFactory factory, string tenant, int itemId)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<DiscussionsDbContext>().Comments.AsNoTracking().Where(c => c.ItemId == itemId).OrderBy(c => c.Id).ToListAsync());

    public static Task<Comment?> CommentAsync(this NetworkWebFactory factory, string tenant, int id)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<DiscussionsDbContext>().Comments.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id));

    /// <summary>Sets the tenant's moderation rules directly (the settings page has its own test).</summary>
    public static Task SettingsAsync(this NetworkWebFactory factory, string tenant, bool preModeration, int threshold = DiscussionRules.DefaultReportThreshold)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<DiscussionSettingsStore>();
            var current = await store.CurrentAsync();
            Assert.True(await store.SaveAsync(preModeration, threshold, current.Version));
            return true;
        });

    /// <summary>The comment mails queued for <paramref name="email"/> (not the workflow's "published" mail of their practice).</summary>
    public static async Task<List<Network.Modules.Mail.Data.OutboxMessage>> CommentMailsAsync(this NetworkWebFactory factory, string email)
        => (await Network.Tests.Accounts.AccountTestKit.OutboxForAsync(factory, email)).Where(m => m.Subject.Contains("omment")).ToList();

    /// <summary>The visible text of an HTML answer (entities decoded).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) => HtmlForms.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent;

    public static async Task<string> PageTextAsync(this HttpClient client, string path) => (await client.GetDocumentAsync(path)).Body!.TextContent;
}
