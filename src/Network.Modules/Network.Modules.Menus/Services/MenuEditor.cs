using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Network.Core.Data;
using Network.Core.Modules;
using Network.Core.Tenancy;
using Network.Modules.Menus.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Menus.Services;

/// <summary>What a coordinator typed in the add or edit form. Only the field of the chosen kind is read.</summary>
public sealed record MenuEntryInput(MenuEntryKind Kind, int? PageId = null, string? ModulePath = null, string? Path = null, string? Url = null,
    string? Label = null, string? LabelEn = null);

/// <summary>The outcome of a change to the menu: null error on success.</summary>
public sealed record MenuChange(string? Error, bool NotFound = false)
{
    public static readonly MenuChange Ok = new((string?)null);
    public static readonly MenuChange Missing = new(null, NotFound: true);
    public const string StaleMessage = "Le menu a été modifié entre-temps (par vous dans un autre onglet ou par quelqu'un d'autre) : rien n'a été changé. Voici le menu à jour, recommencez si besoin.";
    public bool Succeeded => Error is null && !NotFound;
}

/// <summary>One entry as the editor shows it, with its submenu and why it is hidden from visitors, if it is.</summary>
public sealed record MenuEditorEntry(int Id, MenuEntryKind Kind, string DisplayLabel, string Label, string LabelEn, int? PageId, string? Target,
    string? Hidden, IReadOnlyList<MenuEditorEntry> Children)
{
    public bool IsGroup => Kind == MenuEntryKind.Group || Children.Count > 0;
}

/// <summary>The menu in the editor: saved or the default one (entries with negative ids until the first change saves them).</summary>
public sealed record MenuDraft(bool IsCustom, int Version, IReadOnlyList<MenuEditorEntry> Entries)
{
    public int Count => Entries.Sum(e => 1 + e.Children.Count);
}

