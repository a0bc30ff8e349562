using Microsoft.AspNetCore.Http;

namespace Network.Core.Navigation;

/// <summary>
/// A page of the site map: tenant-relative <paramref name="Path"/>, final label, sub-pages, and when it last changed
/// (the XML sitemap's <c>lastmod</c>; null when unknown).
/// </summary>
public sealed record SiteMapNode(string Title, string Path, IReadOnlyList<SiteMapNode> Children, DateTime? LastModifiedUtc = null)
{
    public SiteMapNode(string title, string path) : this(title, path, []) { }
}

/// <summary>
/// A titled group of the site map ("Pages", "Actualités"). <paramref name="InPlan"/> false: a group only the XML sitemap
/// lists (every published item: too many addresses for a page meant for people, who reach them through the lists).
/// </summary>
public sealed record SiteMapSection(string Title, IReadOnlyList<SiteMapNode> Nodes, int Order = 100, bool InPlan = true);

/// <summary>
/// Implemented by modules whose public pages belong in the site map beyond their list address (the Pages module's
/// page tree, the Content module's published items). Only contributors of modules the tenant has enabled are asked.
/// The plan du site and the XML sitemap (<c>/sitemap.xml</c>) read the same contributions.
/// </summary>
public interface ISiteMapContributor
{
    /// <summary>The <see cref="Modules.NetworkModule.Id"/> of the contributing module.</summary>
    string ModuleId { get; }

    Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default);
}
