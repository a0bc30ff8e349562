using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Security;
using Network.Modules.Accounts.Data;

namespace Network.Modules.Accounts.Recipes;

/// <summary>
/// <c>{ "name": "Roles", "roles": [ { "name": "Coordinator", "description": "…", "permissions": ["ManageRoles"] } ] }</c>:
/// the permissions each role holds in the tenant.
/// </summary>
public sealed class RolesStep(ModuleCatalog modules) : RecipeStepHandler
{
    public override string Name => "Roles";
    public override bool NeedsTenantDatabase => true;

    public override void Validate(JsonObject step, RecipeValidation validation)
    {
        if (step["roles"] is not JsonArray roles)
        {
            validation.Error("roles", "champ obligatoire : une liste de rôles");
            return;
        }
        var known = modules.Modules.SelectMany(m => m.Permissions).Select(p => p.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < roles.Count; i++)
        {
            if (roles[i] is not JsonObject role)
            {
                validation.Error($"roles[{i}]", "doit être un objet");
                continue;
            }
            var name = validation.RequiredString(role, "name");
            if (name is not null && !NetworkRoles.IsTenantRole(name))
                validation.Error($"roles[{i}].name", $"rôle inconnu « {name} » (rôles : {string.Join(", ", NetworkRoles.TenantRoles)})");
            validation.OptionalString(role, "description");
            var permissions = validation.StringArray(role, "permissions", required: true) ?? [];
            foreach (var permission in permissions.Where(p => !known.Contains(p)))
                validation.Error($"roles[{i}].permissions", $"permission inconnue « {permission} »");
        }
    }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        var db = context.Services.GetRequiredService<TenantRolesDbContext>();
        foreach (var role in step["roles"]!.AsArray().Select(r => r!.AsObject()))
        {
            var name = role["name"]!.GetValue<string>();
            var definition = await db.Roles.SingleOrDefaultAsync(r => r.Name == name, cancellationToken);
            if (definition is null) db.Roles.Add(definition = new RoleDefinition { Name = name });
            definition.Description = role["description"]?.GetValue<string>() ?? definition.Description;
            definition.Permissions = role["permissions"]!.AsArray().Select(p => p!.GetValue<string>()).Distinct().ToList();
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
