using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Core.Navigation;

/// <summary>
/// An entry of the public main menu, ready to draw. <paramref name="Href"/> is tenant-relative ("/projets",
/// the theme adds the path base) unless <paramref name="IsExternal"/> (an absolute http(s) URL).
/// </summary>
/// <param name="Label">Final text in the visitor's language.</param>
/// <param name="Children">One level of nesting at most; an entry with children is a group (its own link is not drawn).</param>
public sealed record MenuLink(string Label, string Href, IReadOnlyList<MenuLink> Children, bool IsExternal = false)
{
    public MenuLink(string label, string href) : this(label, href, []) { }
}

/// <summary>
/// The tenant's main menu as the header and the site map draw it. The default (<see cref="ModuleMainMenuSource"/>)
/// lists the main-navigation entries of the tenant's enabled modules; the Menus module replaces it with the menu
/// coordinators edit. Called on every public page: answer from memory once warm.
/// </summary>
public interface IMainMenuSource
{
    Task<IReadOnlyList<MenuLink>> GetAsync(HttpContext context, CancellationToken cancellationToken = default);
}

/// <summary>The menu a tenant has before anyone edits it: its enabled modules' <see cref="NavigationItem"/>s, in order.</summary>
public sealed class ModuleMainMenuSource(ModuleCatalog modules, IStringLocalizer localizer) : IMainMenuSource
{
    public Task<IReadOnlyList<MenuLink>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var tenant = context.RequestServices.GetService<TenantContext>()?.Tenant;
        IReadOnlyList<MenuLink> links = tenant is null ? [] : Default(tenant);
        return Task.FromResult(links);
    }

    /// <summary>The default menu of <paramref name="tenant"/>, labels in the current UI culture.</summary>
    public IReadOnlyList<MenuLink> Default(TenantInfo tenant)
        => modules.MainNavigation(tenant).Select(i => new MenuLink(localizer[i.Label], i.Path)).ToList();
}
