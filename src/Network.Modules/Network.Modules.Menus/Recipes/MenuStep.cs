using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Modules.Menus.Data;
using Network.Modules.Menus.Services;
using Network.Modules.Pages.Services;

namespace Network.Modules.Menus.Recipes;

/// <summary>
/// <c>{ "name": "Menu", "sample": true, "optional": true, "entries": [ … ] }</c>: the tenant's main menu, replacing
/// any saved one. Each entry is one of <c>{ "page": "a-propos/equipe" }</c> (a published page by its address, run
/// after the steps that create the pages), <c>{ "module": "/actualites" }</c> (a module list),
/// <c>{ "path": "/contact", "label": "…" }</c> (another address of the site), <c>{ "url": "https://…", "label": "…" }</c>
/// or <c>{ "label": "…", "children": [ … ] }</c> (a submenu title); any entry may have <c>label</c>, <c>labelEn</c> and,
/// at the top level only, <c>children</c>.
/// <list type="bullet">
/// <item><c>sample</c>: skipped entirely when <c>Network:SampleContent</c> is false.</item>
/// <item><c>optional</c>: a page that does not exist when the step runs (its sample file was missing) is left out with a
/// log line; without it, a missing page stops the set-up. Everything else is checked before anything is written.</item>
/// </list>
/// </summary>
public sealed class MenuStep(ModuleCatalog modules, IOptions<NetworkOptions> options, ILogger<MenuStep> logger) : RecipeStepHandler
{
    private static readonly string[] StepFields = ["name", "entries", "optional", "sample"];
    private static readonly string[] EntryFields = ["page", "module", "path", "url", "label", "labelEn", "children"];
    private static readonly string[] TargetFields = ["page", "module", "path", "url"];

