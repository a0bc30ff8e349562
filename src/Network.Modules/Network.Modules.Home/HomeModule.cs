using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;

namespace Network.Modules.Home;

/// <summary>
/// The home page of every tenant, composed by its coordinators from the blocks the enabled modules offer (hero,
/// latest news, featured showcases, open calls, key figures, free text…), previewed before it is published.
/// Always enabled (every tenant has a home), so it needs no other module: the hero's image comes from the media
/// library only where the tenant has Media enabled.
/// </summary>
public sealed class HomeModule : NetworkModule
{
    public const string ModuleId = "Home";

    public override string Id => ModuleId;
    public override string Name => "Page d'accueil";
    public override string Description => "Page d'accueil composée de blocs, avec aperçu avant publication.";
    public override bool IsAlwaysEnabled => true;

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
