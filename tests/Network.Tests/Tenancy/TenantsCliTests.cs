using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Tenancy;

namespace Network.Tests.Tenancy;

/// <summary>The <c>tenants</c> and <c>recipes</c> commands, called in process with their output captured.</summary>
public sealed class TenantsCliTests(RecipeTestFactory factory) : IClassFixture<RecipeTestFactory>
{
    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var command = factory.Services.GetServices<ICliCommand>().Single(c => c.Name == args[0]);
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await command.RunAsync(args.Skip(1).ToList(), output, error, CancellationToken.None);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Create_makes_a_running_region_and_prints_a_summary()
    {
        var (code, output, error) = await RunAsync("tenants", "create", "--name", "bretagne", "--display-name", "Bretagne", "--recipe", "region",
            "--host", "culture.bretagne.test", "--host", "numerique.bretagne.test");
        Assert.Equal(0, code);
        Assert.Equal("", error);
        Assert.Contains("Site « bretagne » (Bretagne) créé avec la recette « region »", output);
        Assert.Contains("Adresse : /bretagne/", output);
        Assert.Contains("culture.bretagne.test, numerique.bretagne.test", output);
        Assert.Equal(TenantState.Running, factory.Tenant("bretagne").State);
        Assert.Contains("Culture et numérique en Bretagne", await factory.CreateBrowserClient("numerique.bretagne.test").GetStringAsync("/"));

        (code, output, _) = await RunAsync("tenants", "list");
        Assert.Equal(0, code);
        var modules = factory.Tenant("bretagne").Features.Count;
        Assert.Matches(@"bretagne\s+Bretagne\s+/bretagne/\s+culture\.bretagne\.test numerique\.bretagne\.test\s+actif\s+" + modules, output);
    }

    [Fact]
    public async Task Create_with_a_prefix_and_parameters()
    {
        var (code, output, _) = await RunAsync("tenants", "create", "--name", "centre-val-de-loire", "--display-name", "Centre-Val de Loire", "--prefix", "cvl", "--param", "Inutile=oui");
        Assert.Equal(0, code);
        Assert.Contains("Adresse : /cvl/", output);
        Assert.Contains("Centre-Val de Loire", await factory.CreateBrowserClient().GetStringAsync("/cvl/"));
    }

    [Theory]
    [InlineData(new[] { "create", "--name", "Bretagne Sud", "--display-name", "Bretagne Sud" }, "--name : le nom doit être un identifiant en minuscules")]
    [InlineData(new[] { "create", "--name", "admin", "--display-name", "Admin" }, "--name : « admin » est réservé")]
    [InlineData(new[] { "create", "--display-name", "Sans nom" }, "--name : le nom est obligatoire")]
    [InlineData(new[] { "create", "--name", "sans-nom-affiche" }, "--display-name : le nom affiché doit faire entre 1 et 120 caractères")]
    [InlineData(new[] { "create", "--name", "hauts-de-france", "--display-name", "Doublon" }, "--name : un site nommé « hauts-de-france » existe déjà")]
    [InlineData(new[] { "create", "--name", "cvl-bis", "--display-name", "X", "--prefix", "nouvelle-aquitaine" }, "--prefix : le préfixe « nouvelle-aquitaine » est déjà utilisé")]
    [InlineData(new[] { "create", "--name", "hote", "--display-name", "X", "--host", "https://x.test/" }, "--host : nom d'hôte invalide « https://x.test/ »")]
    [InlineData(new[] { "create", "--name", "param", "--display-name", "X", "--param", "sans-egal" }, "--param : « sans-egal » doit avoir la forme Clé=Valeur")]
    [InlineData(new[] { "create", "--name", "recette", "--display-name", "X", "--recipe", "inconnue" }, "inconnue.recipe.json : recipe : recette introuvable")]
    [InlineData(new[] { "create", "--name", "typo", "--display-nom", "X" }, "Argument inconnu pour « tenants create » : --display-nom")]
    [InlineData(new[] { "supprimer", "--name", "bretagne" }, "Action inconnue « supprimer »")]
    [InlineData(new string[0], "Indiquez une action")]
    [InlineData(new[] { "disable" }, "--name : obligatoire")]
    [InlineData(new[] { "disable", "--name", "atlantide" }, "--name : site « atlantide » introuvable")]
    [InlineData(new[] { "disable", "--name", "network" }, "le hub du réseau ne peut pas être désactivé")]
    [InlineData(new[] { "features", "--name", "hauts-de-france", "--disable", "Mail" }, "« Courriel » ne peut pas être désactivé : « Comptes et rôles », « Contenus »")]
    [InlineData(new[] { "features", "--name", "hauts-de-france", "--disable", "Settings" }, "fait partie du socle")]
    [InlineData(new[] { "features", "--name", "hauts-de-france", "--enable", "Blog" }, "module inconnu « Blog »")]
    public async Task Bad_input_exits_with_2_a_french_message_on_stderr_and_changes_nothing(string[] args, string message)
    {
        var before = await factory.RegistryCountAsync();
        var hdf = (await factory.RegistryRowAsync("hauts-de-france"))!.Version;
        var (code, output, error) = await RunAsync(["tenants", .. args]);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
        Assert.DoesNotContain("créé", output);
        Assert.Equal(before, await factory.RegistryCountAsync());
        Assert.Equal(hdf, (await factory.RegistryRowAsync("hauts-de-france"))!.Version);
    }

