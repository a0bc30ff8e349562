using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Home.Services;
using Network.Modules.Media.Services;

namespace Network.Modules.Home.Recipes;

/// <summary>
/// Composes and publishes the tenant's home page:
/// <c>{ "name": "HomeLayout", "sample": true, "optional": true, "blocks": [ { "type": "hero", "title": "…", "text": "…",
/// "linkLabel": "…", "linkUrl": "/projets", "image": { "motif": "…", "alt": "…" } }, { "type": "news-latest", "count": 3 } ] }</c>.
/// A block type must belong to a module the recipe enables; <c>image</c> is a sample picture drawn and stored in the
/// media library (Media enabled). <c>sample</c>: skipped when <c>Network:SampleContent</c> is false.
/// </summary>
public sealed class HomeLayoutStep(ModuleCatalog modules, TenantScopeFactory scopes, IOptions<NetworkOptions> options) : RecipeStepHandler
{
    private static readonly string[] StepFields = ["name", "blocks", "optional", "sample"];
    private static readonly string[] BlockFields = ["type", "title", "text", "linkLabel", "linkUrl", "count", "image"];

    public override string Name => "HomeLayout";
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var unknown in step.Select(p => p.Key).Where(k => !StepFields.Contains(k)))
            validation.Error(unknown, "champ inconnu");
        foreach (var flag in new[] { "optional", "sample" })
        {
            if (step[flag] is not null && !(step[flag] is JsonValue v && v.TryGetValue<bool>(out _))) validation.Error(flag, "doit être true ou false");
        }
        if (step["sample"] is JsonValue sv && sv.TryGetValue<bool>(out var sample) && sample && !options.Value.SampleContent) return;
        if (step["blocks"] is not JsonArray blocks)
        {
            validation.Error("blocks", "champ obligatoire : la liste des blocs de la page d'accueil");
            return;
        }
        if (blocks.Count > HomeLayoutRules.MaxBlocks) validation.Error("blocks", $"une page d'accueil a au plus {HomeLayoutRules.MaxBlocks} blocs");
        var features = validation.Context.Features;
        var offered = modules.Modules.Where(m => m.IsAlwaysEnabled || features.Contains(m.Id)).SelectMany(m => m.HomeBlocks).ToDictionary(t => t.Id);
        for (var i = 0; i < blocks.Count; i++)
        {
            var at = $"blocks[{i}]";
            if (blocks[i] is not JsonObject block)
            {
                validation.Error(at, "doit être un objet");
                continue;
            }
            foreach (var unknown in block.Select(p => p.Key).Where(k => !BlockFields.Contains(k)))
                validation.Error($"{at}.{unknown}", "champ inconnu");
            var typeId = block["type"] is JsonValue tv && tv.TryGetValue<string>(out var t) ? t : null;
            if (typeId is null)
            {
                validation.Error($"{at}.type", "champ obligatoire : le type du bloc");
                continue;
            }
            if (!offered.TryGetValue(typeId, out var type))
            {
                var declared = modules.AllHomeBlockTypes.Any(x => x.Type.Id == typeId);
                // A type no module of this build declares is kept for the module that will (skipped on the page until then).
                if (!declared && HomeLayoutRules.IsWellFormedTypeId(typeId)) continue;
                validation.Error($"{at}.type", declared
                    ? $"le bloc « {typeId} » appartient à un module que la recette n'active pas"
                    : $"type de bloc inconnu « {typeId} »");
                continue;
            }
            var settings = Read(block, at, validation.Error);
            if (settings is null) continue;
            if (block["image"] is not null)
            {
                if (!type.Settings.HasFlag(HomeBlockSettings.Image)) validation.Error($"{at}.image", "ce bloc n'a pas d'image");
                else if (!features.Contains("Media")) validation.Error($"{at}.image", "une image a besoin du module Media");
                else if (block["image"] is not JsonObject image) validation.Error($"{at}.image", "doit être un objet (motif, palette, alt, credit)");
                else
                {
                    foreach (var unknown in image.Select(p => p.Key).Where(k => !SampleImageUploader.SpecFields.Contains(k)))
                        validation.Error($"{at}.image.{unknown}", "champ inconnu");
                    SampleImageUploader.ValidateSpec(image, (f, m) => validation.Error($"{at}.image.{f}", m));
                }
            }
            // The scope (hub or region) is checked when the step runs, against the tenant itself.
            foreach (var (field, message) in HomeLayoutRules.ValidateSettings(settings, type))
                validation.Error($"{at}.{char.ToLowerInvariant(field[0])}{field[1..]}", message);
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        if (step["sample"]?.GetValue<bool>() == true && !options.Value.SampleContent) return;
        var tenant = context.Services.GetRequiredService<TenantContext>().Required;
        var blocks = new List<HomeBlock>();
        var items = step["blocks"]!.AsArray();
        for (var i = 0; i < items.Count; i++)
        {
            var node = items[i]!.AsObject();
            var block = Read(node, "", (_, message) => throw new InvalidOperationException(message))!;
            if (node["image"] is JsonObject image)
            {
                // One unit of work per change, as requests do.
                await using var scope = scopes.CreateScope(tenant);
                var item = await scope.ServiceProvider.GetRequiredService<SampleImageUploader>().UploadItemAsync(image, $"accueil-{block.Type}-{i + 1}", cancellationToken);
                block = block with { ImageId = item.Id };
            }
            blocks.Add(block);
        }
        await using (var scope = scopes.CreateScope(tenant))
        {
            var result = await scope.ServiceProvider.GetRequiredService<HomeLayouts>().ReplaceAndPublishAsync(blocks, "recette", cancellationToken);
            if (!result.Succeeded)
                throw new InvalidOperationException("page d'accueil refusée : " + string.Join(" ; ", result.Errors.Select(e => $"{e.Field} {e.Message}")));
        }
    }

    /// <summary>The block's settings as typed values (the image comes later); null after reporting a wrongly typed field.</summary>
    private static HomeBlock? Read(JsonObject block, string at, Action<string, string> error)
    {
        var ok = true;
        string? Text(string field)
        {
            if (block[field] is null) return null;
            if (block[field] is JsonValue v && v.TryGetValue<string>(out var s)) return s;
            error($"{at}.{field}", "doit être un texte");
            ok = false;
            return null;
        }
        int? count = null;
        if (block["count"] is not null)
        {
            if (block["count"] is JsonValue cv && cv.TryGetValue<int>(out var c)) count = c;
            else
            {
                error($"{at}.count", "doit être un nombre entier");
                ok = false;
            }
        }
        var result = new HomeBlock
        {
            Type = Text("type") ?? "",
            Title = Text("title"),
            Text = Text("text"),
            LinkLabel = Text("linkLabel"),
            LinkUrl = Text("linkUrl"),
            Count = count,
        };
        return ok ? result : null;
    }
}
