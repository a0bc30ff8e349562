using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Content;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;
using Network.Modules.News.Services;

namespace Network.Modules.News;

/// <summary>News articles (actualités) on the shared content workflow: list with tags, feeds, and the hub's network-wide list.</summary>
public sealed class NewsModule : NetworkModule
{
    public const string ModuleId = "News";

    public override string Id => ModuleId;
    public override string Name => "Actualités";
    public override string Description => "Articles d'actualité avec mots-clés, flux RSS et Atom, partagés avec le site national.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media"];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Actualités", "/actualites", 10)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Actualités", "/admin/actualites", ContentModule.ContributeContent.Name, 5)];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(NewsLatestViewComponent.BlockId, "Dernières actualités", "Les dernières actualités publiées, avec un lien vers toutes les actualités.",
            typeof(NewsLatestViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 150),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<NewsType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<NewsType>());
        services.AddContentFeed<NewsFeed>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentFeed<NewsFeed>();
    }
}