    [Fact]
    public async Task A_recipe_failing_while_running_exits_with_1_and_leaves_nothing()
    {
        factory.WriteRegionRecipeWith("region-cli-echec", new JsonObject { ["name"] = "Fail", ["message"] = "disque plein" });
        var (code, output, error) = await RunAsync("tenants", "create", "--name", "corse-cli", "--display-name", "Corse", "--recipe", "region-cli-echec");
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Contains("La création du site « corse-cli » a échoué et a été annulée", error);
        Assert.Contains($"region-cli-echec.recipe.json, étape {factory.RegionStepCount} : Fail : disque plein", error);
        await factory.AssertNoTraceAsync("corse-cli");
    }

    [Fact]
    public async Task Disable_and_enable_switch_the_site_at_once()
    {
        await RunAsync("tenants", "create", "--name", "grand-est", "--display-name", "Grand Est");
        var client = factory.CreateBrowserClient();

        var (code, output, _) = await RunAsync("tenants", "disable", "--name", "grand-est");
        Assert.Equal(0, code);
        Assert.Contains("Site « grand-est » désactivé", output);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync("/grand-est/")).StatusCode);
        (code, output, _) = await RunAsync("tenants", "disable", "--name", "grand-est");
        Assert.Equal((0, true), (code, output.Contains("déjà désactivé")));

        (code, output, _) = await RunAsync("tenants", "enable", "--name", "grand-est");
        Assert.Equal(0, code);
        Assert.Contains("réactivé", output);
        Assert.Contains("Grand Est", await client.GetStringAsync("/grand-est/"));
    }

    [Fact]
    public async Task Features_lists_changes_and_follows_dependencies()
    {
        await RunAsync("tenants", "create", "--name", "pays-de-la-loire", "--display-name", "Pays de la Loire");

        // Dependants first whatever the order given, so all go (the content modules need Accounts and Mail too).
        var (code, output, _) = await RunAsync("tenants", "features", "--name", "pays-de-la-loire", "--disable", "Mail", "--disable", "Accounts", "--disable", "Discussions",
            "--disable", "Content", "--disable", "Showcases", "--disable", "Practices", "--disable", "Calls", "--disable", "Events", "--disable", "Directory", "--disable", "Pages", "--disable", "News", "--disable", "Menus", "--disable", "Follows");
        Assert.Equal(0, code);
        Assert.Contains("Module désactivé : Accounts.", output);
        Assert.Contains("[ ]     Mail", output);
        Assert.Contains("[socle] Settings", output);
        Assert.False(factory.Tenant("pays-de-la-loire").IsEnabled("Mail"));

        (code, output, _) = await RunAsync("tenants", "features", "--name", "pays-de-la-loire", "--enable", "Accounts");
        Assert.Equal(0, code);
        Assert.Contains("[x]     Mail", output);
        Assert.Contains("[x]     Accounts", output);
        Assert.True(factory.Tenant("pays-de-la-loire").IsEnabled("Mail"));

        (code, output, _) = await RunAsync("tenants", "features", "--name", "pays-de-la-loire");
        Assert.Equal(0, code);
        Assert.Contains("Accounts — Comptes et rôles (nécessite Mail)", output);
    }

    [Fact]
    public async Task Recipes_validate_checks_every_recipe_and_names_the_errors()
    {
        var (code, output, error) = await RunAsync("recipes", "validate", "region");
        Assert.Equal((0, ""), (code, error));
        Assert.Contains($"region.recipe.json : valide ({factory.RegionStepCount} étape(s) : Feature, Settings, Roles, Vocabularies", output);

        factory.WriteRecipe("zz-cassee", """{ "name": "zz-cassee", "steps": [ { "name": "Roles", "roles": [ { "name": "Coordinator", "permissions": ["Tout"] } ] } ] }""");
        try
        {
            (code, output, error) = await RunAsync("recipes", "validate");
            Assert.Equal(2, code);
            Assert.Contains("network.recipe.json : valide", output);
            Assert.Contains("zz-cassee.recipe.json : invalide (1 erreur(s))", error);
            Assert.Contains("zz-cassee.recipe.json, étape 0 : roles[0].permissions : permission inconnue « Tout »", error);
        }
        finally
        {
            File.Delete(Path.Combine(factory.RecipesPath, "zz-cassee.recipe.json"));
        }
        (code, _, error) = await RunAsync("recipes", "lister");
        Assert.Equal(2, code);
        Assert.Contains("Action inconnue « lister »", error);
    }
}
