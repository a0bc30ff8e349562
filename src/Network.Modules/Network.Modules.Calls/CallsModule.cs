using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.OpenData;
using Network.Core.Recipes;
using Network.Modules.Calls.Recipes;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;

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
    // MainNavigation ("/appels") is declared with the public list page.
    // AdminMenu entries are declared with their pages.

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        foreach (var format in new[] { "csv", "json" })
            endpoints.MapMethods($"/donnees/subventions.{format}", [HttpMethods.Get, HttpMethods.Head],
                    (HttpContext http, SubventionsDataset dataset) => dataset.AnswerAsync(http, format))
                .ExcludeFromDescription();
    }

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.AddTenantDbContext<CallsDbContext>();
        services.AddSingleton<CallType>();
        services.AddSingleton<ContentTypeDefinition>(sp => sp.GetRequiredService<CallType>());
        services.AddScoped<ApplicationAccess>();
        services.AddScoped<CallRounds>();
        services.AddScoped<CallDecisions>();
        services.AddScoped<CallResultsPublisher>();
        services.AddScoped<CallResults>();
        services.AddScoped<SubventionsDataset>();
        services.AddSingleton<IOpenDatasetSource, CallsOpenData>();
        services.AddSingleton<RecipeStepHandler, CallsStep>();
    }
}
