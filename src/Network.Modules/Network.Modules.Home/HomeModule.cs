using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Home.Blocks;
using Network.Modules.Home.Data;
using Network.Modules.Home.Recipes;
using Network.Modules.Home.Services;

namespace Network.Modules.Home;

/// <summary>
/// The home page of every tenant, composed by its coordinators from the blocks the enabled modules offer (hero,
/// latest news, featured showcases, key figures, free text…), previewed before it is published.
/// Always enabled (every tenant has a home), so it needs no other module: the hero's image comes from the media
/// library only where the tenant has Media enabled.
/// </summary>
public sealed class HomeModule : NetworkModule
{
    public const string ModuleId = "Home";

    public static readonly Permission ManageHome = new("ManageHome", "Composer la page d'accueil", NetworkRoles.Coordinator);

    public override string Id => ModuleId;
    public override string Name => "Page d'accueil";
    public override string Description => "Page d'accueil composée de blocs, avec aperçu avant publication.";
    public override bool IsAlwaysEnabled => true;
    public override IReadOnlyList<Permission> Permissions => [ManageHome];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Page d'accueil", "/admin/accueil", ManageHome.Name, 150)];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(HomeDbContext)];

    // Calls declares "calls-open"; Events ("events-upcoming") declares its own block when that module arrives.
    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(HeroViewComponent.BlockTypeId, "Bandeau d'accueil", "Le titre de la page, un court texte, une image et un bouton d'action.",
            typeof(HeroViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Text | HomeBlockSettings.Image | HomeBlockSettings.Link, DefaultOrder: 0),
        new(PresentationViewComponent.BlockTypeId, "Présentation du réseau", "Ce que propose le réseau : projets, appels à projets, pratiques, rencontres.",
            typeof(PresentationViewComponent), HomeBlockSettings.Title, DefaultOrder: 50),
        new(KeyFiguresViewComponent.BlockTypeId, "Chiffres clés", "Les chiffres des modules du site : projets soutenus, montant des aides, membres.",
            typeof(KeyFiguresViewComponent), HomeBlockSettings.Title, DefaultOrder: 500),
        new(HomeTextViewComponent.BlockTypeId, "Texte libre", "Un texte en Markdown, avec un intertitre facultatif.",
            typeof(HomeTextViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Text, DefaultOrder: 900, InDefaultLayout: false),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<HomeDbContext>();
        services.AddSingleton<HomeLayoutCache>();
        services.AddScoped<HomeLayouts>();
        services.AddScoped<HomeRenderImages>();
        services.AddScoped<HomeBlockCache>();
        services.AddSingleton<RecipeStepHandler, HomeLayoutStep>();
    }
}
