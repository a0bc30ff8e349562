using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Theming;
using Network.Modules.Settings.Data;
using Network.Core.Text;
using Network.Modules.Settings.Services;

namespace Network.Modules.Settings;

/// <summary>The site of each tenant: its legal pages at fixed addresses (texts from the Pages module or generated), site map and the settings coordinators may change.</summary>
public sealed class SettingsModule : NetworkModule
{
    public static readonly Permission ManageSettings = new("ManageSettings", "Modifier les paramètres du site", NetworkRoles.Coordinator);

    public override string Id => "Settings";
    public override string Name => "Paramètres du site";
    public override string Description => "Identité du site, pages légales (accessibilité, mentions légales, données personnelles) et plan du site.";
    public override bool IsAlwaysEnabled => true;
    public override IReadOnlyList<Permission> Permissions => [CorePermissions.AccessAdmin, ManageSettings];
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Paramètres du site", "/admin/parametres", ManageSettings.Name, 900)];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(SiteSettingsDbContext)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<SiteSettingsDbContext>();
        services.AddScoped<LegalPageService>();
        services.AddSingleton<AccessibilityStatusCache>();
        services.AddScoped<IAccessibilityStatusSource, AccessibilityStatusSource>();
        services.AddSingleton<SafeMarkdown>();
        services.AddOptions<SiteMapOptions>().Bind(configuration.GetSection(SiteMapOptions.Section));
        services.AddScoped<SitePlan>();
    }

    public override void MapEndpoints(Microsoft.AspNetCore.Routing.IEndpointRouteBuilder endpoints) => SiteMapEndpoints.Map(endpoints);
}
