using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.News.Data;
using Network.Modules.News.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.News;

/// <summary>News written straight through the content store, and the editor's form values, for the news tests.</summary>
public static class NewsTestKit
{
    public const string Region = "hauts-de-france";

    public static NewsFields Fields(string body = "Le texte de l'actualité.", params string[] tags)
        => new() { Body = body, Tags = [.. tags], Signature = "" };

    public static ContentEdit Edit(string title, NewsFields fields, bool shared = true, string summary = "Le chapô de l'actualité.", string? slug = null)
        => new(title, slug, summary, shared, fields);

    public static Task<ContentResult> CreateNewsAsync(this NetworkWebFactory factory, string tenant, ContentEdit edit, ContentActor? actor = null)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().CreateAsync(sp.GetRequiredService<NewsType>(), edit, actor ?? ContentTestKit.Coordinator));

    public static Task<ContentResult> PerformAsync(this NetworkWebFactory factory, string tenant, ContentItem item, ContentAction action, ContentActor? actor = null, DateTime? at = null)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().PerformAsync(item.Id, item.Version, action, actor ?? ContentTestKit.Coordinator, publishAtUtc: at));

    /// <summary>Creates and publishes a news article; returns the published item.</summary>
    public static async Task<ContentItem> PublishedNewsAsync(this NetworkWebFactory factory, string tenant, string title, NewsFields? fields = null, bool shared = true, string summary = "Le chapô de l'actualité.")
    {
        var created = await factory.CreateNewsAsync(tenant, Edit(title, fields ?? Fields(), shared, summary));
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
        var published = await factory.PerformAsync(tenant, created.Item!, ContentAction.Publish);
        Assert.True(published.Succeeded, string.Join("; ", published.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return published.Item!;
    }

    public static List<KeyValuePair<string, string>> FormValues(IHtmlDocument page, IDictionary<string, string>? changes = null, params string[] remove)
        => HtmlForms.FormValues(page, "#news-editor-form", changes, remove);

    public static Task<HttpResponseMessage> PostNewsEditorAsync(this HttpClient client, string url, IHtmlDocument page, IDictionary<string, string>? changes = null)
        => client.PostAsync(url, new FormUrlEncodedContent(FormValues(page, changes)));

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    public static string Tag() => "mot" + Guid.NewGuid().ToString("N")[..8];
}
