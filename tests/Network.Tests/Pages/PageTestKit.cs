using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Pages;

/// <summary>A small nested type that is not a page: the store's hierarchy rules are generic.</summary>
public sealed class TestFolderFields
{
    public int? ParentId { get; set; }
    public string Body { get; set; } = "";
}

public sealed class TestFolderType : ContentType<TestFolderFields>
{
    public override string Name => "test-folder";
    public override string ModuleId => "Content";
    public override string DisplayName => "Dossier";
    public override string PluralName => "Dossiers";
    public override string PublicPath => "/dossiers";
    public override string AdminPath => "/admin/dossiers";
    public override bool IsHierarchical => true;
    public override int? ParentIdOf(object fields) => ((TestFolderFields)fields).ParentId;
    public override IEnumerable<string> CheckAddress(string slug) => slug == "interdit" ? ["Adresse interdite."] : [];

    /// <summary>Folders are never archived: the store must refuse it.</summary>
    public override bool Allows(ContentItem item, ContentAction action) => action != ContentAction.Archive;
}

public class PagesWebFactory : NetworkWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TestFolderType>();
            services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<TestFolderType>());
        });
    }
}

public static class PageTestKit
{
    public const string Hdf = "hauts-de-france";
    public const string Na = "nouvelle-aquitaine";

    public static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..8]}";

    public static ContentEdit Page(string title, int? parentId = null, string? slug = null, string body = "Le texte de la page.", string role = "", string summary = "")
        => new(title, slug, summary, true, new PageFields { ParentId = parentId, Body = body, Role = role });

    public static Task<ContentResult> CreateAsync(this NetworkWebFactory factory, string tenant, ContentEdit edit, bool publish = false)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var created = await store.CreateAsync(sp.GetRequiredService<PageType>(), edit, ContentActor.System);
            if (!publish || !created.Succeeded) return created;
            return await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentActor.System);
        });

    public static async Task<ContentItem> PublishedPageAsync(this NetworkWebFactory factory, string tenant, ContentEdit edit)
    {
        var result = await factory.CreateAsync(tenant, edit, publish: true);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => $"{e.Field}: {e.Message}")));
        return result.Item!;
    }

    public static Task<ContentResult> SaveAsync(this NetworkWebFactory factory, string tenant, ContentItem item, ContentEdit edit)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().SaveAsync(item.Id, item.Version, edit, ContentActor.System));

    public static Task<ContentItem?> ReloadAsync(this NetworkWebFactory factory, string tenant, int id)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().FindAsync(id));
}
