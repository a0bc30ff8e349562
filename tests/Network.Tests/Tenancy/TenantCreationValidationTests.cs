using Network.Core.Tenancy;
using Network.Tests.Infrastructure;
using static Network.Tests.Tenancy.TenancyAssertions;

namespace Network.Tests.Tenancy;

/// <summary>Bad names, reserved names and duplicates are refused with a clear message, and nothing is written.</summary>
public sealed class TenantCreationValidationTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private TenantManager Manager => factory.Service<TenantManager>();

    [Theory]
    [InlineData("Bretagne", "minuscules")]
    [InlineData("bre tagne", "minuscules")]
    [InlineData("bretâgne", "non accentuées")]
    [InlineData("corse!", "minuscules")]
    [InlineData("-bretagne", "minuscules")]
    [InlineData("bretagne-", "minuscules")]
    [InlineData("bre--tagne", "minuscules")]
    [InlineData("", "obligatoire")]
    [InlineData("une-region-dont-le-nom-est-bien-trop-long-pour-servir-de-prefixe-x", "minuscules")]
    [InlineData("admin", "réservé")]
    [InlineData("api", "réservé")]
    [InlineData("compte", "réservé")]
    [InlineData("projets", "réservé")]
    [InlineData("pratiques", "réservé")]
    [InlineData("appels", "réservé")]
    [InlineData("evenements", "réservé")]
    [InlineData("recherche", "réservé")]
    [InlineData("annuaire", "réservé")]
    [InlineData("donnees", "réservé")]
    [InlineData("health", "réservé")]
    [InlineData("assets", "réservé")]
    [InlineData("nouveau", "réservé")]
    public async Task Bad_or_reserved_names_are_refused_and_nothing_is_written(string name, string expected)
    {
        var before = await factory.RegistryCountAsync();
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region(name, "Région")));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("name", field);
        Assert.Contains(expected, message);
        Assert.Equal(before, await factory.RegistryCountAsync());
        if (name.Length > 0) Assert.False(Directory.Exists(factory.TenantFolder(name)));
    }

    [Theory]
    [InlineData("Bzh")]
    [InlineData("b zh")]
    [InlineData("admin")]
    public async Task Bad_or_reserved_prefixes_are_refused(string prefix)
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("bretagne-prefixe", "Bretagne", prefix)));
        Assert.Equal("prefix", Assert.Single(error.Errors).Field);
        await factory.AssertNoTraceAsync("bretagne-prefixe");
    }

    [Fact]
    public async Task Every_problem_is_reported_at_once()
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() =>
            Manager.CreateAsync(new TenantCreation("Bretagne", "  ", "region", "admin", ["http://bzh.test/", "bzh..test"])));
        var fields = error.Errors.Select(e => e.Field).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("prefix", fields);
        Assert.Contains("displayName", fields);
        Assert.Equal(2, fields.Count(f => f == "hosts"));
        Assert.Contains(error.Errors, e => e.Message.Contains("http://bzh.test/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Display_name_longer_than_120_characters_is_refused()
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("bretagne-long", new string('B', 121))));
        Assert.Equal("displayName", Assert.Single(error.Errors).Field);
        await factory.AssertNoTraceAsync("bretagne-long");
    }

    [Fact]
    public async Task Duplicate_name_is_refused()
    {
        var row = await factory.RegistryRowAsync("hauts-de-france");
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("hauts-de-france", "Encore")));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("name", field);
        Assert.Contains("existe déjà", message);
        // The existing tenant is untouched.
        Assert.Equal(row!.Version, (await factory.RegistryRowAsync("hauts-de-france"))!.Version);
    }

    [Fact]
    public async Task Duplicate_prefix_is_refused()
    {
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("hdf-bis", "HDF bis", prefix: "hauts-de-france")));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("prefix", field);
        Assert.Contains("déjà utilisé", message);
        await factory.AssertNoTraceAsync("hdf-bis");
    }

    [Fact]
    public async Task Duplicate_host_is_refused_whatever_its_case()
    {
        await Manager.CreateAsync(Region("occitanie", "Occitanie", hosts: ["culture.occitanie.test"]));
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("occitanie-bis", "Occitanie bis", hosts: ["Culture.Occitanie.TEST"])));
        var (field, message) = Assert.Single(error.Errors);
        Assert.Equal("hosts", field);
        Assert.Contains("occitanie", message);
        await factory.AssertNoTraceAsync("occitanie-bis");
    }

    [Fact]
    public async Task Unknown_recipe_is_refused_before_anything_is_written()
    {
        var error = await Assert.ThrowsAsync<Network.Core.Recipes.RecipeException>(() => Manager.CreateAsync(Region("corse", "Corse", recipe: "inexistante")));
        Assert.Contains("inexistante.recipe.json", error.Message);
        await factory.AssertNoTraceAsync("corse");
    }

    [Fact]
    public async Task Leftover_files_in_the_data_folder_are_neither_adopted_nor_deleted()
    {
        var folder = factory.TenantFolder("guyane");
        Directory.CreateDirectory(Path.Combine(folder, "media"));
        await File.WriteAllTextAsync(Path.Combine(folder, "media", "photo.txt"), "ancienne donnée");
        var error = await Assert.ThrowsAsync<TenantValidationException>(() => Manager.CreateAsync(Region("guyane", "Guyane")));
        Assert.Contains("des données existent déjà", Assert.Single(error.Errors).Message);
        Assert.Null(await factory.RegistryRowAsync("guyane"));
        Assert.True(File.Exists(Path.Combine(folder, "media", "photo.txt")));
    }

    [Fact]
    public async Task Two_concurrent_creations_of_the_same_name_leave_exactly_one_tenant()
    {
        var manager = Manager; // starts the host once, before the racing tasks
        var attempts = Enumerable.Range(0, 4).Select(i => Task.Run(() => manager.CreateAsync(Region("martinique", $"Martinique {i}")))).ToList();
        var outcomes = await Task.WhenAll(attempts.Select(async t =>
        {
            try { await t; return (Exception?)null; }
            catch (Exception e) { return e; }
        }));
        Assert.Single(outcomes, e => e is null);
        Assert.All(outcomes.Where(e => e is not null), e => Assert.Equal("un site nommé « martinique » existe déjà", Assert.Single(Assert.IsType<TenantValidationException>(e).Errors).Message));
        var row = await factory.RegistryRowAsync("martinique");
        Assert.Equal(TenantState.Running, row!.State);
        Assert.True(File.Exists(Path.Combine(factory.TenantFolder("martinique"), "tenant.db")));
        var client = factory.CreateBrowserClient();
        Assert.Contains("Martinique", await client.GetStringAsync("/martinique/"));
    }

    [Fact]
    public async Task A_valid_region_is_created_running_with_its_recipe_applied()
    {
        var tenant = await Manager.CreateAsync(Region("bretagne", "Bretagne", hosts: ["culture.bretagne.test"]));
        Assert.Equal(TenantState.Running, tenant.State);
        Assert.Equal("/bretagne", tenant.PathBase);
        Assert.True(tenant.Features.SetEquals(["Settings", "Mail", "Accounts", "Media", "Content", "Showcases", "Practices", "Calls", "Events", "Pages", "News", "Menus", "Home", "Search", "OpenData", "Directory", "Api", "Discussions", "Follows"]));
        Assert.Equal(["Préfet", "de la région", "Bretagne"], tenant.BlocMarqueLines);
        Assert.Equal("Culture et numérique en Bretagne", tenant.SiteName);
        Assert.Equal(["culture.bretagne.test"], tenant.Hosts);
    }
}
