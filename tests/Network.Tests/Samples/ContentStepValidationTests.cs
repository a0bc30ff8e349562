using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Data;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Tests.Content;
using Network.Tests.Tenancy;

namespace Network.Tests.Samples;

/// <summary>The Content recipe step finds every problem of a content file before anything is written.</summary>
public sealed class ContentStepValidationTests : IClassFixture<RecipeTestFactory>
{
    private readonly RecipeTestFactory _factory;

    public ContentStepValidationTests(RecipeTestFactory factory)
    {
        _factory = factory;
        // The copied recipes folder has no content files: first run stays without sample content either way.
        _factory.Settings["Network:SampleContent"] = "true";
        Directory.CreateDirectory(Path.Combine(_factory.RecipesPath, "content"));
    }

    private void WriteContent(string name, string json) => File.WriteAllText(Path.Combine(_factory.RecipesPath, "content", name + ".content.json"), json);

    private const string Showcase = """{ "type": "showcase", "title": "Un projet valide", "summary": "Résumé.", "fields": { "domains": ["musees"], "maturity": "pilot" } }""";

    [Fact]
    public async Task Every_problem_of_a_content_file_is_reported_with_file_step_and_field_and_nothing_is_written()
    {
        WriteContent("bretagne", $$"""
            { "items": [
              {{Showcase}},
              { "type": "poster", "title": "Type inconnu" },
              { "type": "showcase", "title": " ", "summary": "{{new string('x', 301)}}" },
              { "type": "showcase", "title": "Mauvais types", "fields": { "year": "deux mille", "colour": "bleu" } },
              { "type": "showcase", "title": "Vocabulaire", "fields": { "domains": ["musees", "astronomie"], "technologies": ["hologrammes"] } },
              { "type": "practice", "title": "Pratique", "references": { "relatedShowcaseIds": ["un-projet-valide", "projet-absent"] } },
              { "type": "showcase", "title": "Images", "images": [ { "field": "gallery", "motif": "spirales", "palette": ["rouge", "#00ff00"] }, { "field": "cover", "alt": "Une image décrite." } ] },
              { "type": "showcase", "title": "Un projet valide", "status": "rêvé", "daysAgo": 9999, "featured": "oui" }
            ] }
            """);

        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("bretagne", "Bretagne", "region")));

        var errors = exception.Errors;
        Assert.All(errors, e => Assert.Equal("region.recipe.json", e.FileName));
        var contentStep = errors[0].StepIndex;
        Assert.All(errors, e => Assert.Equal(contentStep, e.StepIndex));
        var fields = errors.Select(e => e.Field).ToList();
        const string file = "content/bretagne.content.json : ";
        foreach (var expected in new[]
        {
            "items[1].type", "items[2].title", "items[2].summary", "items[3].fields.year", "items[4].fields.domains[1]",
            "items[4].fields.technologies[0]", "items[5].references.relatedShowcaseIds[1]", "items[6].images[0].motif",
            "items[6].images[0].palette[0]", "items[6].images[0].alt", "items[6].images[1].field", "items[7].status",
            "items[7].daysAgo", "items[7].featured", "items[7].title",
        })
            Assert.Contains(file + expected, fields);
        Assert.Contains(errors, e => e.Field == file + "items[1].type" && e.Message.Contains("poster"));
        Assert.Contains(errors, e => e.Field == file + "items[4].fields.domains[1]" && e.Message.Contains("astronomie"));
        Assert.Contains("étape", errors[0].ToString());

        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("bretagne"));
        Assert.False(_factory.Service<IDatabaseProvider>().TenantStorageExists("bretagne"));
    }

    [Fact]
    public async Task A_file_that_is_not_json_names_its_line()
    {
        WriteContent("corse", "{ \"items\": [ { \"type\": \"showcase\", } ");
        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("corse", "Corse", "region")));
        Assert.Contains(exception.Errors, e => e.Field == "content/corse.content.json" && e.Message.Contains("ligne"));
        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("corse"));
    }

    [Fact]
    public async Task A_content_file_outside_the_recipes_folder_is_refused()
    {
        _factory.WriteRegionRecipeWith("evasion", new JsonObject { ["name"] = "Content", ["file"] = "../../etc/passwd" });
        var exception = await Assert.ThrowsAsync<RecipeException>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("normandie", "Normandie", "evasion")));
        Assert.Contains(exception.Errors, e => e.Field == "file" && e.Message.Contains("dossier des recettes"));
    }

    [Fact]
    public async Task A_failure_after_the_content_was_imported_rolls_the_whole_tenant_back_media_files_included()
    {
        WriteContent("occitanie", $$"""
            { "items": [ { "type": "showcase", "title": "Avec image", "images": [ { "field": "gallery", "motif": "rings", "palette": ["#000091", "#e1000f"], "alt": "Des anneaux bleus et rouges concentriques." } ] } ] }
            """);
        _factory.WriteRegionRecipeWith("region-echec", new JsonObject { ["name"] = "Content", ["file"] = "content/occitanie.content.json" }, new JsonObject { ["name"] = "Fail", ["message"] = "panne simulée" });

        await Assert.ThrowsAnyAsync<Exception>(() => _factory.Service<TenantManager>().CreateAsync(new TenantCreation("occitanie", "Occitanie", "region-echec")));

        Assert.Null(await _factory.Service<TenantManager>().FindRecordAsync("occitanie"));
        Assert.False(_factory.Service<IDatabaseProvider>().TenantStorageExists("occitanie"));
        Assert.False(Directory.Exists(Path.Combine(_factory.DataPath, "tenants", "occitanie")));
    }

    [Fact]
    public async Task A_region_created_later_without_a_content_file_works_and_one_with_inline_items_gets_them()
    {
        var created = await _factory.Service<TenantManager>().CreateAsync(new TenantCreation("grand-est", "Grand Est", "region"));
        Assert.Equal(TenantState.Running, created.State);

        _factory.WriteRegionRecipeWith("region-inline", new JsonObject { ["name"] = "Content", ["items"] = JsonNode.Parse($"[{Showcase}]") });
        await _factory.Service<TenantManager>().CreateAsync(new TenantCreation("bourgogne", "Bourgogne", "region-inline"));
        var titles = await _factory.InTenantAsync("bourgogne", sp => Task.FromResult(sp.GetRequiredService<ContentDbContext>().Items.Select(i => i.Title).ToList()));
        Assert.Equal(["Un projet valide"], titles);
    }
}
