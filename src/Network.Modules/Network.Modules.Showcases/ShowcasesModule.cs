using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Funding;
using Network.Modules.Showcases.Api;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.OpenData;
using Network.Modules.Content;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;
using Network.Modules.Showcases.Home;
using Network.Modules.Showcases.OpenData;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases;

/// <summary>Showcases of funded digital innovation projects: the content type, its editor, its public list and pages.</summary>
public sealed class ShowcasesModule : NetworkModule
{
    public const string ModuleId = "Showcases";

    public override string Id => ModuleId;
    public override string Name => "Projets";
    public override string Description => "Vitrine des projets d'innovation numérique financés.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media"];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Projets", "/projets", 20)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Projets", "/admin/projets", ContentModule.ContributeContent.Name, 20)];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(ShowcasesFeaturedViewComponent.BlockTypeId, "Projets à la une", "Les projets mis en avant par la région ; sur le site national, ceux des régions.",
            typeof(ShowcasesFeaturedViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 150),
        new(ShowcasesLatestViewComponent.BlockTypeId, "Derniers projets", "Les derniers projets publiés ; sur le site national, ceux que les régions partagent.",
            typeof(ShowcasesLatestViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 200),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ShowcaseType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<ShowcaseType>());
        services.AddContentFeed<ShowcaseFeed>();
        services.AddSingleton<ShowcaseRenderCache>();
        services.AddScoped<ShowcaseCatalog>();
        services.AddSingleton<IApiResource, ShowcaseApiResource>();
        services.AddScoped<IFundedProjectDrafts, FundedProjectShowcases>();
        services.AddScoped<IKeyFigureSource, ShowcaseKeyFigures>();
        services.AddSingleton<ICliCommand, ShowcaseBenchSeedCommand>();
        services.AddOpenDataset<ShowcasesOpenData>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentFeed<ShowcaseFeed>();
        endpoints.MapOpenDataset<ShowcasesOpenData>(ShowcasesOpenData.Definition);
    }
}
