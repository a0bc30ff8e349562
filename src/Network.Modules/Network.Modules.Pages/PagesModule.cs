using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Theming;
using Network.Modules.Content;
using Network.Modules.Content.Services;
using Network.Modules.Pages.Contact;
using Network.Modules.Pages.Legal;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages;

/// <summary>
/// Free pages of a tenant ("À propos", "Programme de l'année") at their own addresses, nested one under another,
/// on the shared content workflow; the legal pages and the contact page are pages with fixed addresses.
/// </summary>
public sealed class PagesModule : NetworkModule
{
    public const string ModuleId = "Pages";

    public override string Id => ModuleId;
    public override string Name => "Pages";
    public override string Description => "Pages libres et hiérarchisées, pages légales, page de contact avec formulaire.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media", "Mail"];
    public override IReadOnlyList<AdminMenuItem> AdminMenu =>
    [
        new("Pages", "/admin/pages", ContentModule.ModerateContent.Name, 10),
        new("Pages légales et contact", "/admin/pages/legales", ContentModule.ModerateContent.Name, 11),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReservedSegments>();
        services.AddSingleton<PageType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<PageType>());
        services.AddScoped<PageDirectory>();
        services.AddSingleton<PageRenderCache>();
        services.AddSingleton<ISiteMapContributor, PageSiteMap>();

        // Legal and contact pages: pages with a role, read by the Settings module at its fixed legal addresses.
        services.AddSingleton<RolePageCache>();
        services.AddScoped<RolePages>();
        services.AddScoped<ILegalPageSource>(sp => sp.GetRequiredService<RolePages>());
        services.AddScoped<RolePageEditing>();
        services.AddOptions<PagesOptions>().Bind(configuration.GetSection(PagesOptions.Section));
        services.Configure<RateLimiterOptions>(ContactRateLimiting.AddPolicy);
        services.AddSingleton<ContactSubmissions>();
        services.AddScoped<ContactMessages>();
    }
}
