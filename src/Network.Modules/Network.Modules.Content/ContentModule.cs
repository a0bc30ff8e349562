using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Recipes;
using Network.Modules.Content.Services;

namespace Network.Modules.Content;

/// <summary>
/// The workflow shared by every kind of content (showcases, practices, later news and pages): drafts,
/// submission, moderation, scheduled publication, revisions, addresses and their redirects, the vocabularies,
/// the change feed that copies shared items to the hub.
/// </summary>
public sealed class ContentModule : NetworkModule
{
    public static readonly Permission ContributeContent = new("ContributeContent", "Rédiger et soumettre des contenus", NetworkRoles.Contributor, NetworkRoles.Coordinator);
    public static readonly Permission ModerateContent = new("ModerateContent", "Modérer, publier et archiver les contenus", NetworkRoles.Coordinator);

    public override string Id => "Content";
    public override string Name => "Contenus";
    public override string Description => "Circuit de publication partagé : brouillon, soumission, publication, révisions, adresses.";
    public override IReadOnlyList<string> Dependencies => ["Accounts", "Mail", "Media"];
    public override IReadOnlyList<Permission> Permissions => [ContributeContent, ModerateContent];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(ContentDbContext)];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<ContentDbContext>();
        services.AddSingleton<ContentTypeRegistry>();
        services.AddSingleton<ContentChangeNotifier>();
        services.AddSingleton<ContentListCache>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentActors>();
        services.AddScoped<ContentPublicLookup>();
        services.AddSingleton<RecipeStepHandler, ContentStep>();
        services.AddScoped<SampleImageUploader>();
    }
}
