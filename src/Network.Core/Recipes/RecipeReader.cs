using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;

namespace Network.Core.Recipes;

/// <summary>
/// Reads <c>recipes/*.recipe.json</c>, replaces <c>[js: variables('x')]</c> and <c>[js: parameters('x')]</c>
/// (the subset of Orchard Core's scripting that recipes here use), and validates every step.
/// </summary>
public sealed partial class RecipeReader(IOptions<NetworkOptions> options, IEnumerable<RecipeStepHandler> handlers)
{
    private readonly Dictionary<string, RecipeStepHandler> _handlers = handlers.ToDictionary(h => h.Name, StringComparer.OrdinalIgnoreCase);

    public string RecipesFolder => NetworkPaths.Resolve(options.Value.RecipesPath);

    public IReadOnlyList<string> AvailableRecipes()
        => Directory.Exists(RecipesFolder)
            ? Directory.GetFiles(RecipesFolder, "*.recipe.json").Select(f => Path.GetFileName(f)[..^".recipe.json".Length]).Order().ToList()
            : [];

    public RecipeStepHandler Handler(string stepName) => _handlers[stepName];

    /// <summary>Loads a recipe by name ("region") and validates it completely; throws <see cref="RecipeException"/> listing every error.</summary>
    public Recipe Load(string recipeName, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<JsonObject>? extraSteps = null)
    {
        var fileName = recipeName + ".recipe.json";
        if (!TenantNamesAllowRecipe(recipeName))
            throw new RecipeException([new RecipeError(fileName, null, "recipe", "nom de recette invalide")]);
        var path = Path.Combine(RecipesFolder, fileName);
        if (!File.Exists(path))
            throw new RecipeException([new RecipeError(fileName, null, "recipe", "recette introuvable")]);
        return Parse(fileName, File.ReadAllText(path), parameters, extraSteps);
    }

    /// <param name="extraSteps">Steps appended after the recipe's own (for example one region's branding), validated with them.</param>
    public Recipe Parse(string fileName, string json, IReadOnlyDictionary<string, string> parameters, IReadOnlyList<JsonObject>? extraSteps = null)
    {
        var errors = new List<RecipeError>();
        JsonObject root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }) as JsonObject
                ?? throw new RecipeException([new RecipeError(fileName, null, "(racine)", "doit être un objet JSON")]);
        }
        catch (JsonException e)
        {
            throw new RecipeException([new RecipeError(fileName, null, "(JSON)", $"JSON invalide, ligne {e.LineNumber + 1} : {e.Message}")]);
        }

        string Text(string field, bool required)
        {
            if (root[field] is JsonValue v && v.TryGetValue<string>(out var s) && (!required || s.Length > 0)) return s;
            if (required || root[field] is not null) errors.Add(new RecipeError(fileName, null, field, required ? "champ obligatoire manquant ou vide" : "doit être un texte"));
            return "";
        }
        List<string> Texts(string field)
        {
            if (root[field] is null) return [];
            if (root[field] is JsonArray a && a.All(x => x is JsonValue xv && xv.TryGetValue<string>(out _))) return a.Select(x => x!.GetValue<string>()).ToList();
            errors.Add(new RecipeError(fileName, null, field, "doit être une liste de textes"));
            return [];
        }

        var name = Text("name", required: true);
        var variables = root["variables"] switch
        {
            null => new JsonObject(),
            JsonObject o => o,
            _ => null,
        };
        if (variables is null)
        {
            errors.Add(new RecipeError(fileName, null, "variables", "doit être un objet"));
            variables = [];
        }
        var isSetup = root["issetuprecipe"] switch
        {
            null => false,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => Fail("issetuprecipe", "doit être true ou false"),
        };
        bool Fail(string field, string message)
        {
            errors.Add(new RecipeError(fileName, null, field, message));
            return false;
        }

        var steps = new List<JsonObject>();
        if (root["steps"] is not JsonArray stepArray)
        {
            errors.Add(new RecipeError(fileName, null, "steps", "champ obligatoire : une liste d'étapes"));
        }
        else
        {
            for (var i = 0; i < stepArray.Count; i++)
            {
                if (stepArray[i] is not JsonObject step)
                {
                    errors.Add(new RecipeError(fileName, i, "(étape)", "doit être un objet"));
                    continue;
                }
                steps.Add((JsonObject)Substitute(step.DeepClone(), variables, parameters, fileName, i, errors)!);
            }
            steps.AddRange((extraSteps ?? []).Select(s => (JsonObject)s.DeepClone()));
        }

        var recipe = new Recipe
        {
            FileName = fileName,
            Name = name,
            DisplayName = Text("displayName", required: false),
            Description = Text("description", required: false),
            Author = Text("author", required: false),
            Version = Text("version", required: false),
            IsSetupRecipe = isSetup,
            Categories = Texts("categories"),
            Tags = Texts("tags"),
            Variables = variables,
            Steps = steps,
        };

        var context = new RecipeValidationContext();
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var stepName = step["name"] is JsonValue nv && nv.TryGetValue<string>(out var n) ? n : null;
            if (stepName is null)
            {
                errors.Add(new RecipeError(fileName, i, "name", "nom d'étape manquant"));
                continue;
            }
            if (!_handlers.TryGetValue(stepName, out var handler))
            {
                errors.Add(new RecipeError(fileName, i, "name", $"étape inconnue « {stepName} » (connues : {string.Join(", ", _handlers.Keys.Order())})"));
                continue;
            }
            var validation = new RecipeValidation(context, i, fileName);
            handler.Validate(step, validation);
            errors.AddRange(validation.Errors);
        }

        if (errors.Count > 0) throw new RecipeException(errors);
        return recipe;
    }

    private static bool TenantNamesAllowRecipe(string name) => RecipeNamePattern().IsMatch(name);

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex RecipeNamePattern();

    [GeneratedRegex(@"\[js:\s*(variables|parameters)\('([^']+)'\)\s*\]")]
    private static partial Regex ExpressionPattern();

    private static JsonNode? Substitute(JsonNode? node, JsonObject variables, IReadOnlyDictionary<string, string> parameters, string fileName, int stepIndex, List<RecipeError> errors, string path = "")
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList())
                    obj[key] = Substitute(obj[key]?.DeepClone(), variables, parameters, fileName, stepIndex, errors, path.Length == 0 ? key : $"{path}.{key}");
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                    array[i] = Substitute(array[i]?.DeepClone(), variables, parameters, fileName, stepIndex, errors, $"{path}[{i}]");
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text) && text.Contains("[js:", StringComparison.Ordinal):
                return ExpressionPattern().Replace(text, match =>
                {
                    var key = match.Groups[2].Value;
                    if (match.Groups[1].Value == "parameters")
                    {
                        if (parameters.TryGetValue(key, out var parameter)) return parameter;
                        errors.Add(new RecipeError(fileName, stepIndex, path, $"paramètre « {key} » non fourni"));
                        return "";
                    }
                    if (variables[key] is JsonValue variable && variable.TryGetValue<string>(out var variableText))
                        return ExpressionPattern().IsMatch(variableText) ? ExpressionPattern().Replace(variableText, m => m.Groups[1].Value == "parameters" && parameters.TryGetValue(m.Groups[2].Value, out var p) ? p : "") : variableText;
                    errors.Add(new RecipeError(fileName, stepIndex, path, $"variable « {key} » non définie"));
                    return "";
                });
            default:
                return node;
        }
    }
}
