using System.Text.Json.Nodes;

namespace Network.Core.Recipes;

/// <summary>A recipe in Orchard Core's shape: metadata, variables and ordered steps.</summary>
public sealed class Recipe
{
    public required string FileName { get; init; }
    public required string Name { get; init; }
    public string DisplayName { get; init; } = "";
    public string Description { get; init; } = "";
    public string Author { get; init; } = "";
    public string Version { get; init; } = "";
    public bool IsSetupRecipe { get; init; }
    public IReadOnlyList<string> Categories { get; init; } = [];
    public IReadOnlyList<string> Tags { get; init; } = [];
    public JsonObject Variables { get; init; } = [];
    public required IReadOnlyList<JsonObject> Steps { get; init; }
}

/// <summary>One problem found while reading or validating a recipe: file, step index (0-based) and field.</summary>
public sealed record RecipeError(string FileName, int? StepIndex, string Field, string Message)
{
    public override string ToString()
        => StepIndex is { } index
            ? $"{FileName}, étape {index} : {Field} : {Message}"
            : $"{FileName} : {Field} : {Message}";
}

public sealed class RecipeException(IReadOnlyList<RecipeError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.ToString())))
{
    public IReadOnlyList<RecipeError> Errors { get; } = errors;
}
