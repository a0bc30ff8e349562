using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using static Network.Tests.Tenancy.TenancyAssertions;

namespace Network.Tests.Tenancy;

/// <summary>A recipe that fails while running leaves nothing behind; a tenant being set up answers 503.</summary>
public sealed class RecipeRollbackTests(RecipeTestFactory factory) : IClassFixture<RecipeTestFactory>
{
    private TenantManager Manager => factory.Service<TenantManager>();

    [Fact]
    public async Task A_step_that_throws_after_data_was_written_rolls_everything_back()
    {
        factory.WriteRegionRecipeWith("region-qui-echoue", new JsonObject { ["name"] = "Fail", ["message"] = "le serveur de fichiers ne répond pas" });

        var error = await Assert.ThrowsAsync<TenantCreationException>(() => Manager.CreateAsync(Region("corse", "Corse", hosts: ["culture.corse.test"], recipe: "region-qui-echoue")));

        // The message says which tenant, which file, which step and why.
        Assert.Contains("« corse »", error.Message);
        Assert.Contains("annulée", error.Message);
        Assert.Contains($"region-qui-echoue.recipe.json, étape {factory.RegionStepCount}", error.Message);
        Assert.Contains("le serveur de fichiers ne répond pas", error.Message);
        await factory.AssertNoTraceAsync("corse");
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/corse/")).StatusCode);
        // Its host name is free again.
        var retry = await Manager.CreateAsync(Region("corse", "Corse", hosts: ["culture.corse.test"]));
        Assert.Equal(TenantState.Running, retry.State);
    }

    [Fact]
    public async Task An_invalid_recipe_file_is_refused_before_anything_is_written()
    {
        factory.WriteRecipe("region-invalide", """
            { "name": "region-invalide", "steps": [
              { "name": "Feature", "enable": [ "Settings", "Blog" ] },
              { "name": "Settings", "siret": "12345678901234" } ] }
            """);
        var error = await Assert.ThrowsAsync<RecipeException>(() => Manager.CreateAsync(Region("reunion", "La Réunion", recipe: "region-invalide")));
        Assert.Contains(error.Errors, e => e is { FileName: "region-invalide.recipe.json", StepIndex: 0, Field: "enable[1]" });
        Assert.Contains(error.Errors, e => e is { FileName: "region-invalide.recipe.json", StepIndex: 1, Field: "siret" });
        await factory.AssertNoTraceAsync("reunion");
    }

    [Fact]
    public async Task A_tenant_whose_recipe_is_running_answers_503_with_retry_after_then_200()
    {
        factory.WriteRegionRecipeWith("region-lente", new JsonObject { ["name"] = "Pause" });
        var creation = Manager.CreateAsync(Region("mayotte", "Mayotte", recipe: "region-lente"));
        await factory.Pause.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync("/mayotte/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        var post = await client.PostAsync("/mayotte/", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, post.StatusCode);
        Assert.Contains("\"Uninitialized\"", await client.GetStringAsync("/health"));

        factory.Pause.Release();
        await creation;
        Assert.Contains("Culture et numérique en Mayotte", await client.GetStringAsync("/mayotte/"));
    }

    [Fact]
    public async Task A_creation_cancelled_while_its_recipe_runs_is_rolled_back()
    {
        factory.WriteRegionRecipeWith("region-annulee", new JsonObject { ["name"] = "Pause" });
        using var cancellation = new CancellationTokenSource();
        var creation = Manager.CreateAsync(Region("guadeloupe", "Guadeloupe", recipe: "region-annulee"), cancellation.Token);
        await factory.Pause.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(Directory.Exists(factory.TenantFolder("guadeloupe")), "the Roles step wrote the tenant database before the pause");

        await cancellation.CancelAsync();
        await Assert.ThrowsAsync<TenantCreationException>(() => creation);
        factory.Pause.Release();
        await factory.AssertNoTraceAsync("guadeloupe");
    }

    [Fact]
    public async Task A_tenant_in_the_uninitialized_state_answers_503()
    {
        // A registry row left in that state (as by a process stopped mid-creation).
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            db.Tenants.Add(new TenantRecord { Name = "saint-pierre", Prefix = "saint-pierre", DisplayName = "Saint-Pierre", State = TenantState.Uninitialized, Features = ["Settings"] });
            await db.SaveChangesAsync();
        }
        await factory.Service<TenantCatalog>().ReloadAsync();

        var response = await factory.CreateBrowserClient().GetAsync("/saint-pierre/");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(10), response.Headers.RetryAfter?.Delta);
        // It cannot be switched on or off until its set-up has finished.
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.SetStateAsync("saint-pierre", TenantState.Disabled));
        Assert.Equal("state", Assert.Single(error.Errors).Field);
    }

    [Fact]
    public async Task Enabling_a_module_creates_its_tables_in_the_tenant_database()
    {
        factory.WriteRecipe("minimal", """
            { "name": "minimal", "steps": [ { "name": "Feature", "enable": [ "Settings" ] } ] }
            """);
        await Manager.CreateAsync(Region("polynesie", "Polynésie", recipe: "minimal"));
        Assert.DoesNotContain("Accounts", factory.Tenant("polynesie").Features);
        Assert.DoesNotContain("Roles", await TablesAsync("polynesie"));

        await Manager.EnableFeatureAsync("polynesie", "Accounts");

        Assert.True(factory.Tenant("polynesie").Features.IsSupersetOf(["Accounts", "Mail"]));
        Assert.Contains("Roles", await TablesAsync("polynesie"));
    }

    private async Task<List<string>> TablesAsync(string tenant)
    {
        var path = Path.Combine(factory.TenantFolder(tenant), "tenant.db");
        if (!File.Exists(path)) return [];
        await using var connection = new SqliteConnection($"Data Source={path};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
        var tables = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return tables;
    }
}
