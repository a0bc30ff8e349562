using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Api;
using Network.Core.Data;
using Network.Modules.Calls.Api;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.OpenData;
using Network.Core.Recipes;
using Network.Modules.Calls.Recipes;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Home;
using Network.Modules.Calls.OpenData;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;
using Network.Modules.Content.Syndication;

namespace Network.Modules.Calls;

/// <summary>
/// Calls for projects from publication to published results: the call (a content type), online applications, the
/// jury's review, decisions, the results page, the funded projects' draft showcases and the awards' open data.
/// </summary>
public sealed class CallsModule : NetworkModule
{
    public const string ModuleId = "Calls";

    public static readonly Permission ManageCalls = new("ManageCalls", "Gérer les appels à projets, leurs candidatures, l'instruction et les décisions", NetworkRoles.Coordinator);
    public static readonly Permission ReviewApplications = new("ReviewApplications", "Évaluer les candidatures qui lui sont attribuées", NetworkRoles.Reviewer);

    public override string Id => ModuleId;
    public override string Name => "Appels à projets";
    public override string Description => "Appels à projets : publication, candidatures en ligne, évaluation par un jury, décisions, résultats et données des subventions.";
    public override IReadOnlyList<string> Dependencies => ["Content", "Media", "Mail"];
    public override IReadOnlyList<Permission> Permissions => [ManageCalls, ReviewApplications];
    public override IReadOnlyList<Type> TenantDbContexts => [typeof(CallsDbContext)];
    public override IReadOnlyList<NavigationItem> MainNavigation => [new("Appels à projets", "/appels", 40)];
    public override IReadOnlyList<string> PrivatePaths => ["/candidatures/", "/appels/*/candidature"];
    public override IReadOnlyList<AdminMenuItem> AdminMenu =>
    [
        new("Appels à projets", "/admin/appels", ManageCalls.Name, 30),
        new("Mes évaluations", "/admin/evaluations", ReviewApplications.Name, 31),
    ];

    public override IReadOnlyList<HomeBlockType> HomeBlocks =>
    [
        new(CallsOpenViewComponent.BlockTypeId, "Appels à projets ouverts", "Les appels ouverts avec leur date limite ; sur le site national, ceux que les régions partagent.",
            typeof(CallsOpenViewComponent), HomeBlockSettings.Title | HomeBlockSettings.Count, DefaultOrder: 120),
    ];

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<CallsDbContext>();
        services.AddSingleton<CallType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<CallType>());
        services.AddContentFeed<CallFeed>();
        services.AddScoped<ApplicationAccess>();
        services.AddSingleton<Network.Core.Navigation.ISiteMapContributor, CallResultsSiteMap>();
        services.AddScoped<CallRounds>();
        services.AddScoped<ReviewAdministration>();
        services.AddScoped<ReviewerDesk>();
        services.AddScoped<RankingReport>();
        services.AddScoped<ApplicationDrafts>();
        services.AddScoped<ApplicationSubmission>();
        services.AddScoped<ApplicationFiles>();
        services.AddScoped<CallCatalog>();
        services.AddScoped<CallDecisions>();
        services.AddScoped<CallResultsPublisher>();
        services.AddScoped<CallResults>();
        services.AddSingleton<IApiResource, CallApiResource>();
        services.AddSingleton<IApiResource, AwardApiResource>();
        services.AddSingleton<ICliCommand, CallsBenchSeedCommand>();
        services.AddOpenDataset<CallsOpenData>();
        services.AddOpenDataset<SubventionsDataset>();
        services.AddSingleton<RecipeStepHandler, CallsStep>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapContentFeed<CallFeed>();
        endpoints.MapOpenDataset<CallsOpenData>(CallsOpenData.Definition);
        endpoints.MapOpenDataset<SubventionsDataset>(SubventionsDataset.Definition);
        ApplicationFileEndpoints.Map(endpoints);
    }
}
