using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Modules;
using Network.Modules.Practices.Api;
using Network.Core.OpenData;
using Network.Modules.Content;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;
using Network.Modules.Practices.Home;
using Network.Modules.Practices.OpenData;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices;

/// <summary>Practice reports (retours d'expérience): a content type on the shared workflow, its editor and its public pages.</summary>
public sealed class PracticesModule : NetworkModule
{
    public const string ModuleId = "Practices";

    public override string Id => ModuleId;
    public override string Name => "Retours d'expérience";
    public override string Description => "Retours d'expérience structurés des professionnels.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media"];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Pratiques", "/pratiques", 30)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Retours d'expérience", "/admin/pratiques", ContentModule.ContributeContent.Name, 30)];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(PracticesLatestViewComponent.BlockTypeId, "Derniers retours d'expérience", "Les derniers retours d'expérience publiés ; sur le site national, ceux que les régions partagent.",
            typeof(PracticesLatestViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 300),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PracticeType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<PracticeType>());
        services.AddContentFeed<PracticeFeed>();
        services.AddSingleton<IApiResource, PracticeApiResource>();
        services.AddOpenDataset<PracticesOpenData>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentFeed<PracticeFeed>();
        endpoints.MapOpenDataset<PracticesOpenData>(PracticesOpenData.Definition);
    }
}
