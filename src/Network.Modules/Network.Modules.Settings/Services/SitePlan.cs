using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Tenancy;

namespace Network.Modules.Settings.Services;

/// <summary>What the plan du site shows: the menu, the contributed sections, the module lists the menu leaves out, the site's own pages.</summary>
public sealed record SitePlanView(IReadOnlyList<MenuLink> Menu, IReadOnlyList<SiteMapSection> Sections, IReadOnlyList<NavigationItem> Lists,
    IReadOnlyList<(string Label, string Path)> Information, IReadOnlySet<string> MenuPaths);

/// <summary>A public address of the tenant for the XML sitemap (tenant-relative path) and when it last changed.</summary>
public sealed record SiteMapUrl(string Path, DateTime? LastModifiedUtc);

/// <summary>
/// The tenant's public addresses, read once for both the plan du site (people) and the XML sitemap (search engines): the
/// main menu, the <see cref="ISiteMapContributor"/> sections of the enabled modules (the XML sitemap also lists the
/// sections not meant for the plan: every published item), the enabled modules' lists and the site's own pages.
/// Addresses under <see cref="RobotsRules"/>' private prefixes are never in the XML sitemap.
/// </summary>
public sealed class SitePlan(ModuleCatalog modules, IMainMenuSource mainMenu, IEnumerable<ISiteMapContributor> contributors)
{
    public async Task<SitePlanView> GetAsync(HttpContext context, TenantInfo tenant, CancellationToken cancellationToken)
    {
        var menu = await mainMenu.GetAsync(context, cancellationToken);
        var drawn = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "/" };
        foreach (var link in menu.SelectMany(l => l.Children.Prepend(l)).Where(l => !l.IsExternal && l.Href.Length > 0)) drawn.Add(link.Href);
        var sections = new List<SiteMapSection>();
        foreach (var contributor in contributors.Where(c => modules.IsEnabled(tenant, c.ModuleId)))
            sections.AddRange(await contributor.GetAsync(context, cancellationToken));
        var lists = modules.MainNavigation(tenant).Where(i => !drawn.Contains(i.Path)).ToList();
        return new SitePlanView(menu, sections.OrderBy(s => s.Order).ToList(), lists, Information(tenant), drawn);
    }

    /// <summary>The site's own pages every tenant has ("Informations sur le site"), French labels.</summary>
    public IReadOnlyList<(string Label, string Path)> Information(TenantInfo tenant)
    {
        var pages = new List<(string, string)>();
        if (modules.IsEnabled(tenant, "Pages")) pages.Add(("Nous contacter", "/contact"));
        pages.Add(("Accessibilité", "/accessibilite"));
        pages.Add(("Mentions légales", "/mentions-legales"));
        pages.Add(("Données personnelles et cookies", "/donnees-personnelles"));
        pages.Add(("Paramètres d'affichage", "/affichage"));
        pages.Add(("Plan du site", "/plan-du-site"));
        return pages;
    }

    /// <summary>Every public address of the tenant once (the latest known change kept), home first, private ones left out.</summary>
    public async Task<IReadOnlyList<SiteMapUrl>> UrlsAsync(HttpContext context, TenantInfo tenant, CancellationToken cancellationToken)
    {
        var view = await GetAsync(context, tenant, cancellationToken);
        var robots = RobotsRules.For(tenant, modules);
        var urls = new Dictionary<string, DateTime?>(StringComparer.Ordinal);
        var order = new List<string>();
        void Add(string path, DateTime? lastModified)
        {
            if (path.Length == 0 || path[0] != '/' || path.StartsWith("//", StringComparison.Ordinal) || path.Contains('#') || robots.IsPrivate(path)) return;
            if (urls.TryGetValue(path, out var known)) { if (lastModified > known || known is null) urls[path] = lastModified ?? known; return; }
            urls[path] = lastModified;
            order.Add(path);
        }
        void AddNode(SiteMapNode node) { Add(node.Path, node.LastModifiedUtc); foreach (var child in node.Children) AddNode(child); }

        Add("/", null);
        foreach (var link in view.Menu.SelectMany(l => l.Children.Prepend(l)).Where(l => !l.IsExternal)) Add(link.Href, null);
        foreach (var item in modules.MainNavigation(tenant)) Add(item.Path, null);
        foreach (var node in view.Sections.SelectMany(s => s.Nodes)) AddNode(node);
        foreach (var (_, path) in view.Information) Add(path, null);
        return order.Select(p => new SiteMapUrl(p, urls[p])).ToList();
    }
}

/// <summary>
/// The addresses of a tenant that are not for search engines: the back office, the account pages and the enabled modules'
/// <see cref="NetworkModule.PrivatePaths"/> (personal links, forms, noindex pages), matched as robots.txt does (prefix, "*"
/// for any characters).
/// </summary>
public sealed class RobotsRules
{
    public static readonly IReadOnlyList<string> Always = ["/admin", "/compte"];

    private readonly Regex[] _patterns;

    private RobotsRules(IReadOnlyList<string> disallowed)
    {
        Disallowed = disallowed;
        _patterns = disallowed.Select(d => new Regex("^" + Regex.Escape(d).Replace(@"\*", ".*"), RegexOptions.CultureInvariant)).ToArray();
    }

    /// <summary>Tenant-relative prefixes, in a stable order.</summary>
    public IReadOnlyList<string> Disallowed { get; }

    public static RobotsRules For(TenantInfo tenant, ModuleCatalog modules)
        => new(Always.Concat(modules.Modules.Where(m => modules.IsEnabled(tenant, m.Id)).SelectMany(m => m.PrivatePaths)).Distinct(StringComparer.Ordinal).ToList());

    public bool IsPrivate(string path)
    {
        var bare = path.Split('?', 2)[0];
        return _patterns.Any(p => p.IsMatch(bare));
    }
}
