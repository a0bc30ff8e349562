using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Home.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Home.HomeTestKit;

namespace Network.Tests.Home;

/// <summary>The home page of each tenant and its composer: default layouts, draft editing, preview, publication, history, bad input.</summary>
public sealed class HomeComposerTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "/hauts-de-france";

    [Fact]
    public async Task Until_a_coordinator_publishes_each_tenant_shows_the_default_layout_of_its_modules()
    {
        var client = factory.CreateBrowserClient();
        var hub = await client.GetDocumentAsync("/");
        Assert.Equal(factory.Tenant("network").SiteName, hub.QuerySelector("h1")!.TextContent.Trim());
        var hubBlocks = BlockSections(hub);
        Assert.Equal(["presentation", "regions"], hubBlocks.Where(b => b is "presentation" or "regions"));
        Assert.True(hubBlocks.IndexOf("presentation") < hubBlocks.IndexOf("regions"));

        var region = await client.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.Equal(factory.Tenant("nouvelle-aquitaine").SiteName, region.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("presentation", BlockSections(region));
        Assert.DoesNotContain("regions", BlockSections(region));
        Assert.Single(region.QuerySelectorAll("h1"));

        // The composer offers the default layout as the draft, every type the tenant's modules declare, hub-only ones on the hub only.
        var hubComposer = await (await factory.CoordinatorAsync("network")).GetDocumentAsync(Composer(""));
        Assert.Equal(["hero", "presentation", "calls-open", "events-upcoming", "showcases-featured", "news-latest", "showcases-latest", "practices-latest", "key-figures", "regions"], DraftKeys(hubComposer));
        var regionComposer = await (await factory.CoordinatorAsync("nouvelle-aquitaine")).GetDocumentAsync(Composer("/nouvelle-aquitaine"));
        Assert.Equal(["hero", "presentation", "calls-open", "events-upcoming", "showcases-featured", "news-latest", "showcases-latest", "practices-latest", "key-figures", "follow-region"], DraftKeys(regionComposer));
        var choices = regionComposer.QuerySelectorAll("input[name=type]").Select(i => i.GetAttribute("value")).ToList();
        Assert.Contains("text", choices);
        Assert.DoesNotContain("regions", choices);
    }

    [Fact]
    public async Task A_coordinator_edits_the_draft_previews_it_publishes_it_discards_and_restores()
    {
        var coordinator = await factory.CoordinatorAsync("hauts-de-france");
        var heading = Unique("Programme annuel");

        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "add", changes: new Dictionary<string, string> { ["type"] = "text" }));
        AssertRedirectedToComposer(await coordinator.EditBlockAsync(Hdf, "text", new Dictionary<string, string>
        {
            ["Input.Title"] = heading,
            ["Input.Text"] = "Les dossiers se déposent **avant le 15 mars**. [Voir les projets](/projets)",
        }));
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "up", "text"));
        var composer = await coordinator.GetDocumentAsync(Composer(Hdf));
        var keys = DraftKeys(composer);
        Assert.Equal("text", keys[^2]);

        // The preview shows the draft; visitors still see the published (default) layout.
        var preview = await coordinator.GetAsync($"{Hdf}/admin/accueil/apercu");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("noindex", preview.Headers.GetValues("X-Robots-Tag").Single());
        var previewPage = HtmlForms.Parse(await preview.Content.ReadAsStringAsync());
        Assert.Contains("cette version n'est pas publiée", previewPage.QuerySelector(".fr-notice")!.TextContent);
        Assert.Equal(heading, previewPage.QuerySelector("#accueil-text")!.TextContent.Trim());
        Assert.Equal($"{Hdf}/projets", previewPage.QuerySelector("section[aria-labelledby='accueil-text'] a")!.GetAttribute("href"));
        var visitor = factory.CreateBrowserClient();
        Assert.DoesNotContain(heading, await visitor.GetStringAsync($"{Hdf}/"));

        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "publish"));
        var published = await visitor.GetDocumentAsync($"{Hdf}/");
        Assert.Equal(heading, published.QuerySelector("#accueil-text")!.TextContent.Trim());
        Assert.Contains("avant le 15 mars", published.QuerySelector("section[aria-labelledby='accueil-text'] strong")!.TextContent);

        // Removing then discarding brings the published layout back into the draft.
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "remove", "text"));
        Assert.DoesNotContain("text", (await factory.LayoutAsync("hauts-de-france")).Draft.Select(b => b.Key));
        Assert.Contains(heading, await visitor.GetStringAsync($"{Hdf}/"));
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "discard"));
        Assert.Contains("text", (await factory.LayoutAsync("hauts-de-france")).Draft.Select(b => b.Key));

        // Publish a layout without the text, then restore the earlier publication from the history.
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "remove", "text"));
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "publish"));
        Assert.DoesNotContain(heading, await visitor.GetStringAsync($"{Hdf}/"));
        var history = (await coordinator.GetDocumentAsync(Composer(Hdf))).QuerySelectorAll("form[action$='handler=restore'] input[name=publication]").Select(i => i.GetAttribute("value")!).ToList();
        Assert.True(history.Count >= 2);
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "restore", changes: new Dictionary<string, string> { ["publication"] = history[1] }));
        Assert.Contains("text", (await factory.LayoutAsync("hauts-de-france")).Draft.Select(b => b.Key));
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(Hdf, "publish"));
        Assert.Contains(heading, await visitor.GetStringAsync($"{Hdf}/"));
    }

    [Fact]
    public async Task Hero_settings_replace_the_site_name_and_its_link_stays_in_the_tenant()
    {
        var coordinator = await factory.CoordinatorAsync("nouvelle-aquitaine");
        var title = Unique("Bienvenue");
        AssertRedirectedToComposer(await coordinator.EditBlockAsync("/nouvelle-aquitaine", "hero", new Dictionary<string, string>
        {
            ["Input.Title"] = title,
            ["Input.Text"] = "Un texte d'accueil.",
            ["Input.LinkLabel"] = "Voir les projets",
            ["Input.LinkUrl"] = "/projets",
        }));
        var preview = await coordinator.GetDocumentAsync("/nouvelle-aquitaine/admin/accueil/apercu");
        Assert.Equal(title, preview.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("/nouvelle-aquitaine/projets", preview.QuerySelector(".reseau-hero a.fr-btn")!.GetAttribute("href"));
        // The settings form shows only what the type declares: no count for the hero.
        var form = await coordinator.GetDocumentAsync("/nouvelle-aquitaine/admin/accueil/blocs/hero");
        Assert.Null(form.QuerySelector("[name='Input.Count']"));
        Assert.NotNull(form.QuerySelector("[name='Input.LinkUrl']"));
        var listForm = await coordinator.GetDocumentAsync("/nouvelle-aquitaine/admin/accueil/blocs/showcases-latest");
        Assert.NotNull(listForm.QuerySelector("[name='Input.Count']"));
        Assert.Null(listForm.QuerySelector("[name='Input.Text']"));
    }

    [Theory]
    [InlineData("Input.LinkUrl", "javascript:alert(1)", "l'adresse doit commencer")]
    [InlineData("Input.LinkUrl", "data:text/html,<b>x</b>", "l'adresse doit commencer")]
    [InlineData("Input.LinkUrl", "//ailleurs.example/piege", "l'adresse doit commencer")]
    [InlineData("Input.ImageId", "abc", "pas dans la médiathèque")]
    [InlineData("Input.ImageId", "999999", "pas dans la médiathèque")]
    public async Task Bad_hero_settings_are_refused_in_french_and_change_nothing(string field, string value, string message)
    {
        var coordinator = await factory.CoordinatorAsync("hauts-de-france");
        var before = await factory.LayoutAsync("hauts-de-france");
        var changes = new Dictionary<string, string> { ["Input.LinkLabel"] = "Cliquer", ["Input.LinkUrl"] = "/projets", [field] = value };
        var response = await coordinator.EditBlockAsync(Hdf, "hero", changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before.Version, (await factory.LayoutAsync("hauts-de-france")).Version);
    }

    [Theory]
    [InlineData("abc", "nombre entier")]
    [InlineData("13", "de 1 à 12")]
    [InlineData("0", "de 1 à 12")]
    public async Task Bad_counts_are_refused(string count, string message)
    {
        var coordinator = await factory.CoordinatorAsync("hauts-de-france");
        var before = await factory.LayoutAsync("hauts-de-france");
        var response = await coordinator.EditBlockAsync(Hdf, "showcases-latest", new Dictionary<string, string> { ["Input.Count"] = count });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before.Version, (await factory.LayoutAsync("hauts-de-france")).Version);
    }

    [Fact]
    public async Task Oversized_text_unknown_types_stale_versions_and_too_many_blocks_change_nothing()
    {
        var coordinator = await factory.CoordinatorAsync("nouvelle-aquitaine");
        const string na = "/nouvelle-aquitaine";
        var before = await factory.LayoutAsync("nouvelle-aquitaine");

        var unknown = await coordinator.ComposerActionAsync(na, "add", changes: new Dictionary<string, string> { ["type"] = "blog-latest" });
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("type de bloc inconnu", System.Net.WebUtility.HtmlDecode(await unknown.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);

        var stale = await coordinator.ComposerActionAsync(na, "add", changes: new Dictionary<string, string> { ["type"] = "text", ["Version"] = Guid.NewGuid().ToString("N") });
        Assert.Contains("modifiée entre-temps", System.Net.WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before.Version, (await factory.LayoutAsync("nouvelle-aquitaine")).Version);

        var oversized = await coordinator.EditBlockAsync(na, "hero", new Dictionary<string, string> { ["Input.Text"] = new string('a', HomeLayoutRules.TextMaxLength + 1) });
        Assert.Contains("10000 caractères", System.Net.WebUtility.HtmlDecode(await oversized.Content.ReadAsStringAsync()), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before.Version, (await factory.LayoutAsync("nouvelle-aquitaine")).Version);

        // Up to 20 blocks: the 21st is refused.
        var count = before.Draft.Count;
        for (; count < HomeLayoutRules.MaxBlocks; count++)
        {
            var result = await factory.InTenantAsync("nouvelle-aquitaine", async sp =>
            {
                var layouts = sp.GetRequiredService<HomeLayouts>();
                return await layouts.AddAsync((await layouts.GetAsync()).Version, "text", "test");
            });
            Assert.True(result.Succeeded);
        }
        var full = await factory.LayoutAsync("nouvelle-aquitaine");
        var refused = await factory.InTenantAsync("nouvelle-aquitaine", sp => sp.GetRequiredService<HomeLayouts>().AddAsync(full.Version, "text", "test"));
        Assert.Contains("au plus 20 blocs", Assert.Single(refused.Errors).Message);
        Assert.Equal(full.Version, (await factory.LayoutAsync("nouvelle-aquitaine")).Version);
        AssertRedirectedToComposer(await coordinator.ComposerActionAsync(na, "discard"));
    }

    [Fact]
    public async Task Only_coordinators_reach_the_composer_and_the_preview()
    {
        var anonymous = factory.CreateBrowserClient();
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"{Hdf}/admin/accueil")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync($"{Hdf}/admin/accueil/apercu")).StatusCode);
        var (_, contributor) = await factory.SignedInWithRoleAsync("hauts-de-france", Network.Core.Security.NetworkRoles.Contributor);
        Assert.NotEqual(HttpStatusCode.OK, (await contributor.GetAsync($"{Hdf}/admin/accueil")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await contributor.GetAsync($"{Hdf}/admin/accueil/apercu")).StatusCode);
        // A coordinator of another region has no say here.
        var other = await factory.CoordinatorAsync("nouvelle-aquitaine");
        Assert.NotEqual(HttpStatusCode.OK, (await other.GetAsync($"{Hdf}/admin/accueil")).StatusCode);
    }
}
