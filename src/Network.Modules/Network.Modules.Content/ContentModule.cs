using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Search;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Content.Feed;
using Network.Modules.Content.Home;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Recipes;
using Network.Modules.Content.Search;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;
using Network.Core.Theming;
using Network.Modules.Media;

namespace Network.Modules.Content;

/// <summary>
/// The workflow shared by every kind of content (showcases, practices, later news and pages): drafts,
/// submission, moderation, scheduled publication, revisions, addresses and their redirects, the vocabularies,
/// the change feed that copies shared items to the hub.
/// </summary>
public sealed class ContentModule : NetworkModule
{
    public const string ModuleId = "Content";

    public static readonly Permission ContributeContent = new("ContributeContent", "Rédiger et soumettre des contenus", NetworkRoles.Contributor, NetworkRoles.Coordinator);
    public static readonly Permission ModerateContent = new("ModerateContent", "Modérer, publier et archiver les contenus", NetworkRoles.Coordinator);

    public override string Id => ModuleId;
    public override string Name => "Contenus";
    public override string Description => "Circuit de publication partagé : brouillon, soumission, publication, révisions, adresses.";
    public override IReadOnlyList<string> Dependencies => ["Accounts", "Mail", "Media"];
    public override IReadOnlyList<Permission> Permissions => [ContributeContent, ModerateContent];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(ContentDbContext)];

    public override IReadOnlyList<AdminMenuItem> AdminMenu =>
    [
        new("Contenus et modération", "/admin/contenus", ContributeContent.Name, 200),
        new("Vocabulaires", "/admin/vocabulaires", ModerateContent.Name, 260),
        new("Publication des contenus", "/admin/contenus/parametres", ModerateContent.Name, 270),
    ];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(ContentRegionsViewComponent.BlockTypeId, "Sites régionaux", "Les sites des régions, avec le nombre de contenus que chacune partage.",
            typeof(ContentRegionsViewComponent), HomeBlockSettings.Title, HomeBlockScope.HubOnly, DefaultOrder: 600),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ContentOptions>().Bind(configuration.GetSection(ContentOptions.Section));
        services.AddTenantDbContext<ContentDbContext>();
        services.AddSingleton<ContentTypeRegistry>();
        services.AddSingleton<ContentChangeNotifier>();
        services.AddSingleton<HubVisibility>();
        services.AddSingleton<ContentListCache>();
        services.AddSingleton<VocabularyCache>();
        services.AddScoped<ContentStore>();
        services.AddScoped<ContentActors>();
        services.AddScoped<ContentPublicLookup>();
        services.AddScoped<OpenData.ContentOpenData>();
        services.AddScoped<Editing.ContentImagePicker>();
        services.AddScoped<VocabularyService>();
        services.AddScoped<IMediaUsageProvider, ContentMediaUsageProvider>();
        services.AddSingleton<RecipeStepHandler, VocabulariesStep>();

        // The change feed: consumers run in registration order for each tenant.
        services.AddSingleton<IContentChangeConsumer, HubShareConsumer>();
        services.AddSingleton<IContentChangeConsumer, ContentNotificationConsumer>();
        services.AddSingleton<ContentSearchDocuments>();
        services.AddSingleton<ISearchDocumentSource>(sp => sp.GetRequiredService<ContentSearchDocuments>());
        services.AddSingleton<IContentChangeConsumer, SearchIndexConsumer>();
        services.AddSingleton<ContentChangeWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<ContentChangeWorker>());
        services.AddSingleton<RecipeStepHandler, ContentStep>();
        services.AddScoped<ContentHomeData>();
        services.AddScoped<Editing.ContentEditorServices>();
        services.AddSingleton<ContentFeedWriter>();
        services.AddSingleton<IHeadLinkSource, ContentFeedHeadLinks>();
        services.AddSingleton<Network.Core.Navigation.ISiteMapContributor, ContentSiteMap>();
    }
}
