using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;

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

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
