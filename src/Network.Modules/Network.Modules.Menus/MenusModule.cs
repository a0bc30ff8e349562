using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Menus.Data;
using Network.Modules.Menus.Recipes;
using Network.Modules.Menus.Services;

namespace Network.Modules.Menus;

/// <summary>The tenant's main menu as its coordinators arrange it: pages, module lists and external links, one level of nesting.</summary>
public sealed class MenusModule : NetworkModule
{
    public const string ModuleId = "Menus";

    public static readonly Permission ManageMenu = new("ManageMenu", "Modifier le menu principal", NetworkRoles.Coordinator);

    public override string Id => ModuleId;
    public override string Name => "Menu principal";
    public override string Description => "Menu principal modifiable : ordre, libellés, sous-menus, liens vers les pages, les rubriques et d'autres sites.";
    public override IReadOnlyList<string> Dependencies => ["Pages"];
    public override IReadOnlyList<Permission> Permissions => [ManageMenu];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(MenusDbContext)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Menu principal", "/admin/menu", ManageMenu.Name, 20)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<MenusDbContext>();
        services.AddSingleton<MenuCache>();
        services.AddScoped<MenuEditor>();
        // Registered after the host's default, so this one answers IMainMenuSource (it falls back to the default itself).
        services.AddSingleton<MenuSource>();
        services.AddSingleton<IMainMenuSource>(sp => sp.GetRequiredService<MenuSource>());
        services.AddSingleton<RecipeStepHandler, MenuStep>();
    }
}
