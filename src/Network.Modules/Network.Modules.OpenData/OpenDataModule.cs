using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Navigation;

namespace Network.Modules.OpenData;

/// <summary>
/// The open data page <c>/donnees</c>: every dataset (<see cref="Network.Core.OpenData.IOpenDatasetSource"/>) of the
/// modules the tenant has enabled, with its formats, schema and licence. Each module serves its own files.
/// </summary>
public sealed class OpenDataModule : NetworkModule
{
    public const string ModuleId = "OpenData";

    public override string Id => ModuleId;
    public override string Name => "Données ouvertes";
    public override string Description => "La page des jeux de données publiés par le site (/donnees), sous Licence Ouverte.";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
        => services.AddSingleton<ISiteMapContributor, OpenDataSiteMap>();
}
