using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Modules;
using Network.Core.Recipes;

namespace Network.Tests.Core;

public sealed class RecipeReaderTests
{
    private sealed class TestModule(string id, params string[] dependencies) : NetworkModule
    {
        public override string Id => id;
        public override string Name => id;
        public override string Description => id;
        public override IReadOnlyList<string> Dependencies => dependencies;
    }

    private static RecipeReader Reader(string? folder = null)
    {
        var modules = new ModuleCatalog([new TestModule("Mail"), new TestModule("Accounts", "Mail")]);
        return new RecipeReader(Options.Create(new NetworkOptions { RecipesPath = folder ?? "recipes" }), [new FeatureStep(modules), new SettingsStep()]);
    }

    private static RecipeException Errors(string json, IReadOnlyDictionary<string, string>? parameters = null)
        => Assert.Throws<RecipeException>(() => Reader().Parse("test.recipe.json", json, parameters ?? new Dictionary<string, string>()));

    [Fact]
    public void A_valid_recipe_is_read_with_variables_and_parameters_replaced()
    {
        var recipe = Reader().Parse("test.recipe.json", """
            {
              "name": "region", "displayName": "Région", "issetuprecipe": true, "categories": ["region"], "tags": ["drac"],
              "variables": { "region": "[js: parameters('DisplayName')]" },
              "steps": [
                { "name": "Feature", "enable": ["Accounts"] },
                { "name": "Settings", "siteName": "Culture en [js: variables('region')]", "blocMarque": ["Préfet", "[js: variables('region')]"] }
              ]
            }
            """, new Dictionary<string, string> { ["DisplayName"] = "Bretagne" });
        Assert.Equal("region", recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Equal("Culture en Bretagne", recipe.Steps[1]["siteName"]!.GetValue<string>());
        Assert.Equal("Bretagne", recipe.Steps[1]["blocMarque"]![1]!.GetValue<string>());
    }

    [Fact]
    public void Every_error_names_the_file_the_step_index_and_the_field()
    {
        var exception = Errors("""
            {
              "name": "broken",
              "steps": [
                { "name": "Feature", "enable": ["Accounts", "Nope"] },
                { "name": "Teleport" },
                { "enable": [] },
                { "name": "Settings", "contactEmail": "pas-une-adresse", "siret": "123", "colour": "blue" },
                { "name": "Settings", "siteName": "[js: variables('missing')]" }
              ]
            }
            """);
        var errors = exception.Errors;
        Assert.Contains(errors, e => e is { FileName: "test.recipe.json", StepIndex: 0, Field: "enable[1]" } && e.Message.Contains("Nope"));
        Assert.Contains(errors, e => e is { StepIndex: 1, Field: "name" } && e.Message.Contains("Teleport"));
        Assert.Contains(errors, e => e is { StepIndex: 2, Field: "name" });
        Assert.Contains(errors, e => e is { StepIndex: 3, Field: "contactEmail" });
        Assert.Contains(errors, e => e is { StepIndex: 3, Field: "siret" });
        Assert.Contains(errors, e => e is { StepIndex: 3, Field: "colour" });
        Assert.Contains(errors, e => e is { StepIndex: 4, Field: "siteName" } && e.Message.Contains("missing"));
        Assert.Contains("test.recipe.json, étape 3 : siret", exception.Message);
    }

    [Theory]
    [InlineData("{ \"name\": \"x\", \"steps\": [ ", "(JSON)")]
    [InlineData("[]", "(racine)")]
    [InlineData("{ \"steps\": [] }", "name")]
    [InlineData("{ \"name\": \"x\" }", "steps")]
    [InlineData("{ \"name\": \"x\", \"steps\": [], \"issetuprecipe\": \"oui\" }", "issetuprecipe")]
    [InlineData("{ \"name\": \"x\", \"steps\": [], \"variables\": [] }", "variables")]
    public void Malformed_recipes_are_refused_with_the_field(string json, string field)
        => Assert.Contains(Errors(json).Errors, e => e.Field == field);

    [Fact]
    public void A_missing_parameter_is_an_error_not_an_empty_text()
        => Assert.Contains(Errors("""{ "name": "x", "steps": [ { "name": "Settings", "displayName": "[js: parameters('DisplayName')]" } ] }""").Errors,
            e => e.Field == "displayName" && e.Message.Contains("DisplayName"));

    [Theory]
    [InlineData("network")]
    [InlineData("region")]
    public void The_shipped_recipes_are_valid(string name)
    {
        // The host's own reader: every module and recipe step of the shipped site.
        using var factory = new Infrastructure.NetworkWebFactory();
        var reader = factory.Service<RecipeReader>();
        Assert.Equal(new[] { "network", "region" }, reader.AvailableRecipes().Where(r => r is "network" or "region"));
        var recipe = reader.Load(name, new Dictionary<string, string> { ["Name"] = "bretagne", ["DisplayName"] = "Bretagne" });
        Assert.Equal(name, recipe.Name);
    }

    [Fact]
    public void Extra_steps_are_validated_with_the_recipe()
    {
        var extra = new JsonObject { ["name"] = "Settings", ["siret"] = "000" };
        var exception = Assert.Throws<RecipeException>(() => Reader().Parse("r.recipe.json", """{ "name": "r", "steps": [] }""", new Dictionary<string, string>(), [extra]));
        Assert.Contains(exception.Errors, e => e is { StepIndex: 0, Field: "siret" });
    }
}
