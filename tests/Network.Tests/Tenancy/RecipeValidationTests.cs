using Network.Core.Recipes;
using Network.Tests.Infrastructure;

namespace Network.Tests.Tenancy;

/// <summary>Every recipe error names the file, the step index and the field, and all are reported at once.</summary>
public sealed class RecipeValidationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly Dictionary<string, string> Parameters = new() { ["Name"] = "bretagne", ["DisplayName"] = "Bretagne" };

    private RecipeException Invalid(string json)
        => Assert.Throws<RecipeException>(() => factory.Service<RecipeReader>().Parse("essai.recipe.json", json, Parameters));

    private static string Recipe(params string[] steps) => $$"""{ "name": "essai", "steps": [ {{string.Join(",", steps)}} ] }""";

    [Theory]
    [InlineData("network", new[] { "Feature", "Settings", "Roles", "Vocabularies", "Menu", "HomeLayout" })]
    [InlineData("region", new[] { "Feature", "Settings", "Roles", "Vocabularies", "Content", "Content", "Content", "Calls", "Events", "Content", "Directory", "Comments", "Menu", "HomeLayout" })]
    public void Shipped_recipes_are_valid(string name, string[] steps)
    {
        var recipe = factory.Service<RecipeReader>().Load(name, Parameters);
        Assert.Equal(name, recipe.Name);
        Assert.True(recipe.IsSetupRecipe);
        Assert.Equal(steps, recipe.Steps.Select(s => s["name"]!.GetValue<string>()));
    }

    [Fact]
    public void Invalid_json_names_the_file_and_the_line()
    {
        var error = Invalid("{ \"name\": \"essai\",\n \"steps\": [ { \"name\": \"Feature\" \"enable\": [] } ] }");
        var problem = Assert.Single(error.Errors);
        Assert.Equal("essai.recipe.json", problem.FileName);
        Assert.Equal("(JSON)", problem.Field);
        Assert.Contains("ligne 2", problem.Message);
    }

    [Fact]
    public void Unknown_step_names_its_index()
    {
        var error = Invalid(Recipe("""{ "name": "Feature", "enable": ["Settings"] }""", """{ "name": "Contenus" }"""));
        var problem = Assert.Single(error.Errors);
        Assert.Equal((1, "name"), (problem.StepIndex, problem.Field));
        Assert.Contains("étape inconnue « Contenus »", problem.Message);
        Assert.Equal("essai.recipe.json, étape 1 : name : " + problem.Message, problem.ToString());
    }

    [Fact]
    public void Step_without_a_name_is_reported()
    {
        var problem = Assert.Single(Invalid(Recipe("""{ "enable": ["Settings"] }""")).Errors);
        Assert.Equal((0, "name"), (problem.StepIndex, problem.Field));
    }

    [Fact]
    public void Missing_field_is_reported_with_its_name()
    {
        var problem = Assert.Single(Invalid(Recipe("""{ "name": "Feature", "enable": ["Accounts"] }""", """{ "name": "Roles" }""")).Errors);
        Assert.Equal((1, "roles"), (problem.StepIndex, problem.Field));
        Assert.Contains("obligatoire", problem.Message);
    }

    [Theory]
    [InlineData("""{ "name": "Settings", "siret": "12345678901234" }""", "siret", "SIRET invalide")]
    [InlineData("""{ "name": "Settings", "contactEmail": "pas-une-adresse" }""", "contactEmail", "adresse électronique invalide")]
    [InlineData("""{ "name": "Settings", "defaultCulture": "de" }""", "defaultCulture", "langue")]
    [InlineData("""{ "name": "Settings", "blocMarque": ["1", "2", "3", "4", "5"] }""", "blocMarque", "1 à 4 lignes")]
    [InlineData("""{ "name": "Settings", "siteName": 42 }""", "siteName", "texte")]
    [InlineData("""{ "name": "Settings", "couleur": "bleu" }""", "couleur", "champ inconnu")]
    [InlineData("""{ "name": "Feature", "enable": "Accounts" }""", "enable", "liste")]
    [InlineData("""{ "name": "Feature" }""", "enable", "enable")]
    public void Bad_value_is_reported_with_its_field(string step, string field, string message)
    {
        var problem = Assert.Single(Invalid(Recipe(step)).Errors);
        Assert.Equal((0, field), (problem.StepIndex, problem.Field));
        Assert.Contains(message, problem.Message);
    }

    [Fact]
    public void Unknown_module_is_reported_with_its_position()
    {
        var problem = Assert.Single(Invalid(Recipe("""{ "name": "Feature", "enable": ["Settings", "Blog"] }""")).Errors);
        Assert.Equal((0, "enable[1]"), (problem.StepIndex, problem.Field));
        Assert.Contains("module inconnu « Blog »", problem.Message);
    }

    [Fact]
    public void Unknown_permission_or_role_in_roles_is_reported()
    {
        var error = Invalid(Recipe(
            """{ "name": "Feature", "enable": ["Accounts"] }""",
            """{ "name": "Roles", "roles": [ { "name": "Coordinator", "permissions": ["AccessAdmin", "ToutFaire"] }, { "name": "Stagiaire", "permissions": [] } ] }"""));
        Assert.Contains(error.Errors, e => e is { StepIndex: 1, Field: "roles[0].permissions" } && e.Message.Contains("permission inconnue « ToutFaire »"));
        Assert.Contains(error.Errors, e => e is { StepIndex: 1, Field: "roles[1].name" } && e.Message.Contains("rôle inconnu « Stagiaire »"));
    }

    [Fact]
    public void Every_error_of_every_step_is_reported_at_once()
    {
        var error = Invalid("""
            { "steps": [
              { "name": "Feature", "enable": ["Blog"] },
              { "name": "Settings", "siret": "1" },
              { "name": "Inconnue" } ] }
            """);
        Assert.Contains(error.Errors, e => e is { StepIndex: null, Field: "name" });
        Assert.Contains(error.Errors, e => e is { StepIndex: 0, Field: "enable[0]" });
        Assert.Contains(error.Errors, e => e is { StepIndex: 1, Field: "siret" });
        Assert.Contains(error.Errors, e => e is { StepIndex: 2, Field: "name" });
        Assert.All(error.Errors, e => Assert.Equal("essai.recipe.json", e.FileName));
    }

    [Fact]
    public void Missing_steps_or_unknown_parameter_are_reported()
    {
        Assert.Contains(Invalid("""{ "name": "essai" }""").Errors, e => e.Field == "steps");
        var problem = Assert.Single(Invalid(Recipe("""{ "name": "Settings", "siteName": "[js: parameters('Inconnu')]" }""")).Errors);
        Assert.Equal((0, "siteName"), (problem.StepIndex, problem.Field));
        Assert.Contains("paramètre « Inconnu »", problem.Message);
    }

    [Fact]
    public void Missing_recipe_file_is_reported()
    {
        var error = Assert.Throws<RecipeException>(() => factory.Service<RecipeReader>().Load("introuvable", Parameters));
        Assert.Equal("introuvable.recipe.json", Assert.Single(error.Errors).FileName);
        Assert.Throws<RecipeException>(() => factory.Service<RecipeReader>().Load("../appsettings", Parameters));
    }
}
