using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Navigation;

namespace Network.Modules.Calls.Services;

/// <summary>The results pages (<c>/appels/{slug}/resultats</c>) of the tenant's own calls whose results are published, for the XML sitemap.</summary>
public sealed class CallResultsSiteMap : ISiteMapContributor
{
    public string ModuleId => CallsModule.ModuleId;

    public async Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var catalog = context.RequestServices.GetRequiredService<CallCatalog>();
        var type = context.RequestServices.GetRequiredService<CallType>();
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var own = snapshot with { Items = snapshot.Items.Where(c => c.Item.OriginTenant is null).ToList() };
        var states = await catalog.StatesAsync(own, cancellationToken);
        var nodes = own.Items.Where(c => states.GetValueOrDefault(c.Item.Id) == CallState.ResultsPublished)
            .Select(c => new SiteMapNode(c.Item.Title, type.PublicUrl(c.Item.Slug) + "/resultats")).ToList();
        return nodes.Count == 0 ? [] : [new SiteMapSection("Résultats des appels à projets", nodes, 910, InPlan: false)];
    }
}
