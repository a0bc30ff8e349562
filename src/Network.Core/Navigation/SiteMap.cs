using Microsoft.AspNetCore.Http;

namespace Network.Core.Navigation;

/// <summary>A page of the site map: tenant-relative <paramref name="Path"/>, final label, sub-pages.</summary>
public sealed record SiteMapNode(string Title, string Path, IReadOnlyList<SiteMapNode> Children)
{
    public SiteMapNode(string title, string path) : this(title, path, []) { }
}

/// <summary>A titled group of the site map ("Pages", "Actualités").</summary>
public sealed record SiteMapSection(string Title, IReadOnlyList<SiteMapNode> Nodes, int Order = 100);

/// <summary>
/// Implemented by modules whose pages belong in the plan du site beyond their list address (the Pages module's
/// page tree). Only contributors of modules the tenant has enabled are asked. The XML sitemaps (open data) will
/// read the same contributions.
/// </summary>
public interface ISiteMapContributor
{
    /// <summary>The <see cref="Modules.NetworkModule.Id"/> of the contributing module.</summary>
    string ModuleId { get; }

    Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default);
}
