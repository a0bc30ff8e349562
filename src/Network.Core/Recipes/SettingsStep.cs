using System.Text.Json.Nodes;
using Network.Core.Tenancy;

namespace Network.Core.Recipes;

/// <summary>
/// <c>{ "name": "Settings", "displayName": ..., "siteName": ..., "blocMarque": ["Préfet", "de la région", "…"], ... }</c>:
/// the tenant's settings and branding. Every field is optional; given fields are validated.
/// </summary>
public sealed class SettingsStep : RecipeStepHandler
{
    public override string Name => "Settings";

    private static readonly string[] TextFields = ["displayName", "siteName", "baseline", "operatorName", "contactEmail", "siret", "defaultCulture"];

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        foreach (var field in TextFields) validation.OptionalString(step, field);
        validation.StringArray(step, "blocMarque", required: false);
        var problems = TenantSettingsRules.Check(
            displayName: Text(step, "displayName"),
            contactEmail: Text(step, "contactEmail"),
            siret: Text(step, "siret"),
            defaultCulture: Text(step, "defaultCulture"),
            blocMarque: step["blocMarque"] is JsonArray a ? a.Select(n => n?.ToString() ?? "").ToList() : null);
        foreach (var (field, message) in problems) validation.Error(field, message);
        foreach (var unknown in step.Select(p => p.Key).Where(k => k != "name" && k != "blocMarque" && !TextFields.Contains(k)))
            validation.Error(unknown, "champ inconnu");
    }

    public override Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var tenant = context.Tenant;
        tenant.DisplayName = Text(step, "displayName") ?? tenant.DisplayName;
        tenant.SiteName = Text(step, "siteName") ?? tenant.SiteName;
        tenant.Baseline = Text(step, "baseline") ?? tenant.Baseline;
        tenant.OperatorName = Text(step, "operatorName") ?? tenant.OperatorName;
        tenant.ContactEmail = Text(step, "contactEmail") ?? tenant.ContactEmail;
        tenant.Siret = Text(step, "siret") ?? tenant.Siret;
        tenant.DefaultCulture = Text(step, "defaultCulture") ?? tenant.DefaultCulture;
        if (step["blocMarque"] is JsonArray lines)
            tenant.BlocMarqueLines = lines.Select(n => n!.GetValue<string>()).Where(l => l.Length > 0).ToList();
        return Task.CompletedTask;
    }

    private static string? Text(JsonObject step, string field)
        => step[field] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
}
