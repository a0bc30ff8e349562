using Network.Core.Hosting;
using Network.Core.Recipes;

namespace Network.Modules.Tenants.Cli;

/// <summary>
/// <c>recipes validate [name] [--param Clé=Valeur]...</c>: validates one recipe or every recipe of the recipes
/// folder exactly as tenant creation would, without writing anything. Exit code 2 if any is invalid.
/// </summary>
public sealed class RecipesCommand(RecipeReader recipes) : ICliCommand
{
    public string Name => "recipes";

    public bool NeedsStartup => false;

    public string Usage => """
        recipes validate [nom] [--param Clé=Valeur]...   valide une recette (ou toutes) sans rien écrire
        """;

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (args.Count == 0 || args[0] != "validate")
        {
            await error.WriteLineAsync(args.Count == 0 ? "Indiquez une action." : $"Action inconnue « {args[0]} ».");
            await error.WriteLineAsync("Usage :");
            await error.WriteLineAsync(Usage);
            return TenantsCommand.BadInput;
        }
        var options = new CliArguments(args.Skip(1));
        var unknown = options.OptionNames.Where(o => o != "param").ToList();
        if (unknown.Count > 0 || options.Positional.Count > 1)
        {
            await error.WriteLineAsync($"Argument inconnu : {string.Join(", ", unknown.Select(o => "--" + o).Concat(options.Positional.Skip(1)))}.");
            await error.WriteLineAsync("Usage :");
            await error.WriteLineAsync(Usage);
            return TenantsCommand.BadInput;
        }

        // Tenant creation always provides these two; sample values let the recipe's expressions resolve.
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal) { ["Name"] = "exemple", ["DisplayName"] = "Exemple" };
        foreach (var parameter in options.All("param"))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                await error.WriteLineAsync($"--param : « {parameter} » doit avoir la forme Clé=Valeur.");
                return TenantsCommand.BadInput;
            }
            parameters[parameter[..equals]] = parameter[(equals + 1)..];
        }

        var names = options.Positional.Count == 1 ? [options.Positional[0]] : recipes.AvailableRecipes();
        if (names.Count == 0)
        {
            await error.WriteLineAsync($"Aucune recette dans {recipes.RecipesFolder}.");
            return TenantsCommand.BadInput;
        }
        var invalid = 0;
        foreach (var name in names)
        {
            try
            {
                var recipe = recipes.Load(name, parameters);
                await output.WriteLineAsync($"{name}.recipe.json : valide ({recipe.Steps.Count} étape(s) : {string.Join(", ", recipe.Steps.Select(s => s["name"]?.ToString()))}).");
            }
            catch (RecipeException exception)
            {
                invalid++;
                await error.WriteLineAsync($"{name}.recipe.json : invalide ({exception.Errors.Count} erreur(s)) :");
                foreach (var problem in exception.Errors) await error.WriteLineAsync("  " + problem);
            }
        }
        return invalid == 0 ? TenantsCommand.Success : TenantsCommand.BadInput;
    }
}
