using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Tests.Content;
using Network.Tests.Tenancy;

namespace Network.Tests.Calls;

/// <summary>The Calls recipe step finds every problem of a calls file before anything is written.</summary>
public sealed class CallsStepValidationTests : IClassFixture<RecipeTestFactory>
{
    private readonly RecipeTestFactory _factory;

    public CallsStepValidationTests(RecipeTestFactory factory)
    {
        _factory = factory;
        _factory.Settings["Network:SampleContent"] = "true";
        Directory.CreateDirectory(Path.Combine(_factory.RecipesPath, "content"));
    }

    private void WriteCalls(string region, string json) => File.WriteAllText(Path.Combine(_factory.RecipesPath, "content", region + ".calls.json"), json);

    /// <summary>A valid call of the given state, as a recipe file writes it (its fields without dates).</summary>
    private static JsonObject Call(string title, string state = "open", int opensInDays = -5, int closesInDays = 30)
    {
        var fields = JsonSerializer.SerializeToNode(CallsTestKit.Fields(default, default), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        fields.Remove("opensUtc");
        fields.Remove("closesUtc");
        return new JsonObject
        {
            ["title"] = title, ["summary"] = "Un appel d'exemple.", ["state"] = state,
            ["opensInDays"] = opensInDays, ["closesInDays"] = closesInDays, ["fields"] = fields,
        };
    }

    private static JsonObject Application(string applicant, decimal amount, JsonArray? reviews = null, JsonObject? decision = null)
    {
        var form = JsonSerializer.SerializeToNode(CallsTestKit.CompleteForm(), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.AsObject();
        form["amountRequested"] = amount;
        var application = new JsonObject { ["applicant"] = applicant, ["form"] = form };
        if (reviews is not null) application["reviews"] = reviews;
        if (decision is not null) application["decision"] = decision;
        return application;
    }

    [Fact]
    public async Task Every_problem_of_a_calls_file_is_reported_with_its_field_and_nothing_is_written()
    {
        var badState = Call("État inconnu", state: "rêvé");
        var reversed = Call("Dates inversées", opensInDays: 5, closesInDays: 2);
        var badFields = Call("Taux impossible");
        badFields["fields"]!["maxFundingRatePercent"] = 120;
        var unknownField = Call("Champ inconnu");
        unknownField["colour"] = "bleu";
        var wrongType = Call("Mauvais type");
        wrongType["fields"]!["year"] = "deux mille";
        var review = Call("Instruction fautive", state: "review", opensInDays: -60, closesInDays: -10);
        review["reviewers"] = new JsonArray("Camille Jury");
        review["applications"] = new JsonArray(
            Application("Musée A", 999_999m),
            Application("Musée B", 20_000m, new JsonArray(new JsonObject
            {
                ["reviewer"] = 3, ["scores"] = new JsonObject { ["innovation"] = 11, ["inconnu"] = 1 }, ["opinion"] = "favourable", ["comment"] = "",
            }), new JsonObject { ["decision"] = "accepted", ["amountGranted"] = 20_000, ["justification"] = "Trop tôt." }));
        var results = Call("Résultats sans décision", state: "results", opensInDays: -90, closesInDays: -30);
        results["applications"] = new JsonArray(
            Application("Musée C", 20_000m),
            Application("Musée D", 20_000m, decision: new JsonObject { ["decision"] = "accepted", ["amountGranted"] = 30_000, ["justification"] = "Au-delà." }));
        WriteCalls("bretagne", new JsonObject { ["calls"] = new JsonArray(Call("Un appel valide"), badState, reversed, badFields, unknownField, wrongType, review, results) }.ToJsonString());

        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("bretagne", "Bretagne", "region")));

        var fields = exception.Errors.Select(e => e.Field).ToList();
        const string file = "content/bretagne.calls.json : ";
        foreach (var expected in new[]
        {
            "calls[1].state", "calls[2].closesInDays", "calls[3].fields.maxFundingRatePercent", "calls[4].colour", "calls[5].fields.year",
            "calls[6].applications[0].form.amountRequested", "calls[6].applications[1].reviews", "calls[6].applications[1].decision",
            "calls[7].applications[0].decision", "calls[7].applications[1].decision.amountGranted",
        })
            Assert.Contains(file + expected, fields);
        Assert.DoesNotContain(fields, f => f.StartsWith(file + "calls[0]", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.Field == file + "calls[1].state" && e.Message.Contains("rêvé"));
        Assert.Contains(exception.Errors, e => e.Field == file + "calls[6].applications[1].reviews" && e.Message.Contains("inconnu"));
        Assert.Contains(exception.Errors, e => e.Field == file + "calls[6].applications[1].reviews" && e.Message.Contains("note 11"));

        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("bretagne"));
        Assert.False(_factory.Service<IDatabaseProvider>().TenantStorageExists("bretagne"));
    }

