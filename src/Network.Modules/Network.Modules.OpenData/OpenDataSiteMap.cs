using Microsoft.AspNetCore.Http;
using Network.Core.Navigation;

namespace Network.Modules.OpenData;

/// <summary>The open data page in the plan du site and the XML sitemap (it is not in the main navigation).</summary>
public sealed class OpenDataSiteMap : ISiteMapContributor
{
    public string ModuleId => OpenDataModule.ModuleId;

    public Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
        => Task.FromResult<IReadOnlyList<SiteMapSection>>([new SiteMapSection("Données ouvertes", [new SiteMapNode("Données ouvertes", "/donnees")], Order: 80)]);
}
