using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Recipes;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>
/// The host with its own recipes folder (a copy of the shipped recipes, to which tests add files) and
/// two test-only steps: "Fail" throws while executing, "Pause" waits until the test lets it go.
/// </summary>
public sealed class RecipeTestFactory : NetworkWebFactory
{
    public RecipeTestFactory()
    {
        Directory.CreateDirectory(RecipesPath);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "recipes"), "*.recipe.json"))
            File.Copy(file, Path.Combine(RecipesPath, Path.GetFileName(file)));
        Settings["Network:RecipesPath"] = RecipesPath;
    }

    public string RecipesPath { get; } = Path.Combine(Path.GetTempPath(), "reseau-tests", Guid.NewGuid().ToString("N") + "-recipes");

    public PauseStep Pause { get; } = new();

    public void WriteRecipe(string name, string json) => File.WriteAllText(Path.Combine(RecipesPath, name + ".recipe.json"), json);

    /// <summary>A region recipe whose steps are the shipped region's followed by <paramref name="extraSteps"/>.</summary>
    /// <summary>How many steps the shipped region recipe has: a step added by <see cref="WriteRegionRecipeWith"/> has this index.</summary>
    public int RegionStepCount => JsonNode.Parse(File.ReadAllText(Path.Combine(RecipesPath, "region.recipe.json")))!["steps"]!.AsArray().Count;

    public void WriteRegionRecipeWith(string name, params JsonObject[] extraSteps)
    {
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(RecipesPath, "region.recipe.json")))!.AsObject();
        recipe["name"] = name;
        foreach (var step in extraSteps) recipe["steps"]!.AsArray().Add(step);
        WriteRecipe(name, recipe.ToJsonString());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<RecipeStepHandler, FailStep>();
            services.AddSingleton<RecipeStepHandler>(Pause);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) try { Directory.Delete(RecipesPath, recursive: true); } catch (IOException) { }
    }
}

/// <summary><c>{ "name": "Fail", "message": "…" }</c>: valid, then throws when executed (after the steps before it wrote their data).</summary>
public sealed class FailStep : RecipeStepHandler
{
    public override string Name => "Fail";

    public override void Validate(JsonObject step, RecipeValidation validation) => validation.RequiredString(step, "message");

    public override Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
        => throw new InvalidOperationException(step["message"]!.GetValue<string>());
}

/// <summary><c>{ "name": "Pause" }</c>: holds the recipe (the tenant stays Uninitialized) until <see cref="Release"/>.</summary>
public sealed class PauseStep : RecipeStepHandler
{
    private TaskCompletionSource _reached = NewSource();
    private TaskCompletionSource _release = NewSource();

    public override string Name => "Pause";

    public Task Reached => _reached.Task;

    public override void Validate(JsonObject step, RecipeValidation validation) { }

    public override async Task ExecuteAsync(JsonObject step, RecipeExecutionContext context, CancellationToken cancellationToken)
    {
        _reached.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Lets the paused recipe go on, or fail with <paramref name="failure"/>, and re-arms the step.</summary>
    public void Release(Exception? failure = null)
    {
        var release = _release;
        _reached = NewSource();
        _release = NewSource();
        if (failure is null) release.TrySetResult();
        else release.TrySetException(failure);
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
