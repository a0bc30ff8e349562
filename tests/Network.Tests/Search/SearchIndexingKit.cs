using Microsoft.Extensions.DependencyInjection;
using Network.Core.Search;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.News.Data;
using Network.Modules.News.Services;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;
using Network.Modules.Search.Index;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Search;

/// <summary>Content written through the real store and looked up in the real index, for the indexing tests.</summary>
internal static class SearchIndexingKit
{
    public static readonly IReadOnlySet<string> AllTypes = new HashSet<string>([ShowcaseType.TypeName, PracticeType.TypeName, NewsType.TypeName, PageType.TypeName, "test-note"]);

    /// <summary>A word no other test and no analyzer rule will produce: letters only, so it stays one term.</summary>
    public static string Word() => "zq" + string.Concat(Guid.NewGuid().ToString("N")[..10].Select(c => (char)('a' + Convert.ToInt32(c.ToString(), 16))));

    /// <summary>The type definition and an edit with <paramref name="bodyWord"/> in the type's body text.</summary>
    public static (ContentTypeDefinition Type, ContentEdit Edit) Edit(NetworkWebFactory factory, string typeName, string title, string bodyWord, bool shared = true)
    {
        var types = factory.Service<ContentTypeRegistry>();
        object fields = typeName switch
        {
            ShowcaseType.TypeName => new ShowcaseFields { Description = $"Un **projet** de médiation : {bodyWord}.", LeadOrganisation = "Musée des beaux-arts", Commune = "Lille", Domains = ["musees"], Programme = "France 2030", Year = 2024 },
            PracticeType.TypeName => new PracticeFields { Context = $"Le contexte _{bodyWord}_.", Organisation = "Archives départementales", Domains = ["archives"] },
            NewsType.TypeName => new NewsFields { Body = $"Une actualité : {bodyWord}.", Tags = ["Festival"] },
            PageType.TypeName => new PageFields { Body = $"## Présentation\n\nNotre équipe {bodyWord}." },
            _ => throw new ArgumentOutOfRangeException(nameof(typeName)),
        };
        return (types.Get(typeName), new ContentEdit(title, null, "Résumé de l'élément", shared, fields));
    }

    public static Task<ContentResult> StoreAsync(this NetworkWebFactory factory, string tenant, Func<ContentStore, Task<ContentResult>> work)
        => factory.InTenantAsync(tenant, sp => work(sp.GetRequiredService<ContentStore>()));

    public static async Task<ContentItem> CreateAsync(this NetworkWebFactory factory, string tenant, string typeName, string title, string bodyWord, bool shared = true, ContentActor? actor = null)
    {
        var (type, edit) = Edit(factory, typeName, title, bodyWord, shared);
        var result = await factory.StoreAsync(tenant, s => s.CreateAsync(type, edit, actor ?? ContentTestKit.Coordinator));
        return result.Item ?? throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
    }

    public static async Task<ContentItem> PerformAsync(this NetworkWebFactory factory, string tenant, ContentItem item, ContentAction action, ContentActor? actor = null, DateTime? at = null)
    {
        var result = await factory.StoreAsync(tenant, s => s.PerformAsync(item.Id, item.Version, action, actor ?? ContentTestKit.Coordinator, reason: "Incomplet", publishAtUtc: at));
        return result.Item ?? throw new InvalidOperationException($"{action} refused: {string.Join("; ", result.Errors.Select(e => e.Message))}");
    }

    public static async Task<ContentItem> PublishedAsync(this NetworkWebFactory factory, string tenant, string typeName, string title, string bodyWord, bool shared = true)
        => await factory.PerformAsync(tenant, await factory.CreateAsync(tenant, typeName, title, bodyWord, shared), ContentAction.Publish);

    /// <summary>Hits for <paramref name="text"/> in the tenant's own documents (a region's search).</summary>
    public static IReadOnlyList<SearchHit> Find(this NetworkWebFactory factory, string tenant, string text)
        => factory.Service<SearchIndex>().Search(new SearchRequest(text, [new SearchScopeTenant(tenant, AllTypes, false)], new Dictionary<string, IReadOnlyList<string>>(), PageSize: 50)).Hits;

    /// <summary>Hits for <paramref name="text"/> as the hub searches: its own documents and the regions' shared ones.</summary>
    public static IReadOnlyList<SearchHit> FindFromHub(this NetworkWebFactory factory, string text, params string[] regions)
        => factory.Service<SearchIndex>().Search(new SearchRequest(text,
            [new SearchScopeTenant("network", AllTypes, false), .. regions.Select(r => new SearchScopeTenant(r, AllTypes, true))],
            new Dictionary<string, IReadOnlyList<string>>(), PageSize: 50)).Hits;
}
