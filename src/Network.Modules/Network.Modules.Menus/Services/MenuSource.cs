using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Network.Core.Modules;
using Network.Core.Navigation;
using Network.Core.Tenancy;
using Network.Modules.Content.Services;
using Network.Modules.Menus.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Menus.Services;

/// <summary>What a tenant's menu is made of at one moment: its saved entries (in order) and its published pages.</summary>
public sealed record MenuSnapshot(bool IsCustom, int Version, IReadOnlyList<MenuEntry> Entries, IReadOnlyDictionary<int, PageLink> Pages)
{
    public static readonly MenuSnapshot None = new(false, 0, [], new Dictionary<int, PageLink>());

    /// <summary>Top-level entries in order.</summary>
    public IEnumerable<MenuEntry> TopLevel => Entries.Where(e => e.ParentEntryId is null).OrderBy(e => e.Position).ThenBy(e => e.Id);

    public IEnumerable<MenuEntry> ChildrenOf(int id) => Entries.Where(e => e.ParentEntryId == id).OrderBy(e => e.Position).ThenBy(e => e.Id);
}

/// <summary>
/// Each tenant's <see cref="MenuSnapshot"/>, kept until the tenant's menu or content changes (a page published,
/// renamed or withdrawn), so the header reads no database once warm.
/// </summary>
public sealed class MenuCache(ContentChangeNotifier content)
{
    private readonly ConcurrentDictionary<string, long> _menuGenerations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (long Menu, long Content, MenuSnapshot Snapshot)> _entries = new(StringComparer.Ordinal);

    /// <summary>Called after a menu change has committed.</summary>
    public void Changed(string tenant) => _menuGenerations.AddOrUpdate(tenant, 1, (_, g) => g + 1);

    public async Task<MenuSnapshot> GetAsync(string tenant, IServiceProvider services, CancellationToken cancellationToken)
    {
        // Generations are read before loading: a change committed meanwhile makes this load stale at once.
        var menu = _menuGenerations.GetValueOrDefault(tenant);
        var contentGeneration = content.Generation(tenant);
        if (_entries.TryGetValue(tenant, out var entry) && entry.Menu == menu && entry.Content == contentGeneration) return entry.Snapshot;
        var snapshot = await LoadAsync(services, cancellationToken);
        _entries[tenant] = (menu, contentGeneration, snapshot);
        return snapshot;
    }

    /// <summary>Reads the current tenant's saved menu and, when it has one, its published pages.</summary>
    public static async Task<MenuSnapshot> LoadAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var db = services.GetRequiredService<MenusDbContext>();
        var state = await db.States.AsNoTracking().FirstOrDefaultAsync(s => s.Id == MenuState.SingletonId, cancellationToken);
        if (state is null) return MenuSnapshot.None;
        if (!state.IsCustom) return MenuSnapshot.None with { Version = state.Version };
        var entries = await db.Entries.AsNoTracking().OrderBy(e => e.ParentEntryId).ThenBy(e => e.Position).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var pages = entries.Any(e => e.Kind == MenuEntryKind.Page)
            ? (await services.GetRequiredService<PageDirectory>().PublishedAsync(cancellationToken)).ToDictionary(p => p.Id)
            : new Dictionary<int, PageLink>();
        return new MenuSnapshot(true, state.Version, entries, pages);
    }
}

/// <summary>
/// The main menu where the Menus module is enabled and a menu has been saved; otherwise the default menu of the
/// enabled modules. Entries of disabled modules and unpublished pages vanish, and so does a submenu left empty.
/// </summary>
public sealed class MenuSource(ModuleCatalog modules, ModuleMainMenuSource defaults, MenuCache cache, IStringLocalizer localizer) : IMainMenuSource
{
    public async Task<IReadOnlyList<MenuLink>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
    {
        var tenant = context.RequestServices.GetService<TenantContext>()?.Tenant;
        if (tenant is null) return [];
        if (!modules.IsEnabled(tenant, MenusModule.ModuleId)) return defaults.Default(tenant);
        var snapshot = await cache.GetAsync(tenant.Name, context.RequestServices, cancellationToken);
        return snapshot.IsCustom ? Resolve(snapshot, tenant) : defaults.Default(tenant);
    }

    /// <summary>The visible menu of <paramref name="snapshot"/> for <paramref name="tenant"/>, labels in the current UI culture.</summary>
    public IReadOnlyList<MenuLink> Resolve(MenuSnapshot snapshot, TenantInfo tenant)
    {
        var links = new List<MenuLink>();
        foreach (var entry in snapshot.TopLevel)
        {
            var children = snapshot.ChildrenOf(entry.Id).ToList();
            if (children.Count > 0 || entry.Kind == MenuEntryKind.Group)
            {
                var visible = children.Select(c => Link(c, snapshot, tenant)).OfType<MenuLink>().ToList();
                if (visible.Count == 0) continue;
                var label = Label(entry, DefaultLabel(entry, snapshot) ?? "");
                links.Add(new MenuLink(label, "", visible));
            }
            else if (Link(entry, snapshot, tenant) is { } link)
            {
                links.Add(link);
            }
        }
        return links;
    }

    private MenuLink? Link(MenuEntry entry, MenuSnapshot snapshot, TenantInfo tenant)
    {
        switch (entry.Kind)
        {
            case MenuEntryKind.Page when entry.PageId is { } id && snapshot.Pages.TryGetValue(id, out var page):
                return new MenuLink(Label(entry, page.Title), page.Path);
            case MenuEntryKind.Module when entry.ModuleId is { } moduleId && modules.IsEnabled(tenant, moduleId)
                && MenuTargets.FindModuleList(modules, entry.Target) is { } list && string.Equals(list.Module.Id, moduleId, StringComparison.OrdinalIgnoreCase):
                return new MenuLink(Label(entry, localizer[list.Item.Label]), list.Item.Path);
            case MenuEntryKind.Path when entry.Target is { Length: > 0 } path:
                return new MenuLink(Label(entry, path), path);
            case MenuEntryKind.External when entry.Target is { Length: > 0 } url:
                return new MenuLink(Label(entry, url), url, [], IsExternal: true);
            default:
                return null;
        }
    }

    private string? DefaultLabel(MenuEntry entry, MenuSnapshot snapshot) => entry.Kind switch
    {
        MenuEntryKind.Page when entry.PageId is { } id && snapshot.Pages.TryGetValue(id, out var page) => page.Title,
        MenuEntryKind.Module when MenuTargets.FindModuleList(modules, entry.Target) is { } list => localizer[list.Item.Label],
        _ => entry.Target,
    };

    /// <summary>The English label for English visitors when there is one, else the French label, else the default.</summary>
    private static string Label(MenuEntry entry, string fallback)
    {
        if (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" && entry.LabelEn.Length > 0) return entry.LabelEn;
        return entry.Label.Length > 0 ? entry.Label : fallback;
    }
}
