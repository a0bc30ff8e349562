using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Menus.Data;
using Network.Modules.Menus.Services;
using Network.Modules.Pages.Services;

namespace Network.Modules.Menus.Pages.Admin;

/// <summary>
/// The main menu editor: every change is a small form posting the menu version it was drawn from (no JavaScript
/// needed); a stale version changes nothing and shows the menu as it now is.
/// </summary>
[RequirePermission("ManageMenu")]
public sealed class MenuModel(MenuEditor editor, PageDirectory pageDirectory, ModuleCatalog modules, TenantContext tenantContext, IStringLocalizer T) : PageModel
{
    public MenuDraft Menu { get; private set; } = new(false, 0, []);
    public IReadOnlyList<PageLink> Pages { get; private set; } = [];
    public IReadOnlyList<(NetworkModule Module, NavigationItem Item)> ModuleLists { get; private set; } = [];

    /// <summary>The entry whose edit form is open (<c>?modifier=12</c>), if any.</summary>
    public MenuEditorEntry? Editing { get; private set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public string? FormError { get; private set; }

    /// <summary>The form the error belongs to ("add", "edit", "entry-12") and what was typed in the add or edit form.</summary>
    public string? ErrorForm { get; private set; }
    public IReadOnlyDictionary<string, string?> Typed { get; private set; } = new Dictionary<string, string?>();

    public static readonly IReadOnlyList<(MenuEntryKind Kind, string Label)> Kinds =
    [
        (MenuEntryKind.Page, "Une page du site"),
        (MenuEntryKind.Module, "Une rubrique (liste d'un module)"),
        (MenuEntryKind.Path, "Une autre adresse du site"),
        (MenuEntryKind.External, "Un lien vers un autre site"),
        (MenuEntryKind.Group, "Un titre de sous-menu"),
    ];

    public async Task<IActionResult> OnGetAsync(int? modifier)
    {
        await LoadAsync();
        if (modifier is { } id)
        {
            Editing = Find(id);
            if (Editing is null) return NotFound();
        }
        return Page();
    }

    public Task<IActionResult> OnPostAddAsync(int? version, string? kind, int? pageId, string? module, string? path, string? url, string? label, string? labelEn, string? parentId)
    {
        Typed = new Dictionary<string, string?> { ["kind"] = kind, ["pageId"] = pageId?.ToString(), ["module"] = module, ["path"] = path, ["url"] = url, ["label"] = label, ["labelEn"] = labelEn, ["parentId"] = parentId };
        if (!Enum.TryParse<MenuEntryKind>(kind, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(kind, out _))
            return RefuseAsync("add", T["Choisissez le type de l'entrée."], StatusCodes.Status400BadRequest);
        int? parent = null;
        if (!string.IsNullOrEmpty(parentId))
        {
            if (!int.TryParse(parentId, out var p)) return InvalidAsync("add");
            parent = p;
        }
        return ApplyAsync("add", version, v => editor.AddAsync(v, new MenuEntryInput(parsed, pageId, module, path, url, label, labelEn), parent), T["Entrée ajoutée au menu."]);
    }

    public Task<IActionResult> OnPostEditAsync(int? version, int? id, int? pageId, string? module, string? path, string? url, string? label, string? labelEn)
    {
        Typed = new Dictionary<string, string?> { ["pageId"] = pageId?.ToString(), ["module"] = module, ["path"] = path, ["url"] = url, ["label"] = label, ["labelEn"] = labelEn };
        if (id is null) return InvalidAsync("edit");
        return ApplyAsync("edit", version, async v =>
        {
            var kind = (await editor.LoadAsync()).Entries.SelectMany(e => e.Children.Prepend(e)).FirstOrDefault(e => e.Id == id)?.Kind;
            return kind is null ? MenuChange.Missing : await editor.UpdateAsync(v, id.Value, new MenuEntryInput(kind.Value, pageId, module, path, url, label, labelEn));
        }, T["Entrée modifiée."], editing: id);
    }

    public Task<IActionResult> OnPostMoveAsync(int? version, int? id, string? direction)
        => id is null || direction is not ("up" or "down") ? InvalidAsync($"entry-{id}")
            : ApplyAsync($"entry-{id}", version, v => editor.MoveAsync(v, id.Value, direction == "up" ? -1 : 1), T["Ordre enregistré."]);

    public Task<IActionResult> OnPostIndentAsync(int? version, int? id)
        => id is null ? InvalidAsync("entry") : ApplyAsync($"entry-{id}", version, v => editor.IndentAsync(v, id.Value), T["Entrée placée dans le sous-menu."]);

    public Task<IActionResult> OnPostOutdentAsync(int? version, int? id)
        => id is null ? InvalidAsync("entry") : ApplyAsync($"entry-{id}", version, v => editor.OutdentAsync(v, id.Value), T["Entrée remontée au premier niveau."]);

    public Task<IActionResult> OnPostDeleteAsync(int? version, int? id)
        => id is null ? InvalidAsync("entry") : ApplyAsync($"entry-{id}", version, v => editor.DeleteAsync(v, id.Value), T["Entrée supprimée."]);

    public Task<IActionResult> OnPostResetAsync(int? version)
        => ApplyAsync("reset", version, v => editor.ResetAsync(v), T["Le menu par défaut est rétabli."]);

    private async Task<IActionResult> ApplyAsync(string form, int? version, Func<int, Task<MenuChange>> change, string done, int? editing = null)
    {
        if (!ModelState.IsValid || version is null) return await InvalidAsync(form);
        var result = await change(version.Value);
        if (result.NotFound) return NotFound();
        if (result.Succeeded)
        {
            StatusMessage = done;
            return RedirectToPage();
        }
        var stale = result.Error == MenuChange.StaleMessage;
        return await RefuseAsync(stale ? "stale" : form, T[result.Error!], stale ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest, stale ? null : editing);
    }

    private Task<IActionResult> InvalidAsync(string form)
        => RefuseAsync(form, T["La demande n'est pas valide : rechargez la page et recommencez."], StatusCodes.Status400BadRequest);

    private async Task<IActionResult> RefuseAsync(string form, string error, int status, int? editing = null)
    {
        ErrorForm = form;
        FormError = error;
        await LoadAsync();
        if (editing is { } id) Editing = Find(id);
        Response.StatusCode = status;
        return Page();
    }

    private MenuEditorEntry? Find(int id) => Menu.Entries.SelectMany(e => e.Children.Prepend(e)).FirstOrDefault(e => e.Id == id);

    private async Task LoadAsync()
    {
        Menu = await editor.LoadAsync();
        Pages = (await pageDirectory.PublishedAsync()).OrderBy(p => p.Path, StringComparer.Ordinal).ToList();
        ModuleLists = MenuTargets.ModuleLists(modules, tenantContext.Required);
    }

    /// <summary>The kind's French name for the list ("Page", "Rubrique"…).</summary>
    public static string KindName(MenuEntryKind kind) => kind switch
    {
        MenuEntryKind.Page => "Page",
        MenuEntryKind.Module => "Rubrique",
        MenuEntryKind.Path => "Adresse du site",
        MenuEntryKind.External => "Autre site",
        _ => "Titre de sous-menu",
    };
}
