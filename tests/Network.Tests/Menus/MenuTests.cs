using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Navigation;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Menus.Data;
using Network.Modules.Menus.Recipes;
using Network.Modules.Menus.Services;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Menus;

/// <summary>A host with a site-map contributor standing in for the Pages module's page tree.</summary>
public sealed class MenuWebFactory : NetworkWebFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<ISiteMapContributor, FakePageTree>());
    }

    private sealed class FakePageTree : ISiteMapContributor
    {
        public string ModuleId => "Pages";

        public Task<IReadOnlyList<SiteMapSection>> GetAsync(HttpContext context, CancellationToken cancellationToken = default)
            => Task.FromResult<IReadOnlyList<SiteMapSection>>([new("Pages du site", [new("Arbre des pages", "/arbre", [new("Feuille de l'arbre", "/arbre/feuille")])])]);
    }
}

/// <summary>The main menu: default, editing, entries that vanish with their module or page, bad input, header and site map.</summary>
public sealed class MenuTests(MenuWebFactory factory) : IClassFixture<MenuWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string Admin = "/hauts-de-france/admin/menu";

    private Task<T> InRegion<T>(Func<IServiceProvider, Task<T>> work, string tenant = Region) => factory.InTenantAsync(tenant, work);

    private Task<MenuDraft> DraftAsync(string tenant = Region) => InRegion(sp => sp.GetRequiredService<MenuEditor>().LoadAsync(), tenant);

    /// <summary>Each test starts from the default menu.</summary>
    private async Task ResetAsync(string tenant = Region)
    {
        var draft = await DraftAsync(tenant);
        await InRegion(sp => sp.GetRequiredService<MenuEditor>().ResetAsync(draft.Version), tenant);
    }

    private async Task<int> PublishedPageAsync(string title, string tenant = Region, string? slug = null)
    {
        return await InRegion(async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var created = await store.CreateAsync(sp.GetRequiredService<PageType>(), new ContentEdit(title, slug, "Résumé", false, new PageFields { Body = "Texte" }), Coordinator);
            Assert.True(created.Succeeded, string.Join("; ", created.Errors));
            var published = await store.PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, Coordinator);
            Assert.True(published.Succeeded, string.Join("; ", published.Errors));
            return created.Item.Id;
        }, tenant);
    }

    private static Dictionary<string, string> Fields(params (string Key, string Value)[] fields) => fields.ToDictionary(f => f.Key, f => f.Value);

    private static IReadOnlyList<string> TopLabels(MenuDraft draft) => draft.Entries.Select(e => e.DisplayLabel).ToList();

    private async Task<IHtmlDocument> HeaderAsync(HttpClient client, string path = "/hauts-de-france/")
        => await client.GetDocumentAsync(path);

    private static List<string> NavTexts(IHtmlDocument page)
        => page.QuerySelectorAll("#navigation-principale .fr-nav__list > li > a, #navigation-principale .fr-nav__list > li > button").Select(e => e.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_default_menu_lists_the_enabled_modules_until_a_change_saves_it()
    {
        await ResetAsync("nouvelle-aquitaine");
        var draft = await DraftAsync("nouvelle-aquitaine");
        Assert.False(draft.IsCustom);
        Assert.Equal(["Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire"], TopLabels(draft));
        Assert.All(draft.Entries, e => Assert.True(e.Id < 0));
        var page = await HeaderAsync(factory.CreateClient(), "/nouvelle-aquitaine/");
        Assert.Equal(["Accueil", "Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire"], NavTexts(page));

        var coordinator = await factory.PersonAsync("nouvelle-aquitaine", "Coordinator", "Menu Défaut");
        var client = await coordinator.ClientAsync(factory);
        var admin = await client.GetDocumentAsync("/nouvelle-aquitaine/admin/menu");
        Assert.NotNull(admin.GetElementById("menu-default-badge"));
        // The first change (moving "Pratiques" up) saves the whole default menu.
        var moved = await client.SubmitFormAsync("/nouvelle-aquitaine/admin/menu", $"#move-up-{draft.Entries[2].Id}", Fields());
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        draft = await DraftAsync("nouvelle-aquitaine");
        Assert.True(draft.IsCustom);
        Assert.Equal(["Actualités", "Pratiques", "Projets", "Appels à projets", "Événements", "Annuaire"], TopLabels(draft));
        Assert.All(draft.Entries, e => Assert.True(e.Id > 0));
        page = await HeaderAsync(factory.CreateClient(), "/nouvelle-aquitaine/");
        Assert.Equal(["Accueil", "Actualités", "Pratiques", "Projets", "Appels à projets", "Événements", "Annuaire"], NavTexts(page));
        // Accounts without the permission cannot edit.
        var member = await factory.PersonAsync("nouvelle-aquitaine", "Contributor", "Menu Contributeur");
        var forbidden = await (await member.ClientAsync(factory)).GetAsync("/nouvelle-aquitaine/admin/menu");
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Coordinators_add_reorder_nest_edit_delete_and_reset_entries()
    {
        await ResetAsync();
        var pageId = await PublishedPageAsync("À propos du réseau " + Guid.NewGuid().ToString("N")[..6]);
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Menu Coord");
        var client = await coordinator.ClientAsync(factory);

        var added = await client.SubmitFormAsync(Admin, "#add-form", Fields(("kind", "page"), ("pageId", pageId.ToString()), ("label", ""), ("labelEn", "About"), ("parentId", "")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        added = await client.SubmitFormAsync(Admin, "#add-form", Fields(("kind", "external"), ("url", "https://www.culture.gouv.fr"), ("label", "Ministère"), ("parentId", "")));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var draft = await DraftAsync();
        Assert.True(draft.IsCustom);
        var pageEntry = draft.Entries[6];
        Assert.Equal(MenuEntryKind.Page, pageEntry.Kind);
        Assert.StartsWith("À propos du réseau", pageEntry.DisplayLabel);
        var external = draft.Entries[7];

        // Nest a path entry under the page entry, then the external link under it too, then take it out again.
        added = await client.SubmitFormAsync(Admin, "#add-form", Fields(("kind", "path"), ("path", "/contact"), ("label", "Nous contacter"), ("labelEn", "Contact us"), ("parentId", pageEntry.Id.ToString())));
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#indent-{external.Id}", Fields())).StatusCode);
        draft = await DraftAsync();
        Assert.Equal(7, draft.Entries.Count);
        Assert.Equal(["Nous contacter", "Ministère"], draft.Entries[6].Children.Select(c => c.DisplayLabel));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#outdent-{external.Id}", Fields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#move-up-{pageEntry.Id}", Fields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#move-up-{pageEntry.Id}", Fields())).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#move-up-{pageEntry.Id}", Fields())).StatusCode);
        draft = await DraftAsync();
        Assert.Equal(["Actualités", "Projets", "Pratiques", pageEntry.DisplayLabel, "Appels à projets", "Événements", "Annuaire", "Ministère"], TopLabels(draft));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#move-down-{draft.Entries[0].Id}", Fields())).StatusCode);
        Assert.Equal(["Projets", "Actualités"], TopLabels(await DraftAsync()).Take(2));

        // Edit: French and English labels, then the header in both languages.
        var editPage = await client.GetDocumentAsync($"{Admin}?modifier={pageEntry.Id}");
        Assert.NotNull(editPage.GetElementById("edit-page"));
        var edited = await client.SubmitFormAsync($"{Admin}?modifier={pageEntry.Id}", "#edit-form", Fields(("pageId", pageId.ToString()), ("label", "À propos"), ("labelEn", "About us")));
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var header = await HeaderAsync(factory.CreateClient());
        Assert.Equal(["Accueil", "Projets", "Actualités", "Pratiques", "À propos", "Appels à projets", "Événements", "Annuaire", "Ministère"], NavTexts(header));
        var submenu = header.QuerySelector("#navigation-principale button.fr-nav__btn")!;
        Assert.Equal("À propos", submenu.TextContent.Trim());
        var submenuLinks = header.QuerySelectorAll($"#{submenu.GetAttribute("aria-controls")} a").ToList();
        Assert.Equal(["Nous contacter"], submenuLinks.Select(a => a.TextContent.Trim()));
        Assert.Equal("/hauts-de-france/contact", submenuLinks[0].GetAttribute("href"));
        var ministere = header.QuerySelectorAll("#navigation-principale a").Single(a => a.TextContent.Trim() == "Ministère");
        Assert.Equal(("https://www.culture.gouv.fr", "_blank", "noopener", "Ministère - nouvelle fenêtre"),
            (ministere.GetAttribute("href"), ministere.GetAttribute("target"), ministere.GetAttribute("rel"), ministere.GetAttribute("title")));
        var english = factory.CreateClient();
        await english.GetAsync("/hauts-de-france/langue/en?retour=/hauts-de-france/");
        var englishHeader = await HeaderAsync(english);
        // (The News module's own English label is its business; the rest is checked.)
        var englishTexts = NavTexts(englishHeader);
        Assert.Equal(["Home", "Projects"], englishTexts.Take(2));
        Assert.Equal(["Practices", "About us", "Calls for projects", "Events", "Directory", "Ministère"], englishTexts.Skip(3));
        Assert.Contains("Contact us", englishHeader.GetElementById("navigation-principale")!.TextContent);

        // Delete the submenu with its entry, then go back to the default menu.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#delete-{pageEntry.Id}", Fields())).StatusCode);
        draft = await DraftAsync();
        Assert.Equal(["Projets", "Actualités", "Pratiques", "Appels à projets", "Événements", "Annuaire", "Ministère"], TopLabels(draft));
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, "#reset-form", Fields())).StatusCode);
        draft = await DraftAsync();
        Assert.False(draft.IsCustom);
        Assert.Equal(["Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire"], TopLabels(draft));
    }

    [Fact]
    public async Task Entries_vanish_with_their_module_or_page_and_come_back()
    {
        await ResetAsync();
        var first = await PublishedPageAsync("Page qui restera " + Guid.NewGuid().ToString("N")[..6]);
        var second = await PublishedPageAsync("Page qui sera retirée " + Guid.NewGuid().ToString("N")[..6]);
        await InRegion(async sp =>
        {
            var editor = sp.GetRequiredService<MenuEditor>();
            var draft = await editor.LoadAsync();
            Assert.True((await editor.AddAsync(draft.Version, new MenuEntryInput(MenuEntryKind.Group, Label: "Découvrir"), null)).Succeeded);
            var group = (await editor.LoadAsync()).Entries.Last();
            Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Page, PageId: second), group.Id)).Succeeded);
            return 0;
        });
        var header = await HeaderAsync(factory.CreateClient());
        Assert.Equal(["Accueil", "Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire", "Découvrir"], NavTexts(header));

        // Disabling Practices removes its entry at once; enabling it brings it back.
        await factory.Service<TenantManager>().DisableFeatureAsync(Region, "Practices");
        try
        {
            Assert.Equal(["Accueil", "Actualités", "Projets", "Appels à projets", "Événements", "Annuaire", "Découvrir"], NavTexts(await HeaderAsync(factory.CreateClient())));
            Assert.Contains((await DraftAsync()).Entries, e => e.DisplayLabel == "Pratiques" && e.Hidden != null);
        }
        finally
        {
            await factory.Service<TenantManager>().EnableFeatureAsync(Region, "Practices");
        }
        Assert.Equal(["Accueil", "Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire", "Découvrir"], NavTexts(await HeaderAsync(factory.CreateClient())));

        // Archiving the group's only page empties the group, which vanishes; the editor says why.
        await InRegion(async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var item = (await store.FindAsync(second))!;
            var archived = await store.PerformAsync(second, item.Version, ContentAction.Archive, Coordinator);
            Assert.True(archived.Succeeded, string.Join("; ", archived.Errors));
            return 0;
        });
        Assert.Equal(["Accueil", "Actualités", "Projets", "Pratiques", "Appels à projets", "Événements", "Annuaire"], NavTexts(await HeaderAsync(factory.CreateClient())));
        var group = (await DraftAsync()).Entries.Single(e => e.DisplayLabel == "Découvrir");
        Assert.Equal("son sous-menu est vide", group.Hidden);
        Assert.Equal("la page n'est plus publiée", group.Children.Single().Hidden);
        Assert.True(first > 0);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_french_message_and_changes_nothing()
    {
        await ResetAsync();
        var foreignPage = await PublishedPageAsync("Page d'une autre région " + Guid.NewGuid().ToString("N")[..6], "nouvelle-aquitaine");
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Menu Refus");
        var client = await coordinator.ClientAsync(factory);
        var before = await DraftAsync();

        async Task Refused(Dictionary<string, string> fields, string message, HttpStatusCode status = HttpStatusCode.BadRequest)
        {
            var response = await client.SubmitFormAsync(Admin, "#add-form", fields);
            Assert.Equal(status, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(message, page.GetElementById("menu-error")!.TextContent);
        }
        await Refused(Fields(("kind", "page"), ("pageId", "999999")), "n'existe pas ou n'est pas publiée");
        await Refused(Fields(("kind", "page"), ("pageId", foreignPage.ToString())), "n'existe pas ou n'est pas publiée");
        await Refused(Fields(("kind", "external"), ("url", "javascript:alert(1)"), ("label", "Piège")), "https://");
        await Refused(Fields(("kind", "external"), ("url", "data:text/html,<b>x</b>"), ("label", "Piège")), "https://");
        await Refused(Fields(("kind", "external"), ("url", "https://exemple.fr")), "Indiquez le libellé");
        await Refused(Fields(("kind", "path"), ("path", "//exemple.fr/x"), ("label", "Piège")), "commence par /");
        await Refused(Fields(("kind", "module"), ("module", "/inconnu")), "modules activés");
        await Refused(Fields(("kind", "sideways")), "type de l'entrée");
        await Refused(Fields(("kind", "group"), ("label", new string('x', 81))), "80 caractères");
        await Refused(Fields(("kind", "group"), ("label", "Titre"), ("parentId", before.Entries[0].Id.ToString())), "premier niveau");

        Assert.Equal(before.Version, (await DraftAsync()).Version);
        Assert.False((await DraftAsync()).IsCustom);

        // Nesting deeper than one level: an entry with a submenu cannot go into another.
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(Admin, $"#indent-{before.Entries[1].Id}", Fields())).StatusCode);
        var draft = await DraftAsync();
        var projets = draft.Entries[0].Children.Single();
        var page2 = await client.GetDocumentAsync(Admin);
        Assert.Null(page2.GetElementById($"indent-{draft.Entries[0].Id}"));
        var deeper = await client.PostAsync($"{Admin}?handler=Indent", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page2)), new("version", draft.Version.ToString()), new("id", draft.Entries[1].Id.ToString())]));
        Assert.Equal(HttpStatusCode.Redirect, deeper.StatusCode); // Pratiques goes under Actualités: fine, one level.
        draft = await DraftAsync();
        var tooDeep = await client.PostAsync($"{Admin}?handler=Indent", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page2)), new("version", draft.Version.ToString()), new("id", projets.Id.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, tooDeep.StatusCode);
        Assert.Contains("déjà dans un sous-menu", HtmlForms.Parse(await tooDeep.Content.ReadAsStringAsync()).GetElementById("menu-error")!.TextContent);

        // A stale version changes nothing and says so; a forged entry id answers 404; a missing version is invalid.
        var stale = await client.PostAsync($"{Admin}?handler=Delete", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page2)), new("version", before.Version.ToString()), new("id", projets.Id.ToString())]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("modifié entre-temps", HtmlForms.Parse(await stale.Content.ReadAsStringAsync()).GetElementById("menu-error")!.TextContent);
        var forged = await client.PostAsync($"{Admin}?handler=Delete", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page2)), new("version", draft.Version.ToString()), new("id", "987654")]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        var noVersion = await client.PostAsync($"{Admin}?handler=Delete", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", Token(page2)), new("version", "abc"), new("id", projets.Id.ToString())]));
        Assert.Equal(HttpStatusCode.BadRequest, noVersion.StatusCode);
        Assert.Equal(draft.Version, (await DraftAsync()).Version);
        Assert.Equal(404, (int)(await client.GetAsync($"{Admin}?modifier=987654")).StatusCode);

        // The cap: at most 30 entries.
        await InRegion(async sp =>
        {
            var editor = sp.GetRequiredService<MenuEditor>();
            for (var count = (await editor.LoadAsync()).Count; count < MenuRules.MaxEntries; count++)
                Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Path, Path: "/x" + count, Label: "Lien " + count), null)).Succeeded);
            return 0;
        });
        await Refused(Fields(("kind", "path"), ("path", "/encore"), ("label", "Une de trop")), "plus de 30 entrées");
        Assert.Equal(MenuRules.MaxEntries, (await DraftAsync()).Count);
    }

    [Fact]
    public async Task Two_changes_based_on_the_same_version_one_wins()
    {
        await ResetAsync();
        var draft = await DraftAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(i => InRegion(sp => sp.GetRequiredService<MenuEditor>()
            .AddAsync(draft.Version, new MenuEntryInput(MenuEntryKind.Path, Path: $"/concurrent-{i}", Label: $"Concurrent {i}"), null))));
        Assert.Single(results, r => r.Succeeded);
        Assert.Single(results, r => r.Error == MenuChange.StaleMessage);
        Assert.Equal(7, (await DraftAsync()).Count);
    }

    [Fact]
    public async Task The_header_marks_the_current_page_and_its_submenu()
    {
        await ResetAsync();
        await InRegion(async sp =>
        {
            var editor = sp.GetRequiredService<MenuEditor>();
            var draft = await editor.LoadAsync();
            // Projets and Pratiques go into a "Partager" submenu.
            Assert.True((await editor.AddAsync(draft.Version, new MenuEntryInput(MenuEntryKind.Group, Label: "Partager"), null)).Succeeded);
            draft = await editor.LoadAsync();
            var projets = draft.Entries.Single(e => e.DisplayLabel == "Projets");
            var pratiques = draft.Entries.Single(e => e.DisplayLabel == "Pratiques");
            Assert.True((await editor.DeleteAsync(draft.Version, projets.Id)).Succeeded);
            Assert.True((await editor.DeleteAsync((await editor.LoadAsync()).Version, pratiques.Id)).Succeeded);
            var group = (await editor.LoadAsync()).Entries.Single(e => e.DisplayLabel == "Partager");
            Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Module, ModulePath: "/projets"), group.Id)).Succeeded);
            Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Module, ModulePath: "/pratiques"), group.Id)).Succeeded);
            return 0;
        });
        var page = await HeaderAsync(factory.CreateClient(), "/hauts-de-france/projets");
        var button = page.QuerySelector("#navigation-principale button.fr-nav__btn")!;
        Assert.Equal(("Partager", "true", "false"), (button.TextContent.Trim(), button.GetAttribute("aria-current"), button.GetAttribute("aria-expanded")));
        var submenu = page.GetElementById(button.GetAttribute("aria-controls")!)!;
        Assert.Equal("fr-collapse fr-menu", submenu.ClassName);
        var links = submenu.QuerySelectorAll("ul.fr-menu__list > li > a.fr-nav__link").ToList();
        Assert.Equal(["Projets", "Pratiques"], links.Select(a => a.TextContent.Trim()));
        Assert.Equal(["page", null], links.Select(a => a.GetAttribute("aria-current")));
        var home = page.QuerySelectorAll("#navigation-principale a").First();
        Assert.Null(home.GetAttribute("aria-current"));
        Assert.Single(page.QuerySelectorAll("#navigation-principale [aria-current=page]"));
        // Elsewhere nothing in the submenu is current.
        page = await HeaderAsync(factory.CreateClient(), "/hauts-de-france/plan-du-site");
        Assert.Null(page.QuerySelector("#navigation-principale button.fr-nav__btn")!.GetAttribute("aria-current"));
    }

    [Fact]
    public async Task The_site_map_shows_the_menu_the_contributed_pages_and_the_other_module_lists()
    {
        await ResetAsync();
        await InRegion(async sp =>
        {
            var editor = sp.GetRequiredService<MenuEditor>();
            var draft = await editor.LoadAsync();
            Assert.True((await editor.DeleteAsync(draft.Version, draft.Entries.Single(e => e.DisplayLabel == "Pratiques").Id)).Succeeded);
            Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Group, Label: "Le réseau"), null)).Succeeded);
            var group = (await editor.LoadAsync()).Entries.Single(e => e.DisplayLabel == "Le réseau");
            Assert.True((await editor.AddAsync((await editor.LoadAsync()).Version, new MenuEntryInput(MenuEntryKind.Path, Path: "/arbre", Label: "L'arbre"), group.Id)).Succeeded);
            return 0;
        });
        var page = await factory.CreateClient().GetDocumentAsync("/hauts-de-france/plan-du-site");
        var main = page.QuerySelector("main")!;
        var top = main.QuerySelectorAll("h1 ~ ul > li").ToList();
        var home = top[0];
        Assert.StartsWith("Accueil", home.TextContent.Trim());
        var group = home.QuerySelectorAll(":scope > ul > li").Single(li => li.TextContent.Trim().StartsWith("Le réseau", StringComparison.Ordinal));
        Assert.Equal("/hauts-de-france/arbre", group.QuerySelector("ul a")!.GetAttribute("href"));
        // The contributed tree: "/arbre" is already in the menu, so it is text with its leaf linked below.
        var pages = top.Single(li => li.TextContent.Trim().StartsWith("Pages du site", StringComparison.Ordinal));
        Assert.Null(pages.QuerySelector("a[href='/hauts-de-france/arbre']"));
        Assert.Equal("/hauts-de-france/arbre/feuille", pages.QuerySelector("ul ul a")!.GetAttribute("href"));
        // Pratiques left the menu: it is listed among the other sections.
        var lists = top.Single(li => li.TextContent.Trim().StartsWith("Rubriques", StringComparison.Ordinal));
        Assert.Equal(["/hauts-de-france/pratiques"], lists.QuerySelectorAll("a").Select(a => a.GetAttribute("href")));
        Assert.Single(main.QuerySelectorAll("a[href='/hauts-de-france/projets']"));
        Assert.Contains(main.QuerySelectorAll("a"), a => a.GetAttribute("href") == "/hauts-de-france/mentions-legales");
    }

    [Fact]
    public async Task The_recipe_step_checks_everything_before_writing_and_builds_the_menu()
    {
        var step = factory.Service<IEnumerable<RecipeStepHandler>>().OfType<MenuStep>().Single();
        var context = new RecipeValidationContext();
        foreach (var feature in new[] { "Menus", "Pages", "News", "Showcases" }) context.Features.Add(feature);
        var bad = JsonNode.Parse("""
            { "name": "Menu", "colour": 1, "entries": [
              { "page": "a-propos", "children": [ { "page": "x", "children": [ { "page": "y" } ] } ] },
              { "module": "/pratiques" },
              { "module": "/inconnu" },
              { "url": "javascript:alert(1)", "label": "Piège" },
              { "url": "https://exemple.fr" },
              { "path": "//exemple.fr", "label": "Piège" },
              { "label": "Vide" },
              { "page": "a", "url": "https://exemple.fr", "label": "Deux" }
            ] }
            """)!.AsObject();
        var validation = new RecipeValidation(context, 0, "test.recipe.json");
        step.Validate(bad, validation);
        var fields = validation.Errors.Select(e => e.Field).ToList();
        Assert.Contains("colour", fields);
        Assert.Contains("entries[0].children[0].children", fields);
        Assert.Contains("entries[1].module", fields);
        Assert.Contains("entries[2].module", fields);
        Assert.Contains("entries[3].url", fields);
        Assert.Contains("entries[4].label", fields);
        Assert.Contains("entries[5].path", fields);
        Assert.Contains("entries[6]", fields);
        Assert.Contains("entries[7]", fields);

        var pageTitle = "Équipe recette " + Guid.NewGuid().ToString("N")[..6];
        var pageId = await PublishedPageAsync(pageTitle, "nouvelle-aquitaine", "equipe-recette");
        var good = JsonNode.Parse("""
            { "name": "Menu", "optional": true, "entries": [
              { "module": "/actualites" },
              { "label": "À propos", "labelEn": "About", "children": [ { "page": "equipe-recette" }, { "page": "page-absente" } ] },
              { "path": "/contact", "label": "Nous contacter" },
              { "url": "https://www.culture.gouv.fr", "label": "Ministère de la Culture" }
            ] }
            """)!.AsObject();
        validation = new RecipeValidation(context, 0, "test.recipe.json");
        step.Validate(good, validation);
        Assert.Empty(validation.Errors);
        var record = (await factory.Service<TenantManager>().FindRecordAsync("nouvelle-aquitaine"))!;
        await InRegion(async sp =>
        {
            await step.ExecuteAsync(good, new RecipeExecutionContext(record, sp), CancellationToken.None);
            return 0;
        }, "nouvelle-aquitaine");
        var draft = await DraftAsync("nouvelle-aquitaine");
        Assert.Equal(["Actualités", "À propos", "Nous contacter", "Ministère de la Culture"], TopLabels(draft));
        Assert.Equal(pageId, draft.Entries[1].Children.Single().PageId);
        var header = await HeaderAsync(factory.CreateClient(), "/nouvelle-aquitaine/");
        Assert.Contains(pageTitle, header.GetElementById("navigation-principale")!.TextContent);
        await ResetAsync("nouvelle-aquitaine");
    }

    private static string Token(IHtmlDocument page) => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
