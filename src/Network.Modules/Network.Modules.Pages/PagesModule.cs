using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Modules.Content;
using Network.Modules.Content.Services;
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
    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Pages", "/admin/pages", ContentModule.ModerateContent.Name, 10)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<PageType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<PageType>());
        services.AddScoped<PageDirectory>();
    }
}