    public override string Name => "Menu";
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        if (!validation.Context.Features.Contains(MenusModule.ModuleId))
            validation.Error("name", "le module « Menus » doit être activé par une étape Feature précédente");
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k)))
            validation.Error(unknown, "champ inconnu");
        foreach (var flag in new[] { "optional", "sample" })
        {
            if (step[flag] is not null && (step[flag] is not JsonValue v || !v.TryGetValue<bool>(out _)))
                validation.Error(flag, "doit valoir true ou false");
        }
        if (step["entries"] is not JsonArray entries)
        {
            validation.Error("entries", "champ obligatoire : la liste des entrées du menu");
            return;
        }
        var count = 0;
        for (var i = 0; i < entries.Count; i++)
            ValidateEntry(entries[i], $"entries[{i}]", topLevel: true, validation, ref count);
        if (count > MenuRules.MaxEntries) validation.Error("entries", $"au plus {MenuRules.MaxEntries} entrées, sous-menus compris");
    }

    private void ValidateEntry(JsonNode? node, string at, bool topLevel, RecipeValidation validation, ref int count)
    {
        count++;
        if (node is not JsonObject entry)
        {
            validation.Error(at, "doit être un objet");
            return;
        }
        foreach (var unknown in entry.Select(p => p.Key).Where(k => !EntryFields.Contains(k)))
            validation.Error($"{at}.{unknown}", "champ inconnu");
        var targets = TargetFields.Where(f => entry[f] is not null).ToList();
        if (targets.Count > 1) validation.Error(at, $"une seule cible par entrée ({string.Join(", ", targets)})");
        string? Text(string field)
        {
            if (entry[field] is null) return null;
            if (entry[field] is JsonValue v && v.TryGetValue<string>(out var text)) return text;
            validation.Error($"{at}.{field}", "doit être un texte");
            return null;
        }
        var label = MenuTargets.CleanLabel(Text("label"));
        var kind = targets.FirstOrDefault();
        if (MenuTargets.CheckLabel(label, kind is null or "path" or "url") is { } labelError) validation.Error($"{at}.label", labelError);
        if (MenuTargets.CheckLabel(MenuTargets.CleanLabel(Text("labelEn")), false) is { } labelEnError) validation.Error($"{at}.labelEn", labelEnError);
        switch (kind)
        {
            case "page":
                var page = Text("page");
                if (page is not null && MenuTargets.CheckPath("/" + page).Error is not null)
                    validation.Error($"{at}.page", "doit être l'adresse d'une page sans / initial (« a-propos/equipe »)");
                break;
            case "module":
                var list = MenuTargets.FindModuleList(modules, Text("module"));
                if (list is null)
                    validation.Error($"{at}.module", $"rubrique inconnue (rubriques : {string.Join(", ", modules.AllNavigation.Select(n => n.Item.Path))})");
                else if (!validation.Context.Features.Contains(list.Value.Module.Id) && !list.Value.Module.IsAlwaysEnabled)
                    validation.Error($"{at}.module", $"le module « {list.Value.Module.Id} » doit être activé par une étape Feature précédente");
                break;
            case "path":
                if (MenuTargets.CheckPath(Text("path")).Error is { } pathError) validation.Error($"{at}.path", pathError);
                break;
            case "url":
                if (MenuTargets.CheckUrl(Text("url")).Error is { } urlError) validation.Error($"{at}.url", urlError);
                break;
        }
        if (entry["children"] is null)
        {
            if (kind is null) validation.Error(at, "indiquer une cible (page, module, path, url) ou des sous-entrées (children)");
            return;
        }
        if (!topLevel)
        {
            validation.Error($"{at}.children", "un seul niveau de sous-menus");
            return;
        }
        if (entry["children"] is not JsonArray children || children.Count == 0)
        {
            validation.Error($"{at}.children", "doit être une liste d'entrées non vide");
            return;
        }
        for (var i = 0; i < children.Count; i++)
            ValidateEntry(children[i], $"{at}.children[{i}]", topLevel: false, validation, ref count);
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (step["sample"]?.GetValue<bool>() == true && !options.Value.SampleContent) return;
        var optional = step["optional"]?.GetValue<bool>() == true;
        var pages = (await context.Services.GetRequiredService<PageDirectory>().PublishedAsync(cancellationToken))
            .ToDictionary(p => p.Path, StringComparer.OrdinalIgnoreCase);
        MenuEntry? Row(JsonObject entry)
        {
            var row = new MenuEntry
            {
                Label = MenuTargets.CleanLabel(entry["label"]?.GetValue<string>()),
                LabelEn = MenuTargets.CleanLabel(entry["labelEn"]?.GetValue<string>()),
            };
            if (entry["page"]?.GetValue<string>() is { } page)
            {
                if (!pages.TryGetValue("/" + page.Trim('/'), out var found))
                {
                    if (!optional) throw new InvalidOperationException($"Menu step: no published page at '/{page}'.");
                    logger.LogInformation("Menu step of {Tenant}: no published page at /{Page}, entry left out", context.Tenant.Name, page);
                    return null;
                }
                (row.Kind, row.PageId) = (MenuEntryKind.Page, found.Id);
            }
            else if (entry["module"]?.GetValue<string>() is { } module)
            {
                var list = MenuTargets.FindModuleList(modules, module)!.Value;
                (row.Kind, row.ModuleId, row.Target) = (MenuEntryKind.Module, list.Module.Id, list.Item.Path);
            }
            else if (entry["path"]?.GetValue<string>() is { } path) (row.Kind, row.Target) = (MenuEntryKind.Path, MenuTargets.CheckPath(path).Path);
            else if (entry["url"]?.GetValue<string>() is { } url) (row.Kind, row.Target) = (MenuEntryKind.External, url.Trim());
            else row.Kind = MenuEntryKind.Group;
            return row;
        }
        var menu = new List<(MenuEntry, IReadOnlyList<MenuEntry>)>();
        foreach (var entry in step["entries"]!.AsArray().Select(e => e!.AsObject()))
        {
            var children = entry["children"] is JsonArray list ? list.Select(c => Row(c!.AsObject())).OfType<MenuEntry>().ToList() : [];
            var row = Row(entry);
            if (row is null || (entry["children"] is not null && children.Count == 0)) continue;
            menu.Add((row, children));
        }
        await context.Services.GetRequiredService<MenuEditor>().ReplaceAsync(context.Tenant.Name, menu, cancellationToken);
    }
}