    [Fact]
    public async Task A_file_without_a_list_of_calls_or_not_json_is_refused()
    {
        WriteCalls("corse", """{ "appels": [] }""");
        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("corse", "Corse", "region")));
        Assert.Contains(exception.Errors, e => e.Field == "content/corse.calls.json : calls");

        WriteCalls("corse", """{ "calls": [ { "title": "Appel", } """);
        exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("corse", "Corse", "region")));
        Assert.Contains(exception.Errors, e => e.Field == "content/corse.calls.json" && e.Message.Contains("ligne"));
        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("corse"));
    }

    [Fact]
    public async Task A_calls_file_outside_the_recipes_folder_or_a_recipe_without_the_module_is_refused()
    {
        _factory.WriteRegionRecipeWith("calls-evasion", new JsonObject { ["name"] = "Calls", ["file"] = "../../etc/passwd" });
        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("normandie", "Normandie", "calls-evasion")));
        Assert.Contains(exception.Errors, e => e.Field == "file" && e.Message.Contains("dossier des recettes"));

        // The region recipe with the Calls module left out of its features: its Calls step must say so.
        var recipe = JsonNode.Parse(File.ReadAllText(Path.Combine(_factory.RecipesPath, "region.recipe.json")))!.AsObject();
        recipe["name"] = "sans-appels";
        var enable = recipe["steps"]!.AsArray().Single(step => (string?)step!["name"] == "Feature")!["enable"]!.AsArray();
        enable.Remove(enable.Single(feature => (string?)feature == "Calls"));
        _factory.WriteRecipe("sans-appels", recipe.ToJsonString());
        exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("normandie", "Normandie", "sans-appels")));
        Assert.Contains(exception.Errors, e => e.Field == "name" && e.Message.Contains("Calls"));
        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("normandie"));
    }

    [Fact]
    public async Task A_valid_file_gives_the_region_its_calls_in_their_states()
    {
        var review = Call("Appel en instruction", state: "review", opensInDays: -60, closesInDays: -10);
        review["reviewers"] = new JsonArray("Camille Jury");
        review["applications"] = new JsonArray(Application("Musée A", 20_000m, new JsonArray(new JsonObject
        {
            ["reviewer"] = 0, ["scores"] = new JsonObject { ["innovation"] = 8, ["publics"] = 7, ["faisabilite"] = 4 }, ["opinion"] = "favourable", ["comment"] = "Solide.",
        })));
        WriteCalls("grand-est", new JsonObject { ["calls"] = new JsonArray(Call("Appel ouvert"), review) }.ToJsonString());

        await _factory.Service<TenantManager>().CreateAsync(new TenantCreation("grand-est", "Grand Est", "region"));

        var (rounds, applications) = await _factory.InTenantAsync("grand-est", async sp =>
        {
            var db = sp.GetRequiredService<CallsDbContext>();
            return (await db.Rounds.AsNoTracking().ToListAsync(), await db.Applications.AsNoTracking().ToListAsync());
        });
        Assert.Equal(2, rounds.Count);
        Assert.Single(rounds, r => r.ReviewStartedUtc is not null);
        Assert.Equal(ApplicationStatus.Submitted, Assert.Single(applications).Status);
    }
}