/// <summary>
/// Coordinators' changes to the current tenant's menu. Every change names the version it was based on and is
/// refused when the menu moved on; the first change of a tenant without a saved menu saves the default one first.
/// </summary>
public sealed class MenuEditor(MenusDbContext db, DatabaseSession session, TenantContext tenantContext, ModuleCatalog modules,
    PageDirectory pages, MenuCache cache, IStringLocalizer localizer, TimeProvider clock)
{
    private TenantInfo Tenant => tenantContext.Required;

    /// <summary>The menu as the editor shows it: every entry, the hidden ones with the reason.</summary>
    public async Task<MenuDraft> LoadAsync(CancellationToken cancellationToken = default)
    {
        var state = await db.States.AsNoTracking().FirstOrDefaultAsync(s => s.Id == MenuState.SingletonId, cancellationToken);
        var rows = state?.IsCustom == true ? await db.Entries.AsNoTracking().ToListAsync(cancellationToken) : DefaultRows();
        var published = (await pages.PublishedAsync(cancellationToken)).ToDictionary(p => p.Id);
        var tree = Tree(rows);
        return new MenuDraft(state?.IsCustom == true, state?.Version ?? 0, tree.Select(n => Describe(n, published)).ToList());
    }

    public Task<MenuChange> AddAsync(int expectedVersion, MenuEntryInput input, int? parentId, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, async tree =>
        {
            var (row, error) = await CheckAsync(input, cancellationToken);
            if (error is not null) return new MenuChange(error);
            var node = new Node(row!, 0);
            if (parentId is null)
            {
                tree.Add(node);
                return MenuChange.Ok;
            }
            var parent = tree.FirstOrDefault(n => n.Key == parentId);
            if (parent is null) return new MenuChange("Le sous-menu choisi n'existe pas : choisissez une entrée du premier niveau.");
            if (input.Kind == MenuEntryKind.Group) return new MenuChange("Un titre de sous-menu reste au premier niveau : le menu n'a qu'un niveau de sous-menus.");
            parent.Children.Add(node);
            return MenuChange.Ok;
        }, cancellationToken);

    public Task<MenuChange> UpdateAsync(int expectedVersion, int id, MenuEntryInput input, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, async tree =>
        {
            if (Find(tree, id) is not { } found) return MenuChange.Missing;
            var row = found.Node.Row;
            var (checkedRow, error) = await CheckAsync(input with { Kind = row.Kind }, cancellationToken);
            if (error is not null) return new MenuChange(error);
            (row.PageId, row.ModuleId, row.Target, row.Label, row.LabelEn) = (checkedRow!.PageId, checkedRow.ModuleId, checkedRow.Target, checkedRow.Label, checkedRow.LabelEn);
            return MenuChange.Ok;
        }, cancellationToken);

    /// <param name="offset">-1 to move up, +1 to move down, among the entry's siblings.</param>
    public Task<MenuChange> MoveAsync(int expectedVersion, int id, int offset, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, tree =>
        {
            if (Find(tree, id) is not { } found) return Task.FromResult(MenuChange.Missing);
            var target = found.Index + Math.Sign(offset);
            if (offset != 0 && target >= 0 && target < found.Siblings.Count)
                (found.Siblings[found.Index], found.Siblings[target]) = (found.Siblings[target], found.Siblings[found.Index]);
            return Task.FromResult(MenuChange.Ok);
        }, cancellationToken);

    /// <summary>Places a top-level entry at the end of the submenu of the entry before it.</summary>
    public Task<MenuChange> IndentAsync(int expectedVersion, int id, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, tree =>
        {
            if (Find(tree, id) is not { } found) return Task.FromResult(MenuChange.Missing);
            if (found.Parent is not null) return Task.FromResult(new MenuChange("Cette entrée est déjà dans un sous-menu : le menu n'a qu'un niveau de sous-menus."));
            if (found.Node.Children.Count > 0 || found.Node.Row.Kind == MenuEntryKind.Group)
                return Task.FromResult(new MenuChange("Un sous-menu ne peut pas être placé dans un autre : le menu n'a qu'un niveau de sous-menus."));
            if (found.Index == 0) return Task.FromResult(new MenuChange("La première entrée ne peut pas être placée sous une entrée précédente."));
            var previous = tree[found.Index - 1];
            tree.RemoveAt(found.Index);
            previous.Children.Add(found.Node);
            return Task.FromResult(MenuChange.Ok);
        }, cancellationToken);

    /// <summary>Takes an entry out of its submenu, right after the entry that held it.</summary>
    public Task<MenuChange> OutdentAsync(int expectedVersion, int id, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, tree =>
        {
            if (Find(tree, id) is not { } found) return Task.FromResult(MenuChange.Missing);
            if (found.Parent is null) return Task.FromResult(new MenuChange("Cette entrée est déjà au premier niveau."));
            found.Siblings.RemoveAt(found.Index);
            tree.Insert(tree.IndexOf(found.Parent) + 1, found.Node);
            return Task.FromResult(MenuChange.Ok);
        }, cancellationToken);

    /// <summary>Removes an entry and, for a submenu, its entries.</summary>
    public Task<MenuChange> DeleteAsync(int expectedVersion, int id, CancellationToken cancellationToken = default)
        => ChangeAsync(expectedVersion, tree =>
        {
            if (Find(tree, id) is not { } found) return Task.FromResult(MenuChange.Missing);
            found.Siblings.RemoveAt(found.Index);
            return Task.FromResult(MenuChange.Ok);
        }, cancellationToken);

    /// <summary>Back to the default menu of the enabled modules; the version keeps counting so older forms stay stale.</summary>
    public async Task<MenuChange> ResetAsync(int expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var state = await db.States.FirstOrDefaultAsync(s => s.Id == MenuState.SingletonId, cancellationToken);
        if ((state?.Version ?? 0) != expectedVersion) return new MenuChange(MenuChange.StaleMessage);
        if (state is null || !state.IsCustom) return MenuChange.Ok;
        db.Entries.RemoveRange(await db.Entries.ToListAsync(cancellationToken));
        state.IsCustom = false;
        state.Version++;
        state.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new MenuChange(MenuChange.StaleMessage);
        }
        return await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Replaces the menu with <paramref name="entries"/> (the recipe step): top-level rows with their children.</summary>
    public async Task ReplaceAsync(string tenant, IReadOnlyList<(MenuEntry Entry, IReadOnlyList<MenuEntry> Children)> entries, CancellationToken cancellationToken = default)
    {
        var state = await db.States.FirstOrDefaultAsync(s => s.Id == MenuState.SingletonId, cancellationToken);
        var tree = entries.Select(e => new Node(e.Entry, 0) { Children = e.Children.Select(c => new Node(c, 0)).ToList() }).ToList();
        await SaveTreeAsync(state, tree, cancellationToken);
        cache.Changed(tenant);
    }

    private async Task<MenuChange> ChangeAsync(int expectedVersion, Func<List<Node>, Task<MenuChange>> apply, CancellationToken cancellationToken)
    {
        await using var transaction = await session.BeginTenantTransactionAsync(cancellationToken);
        var state = await db.States.FirstOrDefaultAsync(s => s.Id == MenuState.SingletonId, cancellationToken);
        if ((state?.Version ?? 0) != expectedVersion) return new MenuChange(MenuChange.StaleMessage);
        var tree = Tree(state?.IsCustom == true ? await db.Entries.ToListAsync(cancellationToken) : DefaultRows());
        var result = await apply(tree);
        if (!result.Succeeded) return result;
        if (tree.Sum(n => 1 + n.Children.Count) > MenuRules.MaxEntries)
            return new MenuChange($"Le menu ne peut compter plus de {MenuRules.MaxEntries} entrées, sous-menus compris : supprimez-en avant d'en ajouter.");
        try
        {
            await SaveTreeAsync(state, tree, cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return new MenuChange(MenuChange.StaleMessage);
        }
        return await CommitAsync(transaction, cancellationToken);
    }

    /// <summary>Writes the tree: rows no longer in it are deleted, the others get their place; top level first for the parents' ids.</summary>
    private async Task SaveTreeAsync(MenuState? state, List<Node> tree, CancellationToken cancellationToken)
    {
        if (state is null)
        {
            state = new MenuState();
            db.States.Add(state);
        }
        state.IsCustom = true;
        state.Version++;
        state.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        var kept = tree.SelectMany(n => n.Children.Prepend(n)).Select(n => n.Row).ToHashSet();
        var stored = await db.Entries.ToListAsync(cancellationToken);
        db.Entries.RemoveRange(stored.Where(r => !kept.Contains(r)));
        for (var i = 0; i < tree.Count; i++) Place(tree[i].Row, null, i);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var parent in tree)
        {
            for (var i = 0; i < parent.Children.Count; i++) Place(parent.Children[i].Row, parent.Row.Id, i);
        }
        await db.SaveChangesAsync(cancellationToken);

        void Place(MenuEntry row, int? parentId, int position)
        {
            row.ParentEntryId = parentId;
            row.Position = position + 1;
            if (db.Entry(row).State == EntityState.Detached)
            {
                row.Id = 0;
                db.Entries.Add(row);
            }
        }
    }

    private async Task<MenuChange> CommitAsync(SessionTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.CommitAsync(cancellationToken);
        cache.Changed(Tenant.Name);
        return MenuChange.Ok;
    }

    /// <summary>Checks what was typed for an entry of <see cref="MenuEntryInput.Kind"/> and returns the row to store.</summary>
    private async Task<(MenuEntry? Row, string? Error)> CheckAsync(MenuEntryInput input, CancellationToken cancellationToken)
    {
        var label = MenuTargets.CleanLabel(input.Label);
        var labelEn = MenuTargets.CleanLabel(input.LabelEn);
        var row = new MenuEntry { Kind = input.Kind, Label = label, LabelEn = labelEn };
        var labelRequired = input.Kind is MenuEntryKind.Group or MenuEntryKind.Path or MenuEntryKind.External;
        if (MenuTargets.CheckLabel(label, labelRequired) is { } labelError) return (null, labelError);
        if (MenuTargets.CheckLabel(labelEn, false) is { } labelEnError) return (null, labelEnError);
        switch (input.Kind)
        {
            case MenuEntryKind.Group:
                break;
            case MenuEntryKind.Page:
                var published = await pages.PublishedAsync(cancellationToken);
                if (input.PageId is not { } pageId || published.All(p => p.Id != pageId))
                    return (null, "Choisissez une page publiée du site : celle-ci n'existe pas ou n'est pas publiée.");
                row.PageId = pageId;
                break;
            case MenuEntryKind.Module:
                if (MenuTargets.FindModuleList(modules, input.ModulePath) is not { } list || !modules.IsEnabled(Tenant, list.Module.Id))
                    return (null, "Choisissez une rubrique parmi celles des modules activés sur ce site.");
                (row.ModuleId, row.Target) = (list.Module.Id, list.Item.Path);
                break;
            case MenuEntryKind.Path:
                var (path, pathError) = MenuTargets.CheckPath(input.Path);
                if (pathError is not null) return (null, pathError);
                row.Target = path;
                break;
            case MenuEntryKind.External:
                var (url, urlError) = MenuTargets.CheckUrl(input.Url);
                if (urlError is not null) return (null, urlError);
                row.Target = url;
                break;
            default:
                return (null, "Choisissez le type de l'entrée.");
        }
        return (row, null);
    }

    /// <summary>The default menu as unsaved rows (ids -1, -2… so the editor's forms can name them).</summary>
    private List<MenuEntry> DefaultRows()
        => modules.MainNavigation(Tenant).Select((item, i) => new MenuEntry
        {
            Id = -(i + 1),
            Kind = MenuEntryKind.Module,
            ModuleId = modules.AllNavigation.First(n => n.Item == item).Module.Id,
            Target = item.Path,
            Position = i + 1,
        }).ToList();

    private MenuEditorEntry Describe(Node node, IReadOnlyDictionary<int, PageLink> published)
    {
        var row = node.Row;
        string? hidden = null;
        string display;
        switch (row.Kind)
        {
            case MenuEntryKind.Page:
                var page = row.PageId is { } id ? published.GetValueOrDefault(id) : null;
                hidden = page is null ? "la page n'est plus publiée" : null;
                display = row.Label.Length > 0 ? row.Label : page?.Title ?? localizer["Page retirée"];
                break;
            case MenuEntryKind.Module:
                var list = MenuTargets.FindModuleList(modules, row.Target);
                hidden = list is null || row.ModuleId is null || !modules.IsEnabled(Tenant, row.ModuleId) ? "le module n'est pas activé sur ce site" : null;
                display = row.Label.Length > 0 ? row.Label : list is { } l ? localizer[l.Item.Label] : row.Target ?? "";
                break;
            default:
                display = row.Label.Length > 0 ? row.Label : row.Target ?? "";
                break;
        }
        var children = node.Children.Select(c => Describe(c, published)).ToList();
        if (hidden is null && (row.Kind == MenuEntryKind.Group || children.Count > 0) && children.All(c => c.Hidden is not null))
            hidden = "son sous-menu est vide";
        return new MenuEditorEntry(node.Key, row.Kind, display, row.Label, row.LabelEn, row.PageId, row.Target, hidden, children);
    }

    private static List<Node> Tree(List<MenuEntry> rows)
    {
        var top = rows.Where(r => r.ParentEntryId is null).OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new Node(r, r.Id)).ToList();
        foreach (var node in top)
            node.Children = rows.Where(r => r.ParentEntryId == node.Key).OrderBy(r => r.Position).ThenBy(r => r.Id).Select(r => new Node(r, r.Id)).ToList();
        return top;
    }

    private static (Node Node, List<Node> Siblings, int Index, Node? Parent)? Find(List<Node> tree, int key)
    {
        for (var i = 0; i < tree.Count; i++)
        {
            if (tree[i].Key == key) return (tree[i], tree, i, null);
            var j = tree[i].Children.FindIndex(c => c.Key == key);
            if (j >= 0) return (tree[i].Children[j], tree[i].Children, j, tree[i]);
        }
        return null;
    }

    /// <summary>An entry being edited: <see cref="Key"/> is its id as the forms name it (negative for a default entry).</summary>
    private sealed class Node(MenuEntry row, int key)
    {
        public MenuEntry Row { get; } = row;
        public int Key { get; } = key;
        public List<Node> Children { get; set; } = [];
    }
}
