using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Theming;
using Network.Modules.OpenData.Services;

namespace Network.Modules.OpenData;

/// <summary>
/// The open data pages: <c>/donnees</c> lists every dataset (<see cref="Network.Core.OpenData.IOpenDatasetSource"/>) of the
/// modules the tenant has enabled, <c>/donnees/{id}</c> describes one (columns, formats, licence, update date), and
/// <c>/donnees/catalogue.jsonld</c> is their DCAT catalog. Each module serves its own files.
/// </summary>
public sealed class OpenDataModule : NetworkModule
{
    public const string ModuleId = "OpenData";

    public override string Id => ModuleId;
    public override string Name => "Données ouvertes";
    public override string Description => "La page des jeux de données publiés par le site (/donnees), sous Licence Ouverte.";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<OpenDataCatalog>();
        services.AddSingleton<ISiteMapContributor, OpenDataSiteMap>();
        services.AddSingleton<IHeadLinkSource, OpenDataHeadLinks>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints) => DcatCatalog.Map(endpoints);
}
