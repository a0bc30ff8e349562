using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Accounts.Services;
using Network.Modules.Home.Blocks;
using Network.Modules.Home.Services;
using Network.Modules.Showcases.Data;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Home.HomeTestKit;

namespace Network.Tests.Home;

/// <summary>Key figures, blocks of disabled modules, concurrent publications and the HomeLayout recipe step.</summary>
public sealed class HomeBlocksTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static string Figures(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelector("section[aria-labelledby='accueil-key-figures']")!.TextContent.Replace('\u202f', ' ').Replace('\u00a0', ' ');

    [Fact]
    public async Task Key_figures_count_published_projects_their_grants_and_the_members_in_french()
    {
        await factory.EnsureVocabulariesAsync("hauts-de-france");
        await factory.PublishAsync("hauts-de-france", Unique("Projet chiffré"), new ShowcaseFields { Domains = ["musees"], Technologies = ["numerisation-3d"], AmountGranted = 1_500_000m });
        await factory.PublishAsync("hauts-de-france", Unique("Projet chiffré"), new ShowcaseFields { Domains = ["musees"], Technologies = ["numerisation-3d"], AmountGranted = 250_000m });
        await factory.PublishAsync("hauts-de-france", Unique("Brouillon chiffré"), new ShowcaseFields { Domains = ["musees"], Technologies = ["numerisation-3d"], AmountGranted = 9_000_000m }, publish: false);
        var member = await factory.CreateAccountAsync(AccountTestKit.NewEmail("membre"));
        await factory.GrantAsync(member.Id, "hauts-de-france", "Member");
        factory.Service<MemberCounts>().Clear();

        var page = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/");
        var text = Figures(page);
        Assert.Contains("1 750 000 €", text);
        Assert.Contains("Projets soutenus", text);
        Assert.Contains("Membres", text);
        Assert.Matches(@"\b2\s+Projets soutenus", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));

        Assert.Equal("1 234 567 €", KeyFiguresViewComponent.Format(new KeyFigure("x", "x", 1_234_567m, KeyFigureUnit.Euros), System.Globalization.CultureInfo.GetCultureInfo("fr-FR")).Replace('\u202f', ' ').Replace('\u00a0', ' '));
        Assert.Equal("€1,234,567", KeyFiguresViewComponent.Format(new KeyFigure("x", "x", 1_234_567m, KeyFigureUnit.Euros), System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task A_disabled_module_s_block_vanishes_from_the_page_and_from_the_composer_s_choices()
    {
        var manager = factory.Service<TenantManager>();
        var coordinator = await factory.CoordinatorAsync("nouvelle-aquitaine");
        Assert.Contains("practices-latest", BlockSections(await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/")).Concat(DraftKeys(await coordinator.GetDocumentAsync(Composer("/nouvelle-aquitaine")))));
        await manager.DisableFeatureAsync("nouvelle-aquitaine", "Practices");
        try
        {
            var page = await factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/");
            Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowserClient().GetAsync("/nouvelle-aquitaine/")).StatusCode);
            Assert.DoesNotContain("practices-latest", BlockSections(page));
            var composer = await coordinator.GetDocumentAsync(Composer("/nouvelle-aquitaine"));
            Assert.DoesNotContain("practices-latest", composer.QuerySelectorAll("input[name=type]").Select(i => i.GetAttribute("value")));
            var refused = await coordinator.ComposerActionAsync("/nouvelle-aquitaine", "add", changes: new Dictionary<string, string> { ["type"] = "practices-latest" });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("n'est pas activé sur ce site", WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            await manager.EnableFeatureAsync("nouvelle-aquitaine", "Practices");
        }
    }

    [Fact]
    public async Task Two_publications_from_the_same_version_one_wins()
    {
        var state = await factory.LayoutAsync("network");
        var added = await factory.InTenantAsync("network", sp => sp.GetRequiredService<HomeLayouts>().AddAsync(state.Version, "text", "test"));
        Assert.True(added.Succeeded);
        var version = (await factory.LayoutAsync("network")).Version;
        var attempts = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            factory.InTenantAsync("network", sp => sp.GetRequiredService<HomeLayouts>().PublishAsync(version, "test"))));
        Assert.Single(attempts, a => a.Succeeded);
        Assert.Contains("modifiée entre-temps", attempts.Single(a => !a.Succeeded).Errors.Single().Message);
        var history = await factory.InTenantAsync("network", sp => sp.GetRequiredService<HomeLayouts>().HistoryAsync(50));
        Assert.Single(history, h => h.LayoutJson.Contains("\"key\":\"text\"", StringComparison.Ordinal));
    }

    [Fact]
    public void The_recipe_step_reports_every_bad_block_before_writing()
    {
        var recipe = """
            { "name": "essai", "steps": [
              { "name": "Feature", "enable": [ "Settings", "Mail", "Accounts", "Media", "Content", "Showcases" ] },
              { "name": "HomeLayout", "blocks": [
                { "type": "hero", "linkLabel": "Voir", "linkUrl": "javascript:alert(1)", "image": { "motif": "inconnu", "alt": "Une image abstraite de test." } },
                { "type": "practices-latest" },
                { "type": "showcases-latest", "count": 40 },
                { "type": "showcases-latest", "count": "trois" },
                { "type": "Pas un type" },
                { "type": "partners-latest", "count": 3 },
                { "type": "news-latest", "count": 3 },
                { "type": "calls-open", "count": 3 }
              ] }
            ] }
            """;
        var error = Assert.Throws<RecipeException>(() => factory.Service<RecipeReader>().Parse("essai.recipe.json", recipe, new Dictionary<string, string>()));
        var fields = error.Errors.Select(e => e.Field).ToList();
        Assert.Contains("blocks[0].linkUrl", fields);
        Assert.Contains("blocks[0].image.motif", fields);
        Assert.Contains("blocks[1].type", fields);
        Assert.Contains("blocks[2].count", fields);
        Assert.Contains("blocks[3].count", fields);
        Assert.Contains("blocks[4].type", fields);
        // A type no module of this build declares (a module still to come) is kept for later;
        // one of a module the recipe does not enable is refused.
        Assert.DoesNotContain(fields, f => f.StartsWith("blocks[5]", StringComparison.Ordinal));
        Assert.Contains("blocks[6].type", fields);
        Assert.Contains("blocks[7].type", fields);
    }
}
