using System.Text.Json.Nodes;
using Network.Core.Tenancy;

namespace Network.Core.Recipes;

/// <summary>Handles one kind of recipe step. Validation must find every problem before anything is written.</summary>
public abstract class RecipeStepHandler
{
    /// <summary>The step's <c>name</c> in the recipe ("Feature").</summary>
    public abstract string Name { get; }

    /// <summary>Whether the step writes to the tenant's database (which is then migrated first).</summary>
    public virtual bool NeedsTenantDatabase => false;

    public abstract void Validate(JsonObject step, RecipeValidation validation);

    public abstract Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken);
}

/// <summary>Collects the errors of one step.</summary>
public sealed class RecipeValidation(RecipeValidationContext context, int stepIndex, string fileName)
{
    public List<RecipeError> Errors { get; } = [];

    public RecipeValidationContext Context => context;

    public void Error(string field, string message) => Errors.Add(new RecipeError(fileName, stepIndex, field, message));

    public string? RequiredString(JsonObject step, string field)
    {
        if (step[field] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text))
            return text;
        Error(field, step[field] is null ? "champ obligatoire manquant" : "doit être un texte non vide");
        return null;
    }

    public string? OptionalString(JsonObject step, string field)
    {
        if (step[field] is null) return null;
        if (step[field] is JsonValue value && value.TryGetValue<string>(out var text)) return text;
        Error(field, "doit être un texte");
        return null;
    }

    public List<string>? StringArray(JsonObject step, string field, bool required)
    {
        if (step[field] is null)
        {
            if (required) Error(field, "champ obligatoire manquant");
            return null;
        }
        if (step[field] is not JsonArray array)
        {
            Error(field, "doit être une liste de textes");
            return null;
        }
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue value && value.TryGetValue<string>(out var text)) result.Add(text);
            else Error($"{field}[{i}]", "doit être un texte");
        }
        return result;
    }
}

/// <summary>What validation may look at: the features the recipe will have enabled so far.</summary>
public sealed class RecipeValidationContext
{
    private readonly Dictionary<Type, object> _state = [];

    public HashSet<string> Features { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// What a module's steps tell its later steps during validation (the vocabulary terms a step declares, which a
    /// content step then checks against), one instance per type for the whole recipe.
    /// </summary>
    public T State<T>() where T : class, new()
    {
        if (!_state.TryGetValue(typeof(T), out var state)) _state[typeof(T)] = state = new T();
        return (T)state;
    }
}

/// <summary>The tenant being set up: steps change its registry record and, through the scope, its database.</summary>
public sealed class RecipeExecutionContext(TenantRecord tenant, IServiceProvider services)
{
    public TenantRecord Tenant { get; } = tenant;

    /// <summary>Services of a scope bound to the tenant.</summary>
    public IServiceProvider Services { get; } = services;
}
