using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;

namespace Network.Modules.Menus;

/// <summary>The tenant's main menu as its coordinators arrange it: pages, module lists and external links, one level of nesting.</summary>
public sealed class MenusModule : NetworkModule
{
    public const string ModuleId = "Menus";

    public override string Id => ModuleId;
    public override string Name => "Menu principal";
    public override string Description => "Menu principal modifiable : ordre, libellés, sous-menus, liens vers les pages, les rubriques et d'autres sites.";
    public override IReadOnlyList<string> Dependencies => ["Pages"];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
    }
}
