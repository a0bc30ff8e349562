using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Search;
using Network.Core.Security;
using Network.Core.Theming;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Cli;
using Network.Modules.Search.Index;
using Network.Modules.Search.Indexing;
using Network.Modules.Search.Query;
using Network.Modules.Search.Searching;

namespace Network.Modules.Search;

/// <summary>
/// The network search index (SQLite FTS5, Snowball stemming) and the search pages: <c>/recherche</c> in each region
/// (its own items) and on the hub (every region's shared items, with a region facet). Modules contribute documents
/// through <see cref="ISearchDocumentSource"/> and <see cref="ISearchIndexWriter"/>; none touches the index.
/// </summary>
public sealed class SearchModule : NetworkModule
{
    public const string ModuleId = "Search";

    /// <summary>Rebuilding the index: granted to no role, so only network administrators hold it.</summary>
    public static readonly Permission RebuildSearchIndex = new("RebuildSearchIndex", "Reconstruire l'index de recherche du réseau");

    public override string Id => ModuleId;
    public override IReadOnlyList<string> PrivatePaths => ["/recherche"];
    public override string Name => "Recherche";
    public override string Description => "Recherche plein texte dans les projets, pratiques, appels et événements de toutes les régions.";
    public override IReadOnlyList<Permission> Permissions => [RebuildSearchIndex];

    public override IReadOnlyList<AdminMenuItem> AdminMenu => [new("Index de recherche", AdminPath, RebuildSearchIndex.Name, 30, HubOnly: true)];

    /// <summary>The hub's page of the index: statistics, rebuild and its progress.</summary>
    public const string AdminPath = "/admin/recherche";

    public override void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<SearchOptions>(configuration.GetSection("Search"));
        services.AddSingleton<TextAnalyzer>();
        services.AddSingleton<SearchQueryParser>();
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<ISearchIndexWriter>(sp => sp.GetRequiredService<SearchIndex>());
        services.AddScoped<SiteSearch>();
        services.AddSingleton<IHeadLinkSource, SearchHeadLinks>();
        services.AddSingleton<SearchRebuildService>();
        services.AddSingleton<ICliCommand, SearchCommand>();
    }

    public override void MapEndpoints(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods(SiteSearch.JsonPath, [HttpMethods.Get, HttpMethods.Head], SearchEndpoints.Json).ExcludeFromDescription();
        endpoints.MapMethods(SiteSearch.OpenSearchPath, [HttpMethods.Get, HttpMethods.Head], SearchEndpoints.OpenSearch).ExcludeFromDescription();
    }
}
