using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Privacy;
using Network.Core.Recipes;
using Network.Modules.Content.Services;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Recipes;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory;

/// <summary>
/// The directory of the sector (/annuaire): organisations (a content type, created and verified by coordinators, with
/// their showcases, practices and events found by name), opt-in member profiles, join requests, and a contact relay
/// that keeps both addresses private until the recipient replies.
/// </summary>
public sealed class DirectoryModule : NetworkModule
{
    public const string ModuleId = "Directory";

    /// <summary>Who creates, verifies and moderates: the content moderators (coordinators).</summary>
    public const string ManagePermission = "ModerateContent";

    public override string Id => ModuleId;
    public override string Name => "Annuaire";
    public override string Description => "Annuaire des organisations et des membres, demandes d'adhésion et mise en relation sans divulguer les adresses.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media", "Mail", "Accounts"];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(DirectoryDbContext)];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Annuaire", "/annuaire", 50)];
    public override IReadOnlyList<AdminMenuItem> AdminMenu =>
    [
        new("Annuaire", "/admin/annuaire", ManagePermission, 40),
        new("Signalements de l'annuaire", "/admin/annuaire/signalements", ManagePermission, 41),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<DirectoryDbContext>();
        services.AddSingleton<OrganisationType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<OrganisationType>());
        services.AddScoped<OrganisationCatalog>();
        services.AddScoped<OrganisationWork>();
        services.AddScoped<MemberProfiles>();
        services.AddScoped<MembershipDesk>();
        services.AddScoped<ContactRelay>();
        services.AddScoped<IPersonalDataSource, DirectoryPersonalData>();
        services.AddSingleton<RecipeStepHandler, DirectoryStep>();
    }
}
