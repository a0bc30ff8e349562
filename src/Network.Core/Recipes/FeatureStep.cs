using System.Text.Json.Nodes;
using Network.Core.Modules;

namespace Network.Core.Recipes;

/// <summary><c>{ "name": "Feature", "enable": ["Accounts"], "disable": [] }</c>: enabling brings dependencies along.</summary>
public sealed class FeatureStep(ModuleCatalog modules) : RecipeStepHandler
{
    public override string Name => "Feature";

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        var enable = validation.StringArray(step, "enable", required: false) ?? [];
        var disable = validation.StringArray(step, "disable", required: false) ?? [];
        if (step["enable"] is null && step["disable"] is null)
            validation.Error("enable", "indiquer au moins « enable » ou « disable »");
        foreach (var (id, field) in enable.Select((id, i) => (id, $"enable[{i}]")).Concat(disable.Select((id, i) => (id, $"disable[{i}]"))))
        {
            if (modules.Find(id) is null) validation.Error(field, $"module inconnu « {id} »");
        }
        var known = enable.Where(id => modules.Find(id) is not null);
        foreach (var id in modules.WithDependencies(known)) validation.Context.Features.Add(id);
        foreach (var id in disable.Where(id => modules.Find(id) is not null)) validation.Context.Features.Remove(id);
    }

    public override Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var enable = step["enable"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [];
        var disable = new HashSet<string>(step["disable"]?.AsArray().Select(n => n!.GetValue<string>()) ?? [], StringComparer.OrdinalIgnoreCase);
        var features = modules.WithDependencies(context.Tenant.Features.Concat(enable)).Where(id => !disable.Contains(id));
        context.Tenant.Features = modules.WithDependencies(features).ToList();
        return Task.CompletedTask;
    }
}
