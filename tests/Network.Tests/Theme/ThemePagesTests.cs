using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Tests.Infrastructure;

namespace Network.Tests.Theme;

/// <summary>The DSFR layouts, home pages, error pages and display settings, through the real host.</summary>
public sealed class ThemePagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task Hub_home_lists_the_running_regions_with_links_to_their_prefix()
    {
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/");
        Assert.Equal("fr", document.DocumentElement.GetAttribute("lang"));
        var hub = factory.Tenant("network");
        Assert.Equal(hub.SiteName, document.QuerySelector("h1")!.TextContent.Trim());
        var regionLinks = document.QuerySelectorAll(".fr-tile__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/hauts-de-france/", "/nouvelle-aquitaine/"], regionLinks);
        // Bloc-marque lines of the hub in the header's logo.
        Assert.Contains("Ministère", document.QuerySelector("header .fr-logo")!.TextContent);
        Assert.Equal(4, document.QuerySelectorAll("footer .fr-footer__content-link").Length);
    }

    [Fact]
    public async Task Region_pages_keep_every_link_inside_the_region_and_load_assets_from_the_root()
    {
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/hauts-de-france/");
        Assert.Contains("HAUTS-DE-FRANCE", document.QuerySelector("header .fr-logo")!.InnerHtml.ToUpperInvariant());
        Assert.Equal(3, document.QuerySelectorAll("header .fr-logo br").Length + 1);

        // Head links to the tenant's own resources (the OpenSearch description) are tenant links, not theme assets.
        var localLinks = document.QuerySelectorAll("a[href^='/'], form[action^='/'], link[rel='search']")
            .Select(e => e.GetAttribute("href") ?? e.GetAttribute("action")!).ToList();
        Assert.NotEmpty(localLinks);
        // Only the "national network" link leaves the region on purpose.
        Assert.All(localLinks.Where(l => l != "/"), l => Assert.StartsWith("/hauts-de-france/", l));
        Assert.Single(localLinks, l => l == "/");

        var assets = document.QuerySelectorAll("link[href]:not([rel='search']), script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!).ToList();
        Assert.All(assets, a => Assert.StartsWith("/_content/Network.Themes.Public/", a));
        var css = await client.GetAsync("/_content/Network.Themes.Public/dsfr/dsfr.min.css");
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    [Fact]
    public async Task Layout_has_skip_links_main_navigation_search_and_footer_links()
    {
        var client = factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.Equal(["#contenu", "#navigation-principale", "#pied-de-page"], document.QuerySelectorAll(".fr-skiplinks a").Select(a => a.GetAttribute("href") ?? "").ToArray());
        Assert.NotNull(document.QuerySelector("main#contenu"));
        Assert.NotNull(document.QuerySelector("nav#navigation-principale"));
        Assert.NotNull(document.QuerySelector("footer#pied-de-page"));
        var search = (IHtmlFormElement)document.QuerySelector("form[role=search]")!;
        Assert.Equal("/nouvelle-aquitaine/recherche", search.GetAttribute("action"));
        Assert.Equal("get", search.GetAttribute("method"));
        Assert.NotNull(document.QuerySelector("label[for=recherche-q]"));
        Assert.NotNull(document.QuerySelector("input#recherche-q[name=q]"));

        var footer = document.QuerySelectorAll("footer .fr-footer__bottom-link").Select(a => (a.TextContent.Trim(), a.GetAttribute("href"))).ToList();
        Assert.Contains(("Accessibilité : non conforme", "/nouvelle-aquitaine/accessibilite"), footer);
        Assert.Contains(("Mentions légales", "/nouvelle-aquitaine/mentions-legales"), footer);
        Assert.Contains(("Données personnelles et cookies", "/nouvelle-aquitaine/donnees-personnelles"), footer);
        Assert.Contains(("Plan du site", "/nouvelle-aquitaine/plan-du-site"), footer);
        Assert.Contains(footer, f => f.Item1 == "Paramètres d'affichage" && f.Item2!.StartsWith("/nouvelle-aquitaine/affichage?retour=%2Fnouvelle-aquitaine%2F", StringComparison.Ordinal));

        var languages = document.QuerySelectorAll("header .fr-translate a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/nouvelle-aquitaine/langue/fr?retour=%2Fnouvelle-aquitaine%2F", "/nouvelle-aquitaine/langue/en?retour=%2Fnouvelle-aquitaine%2F"], languages);
        Assert.Equal("/nouvelle-aquitaine/compte/connexion", document.QuerySelector("header .fr-header__tools-links a.fr-icon-lock-line")!.GetAttribute("href"));
    }

    [Fact]
    public async Task English_is_chosen_with_the_language_link_and_remembered()
    {
        var client = factory.CreateBrowserClient();
        var french = await client.GetDocumentAsync("/hauts-de-france/plan-du-site");
        var english = french.QuerySelector("header a[hreflang=en]")!.GetAttribute("href")!;
        var switched = await client.GetAsync(english);
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        Assert.Equal("/hauts-de-france/plan-du-site", switched.Headers.Location!.OriginalString);

        var document = await client.GetDocumentAsync("/hauts-de-france/plan-du-site");
        Assert.Equal("en", document.DocumentElement.GetAttribute("lang"));
        Assert.Equal("Site map", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("Home", document.QuerySelector("#navigation-principale a")!.TextContent.Trim());
        Assert.Contains("Accessibility: not compliant", document.QuerySelector("footer")!.TextContent);
    }

    [Theory]
    [InlineData("/erreur/404", 404, "Page non trouvée")]
    [InlineData("/erreur/403", 403, "Accès refusé")]
    [InlineData("/erreur/400", 400, "Requête incorrecte")]
    [InlineData("/erreur/429", 429, "Trop de demandes")]
    [InlineData("/erreur/500", 500, "Erreur inattendue")]
    [InlineData("/erreur/503", 503, "Site en cours d'initialisation")]
    [InlineData("/erreur/418", 418, "Erreur")]
    [InlineData("/erreur/200", 404, "Page non trouvée")]
    [InlineData("/page-qui-n-existe-pas", 404, "Page non trouvée")]
    [InlineData("/hauts-de-france/page-qui-n-existe-pas", 404, "Page non trouvée")]
    [InlineData("/region-inconnue/", 404, "Page non trouvée")]
    public async Task Error_pages_answer_with_their_status_in_the_theme(string url, int status, string title)
    {
        var client = factory.CreateBrowserClient();
        var response = await client.GetAsync(url);
        Assert.Equal(status, (int)response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(title, document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(document.QuerySelector("header.fr-header"));
        Assert.NotNull(document.QuerySelector("footer.fr-footer"));
    }

    [Fact]
    public async Task Error_page_in_English_and_its_language_link_returns_to_the_requested_address()
    {
        var client = factory.CreateBrowserClient();
        client.DefaultRequestHeaders.Add("Cookie", ".Network.Culture=c%3Den%7Cuic%3Den");
        var response = await client.GetAsync("/hauts-de-france/introuvable?x=1");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Page not found", document.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Equal("/hauts-de-france/langue/fr?retour=%2Fhauts-de-france%2Fintrouvable%3Fx%3D1", document.QuerySelector("header a[hreflang=fr]")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Uninitialized_tenant_gets_the_503_page_with_Retry_After_and_its_database_is_never_opened()
    {
        const string name = "bretagne-en-preparation";
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TenantsDbContext>();
            db.Tenants.Add(new TenantRecord
            {
                Name = name, Prefix = name, DisplayName = "Bretagne", SiteName = "Culture et numérique en Bretagne",
                State = TenantState.Uninitialized, Features = ["Settings", "Mail", "Accounts"], BlocMarqueLines = ["Préfet", "de la région", "Bretagne"],
                CreatedUtc = DateTime.UtcNow, UpdatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        await factory.Service<TenantCatalog>().ReloadAsync();
        try
        {
            var client = factory.CreateBrowserClient();
            foreach (var url in new[] { $"/{name}/", $"/{name}/accessibilite", $"/{name}/admin/parametres" })
            {
                var response = await client.GetAsync(url);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal("10", response.Headers.GetValues("Retry-After").Single());
                var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
                Assert.Equal("Site en cours d'initialisation", document.QuerySelector("main h1")!.TextContent.Trim());
                // The footer shows no status it cannot read without the tenant database.
                Assert.Contains(document.QuerySelectorAll("footer a"), a => a.TextContent.Trim() == "Accessibilité");
            }
            Assert.False(Directory.Exists(Path.Combine(factory.DataPath, "tenants", name)), "The uninitialized tenant's storage was created.");
        }
        finally
        {
            await using var scope = factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<TenantsDbContext>().Tenants.Where(t => t.Name == name).ExecuteDeleteAsync();
            await factory.Service<TenantCatalog>().ReloadAsync();
        }
    }

    [Fact]
    public async Task Failed_antiforgery_post_renders_the_400_page_without_details()
    {
        var client = factory.CreateBrowserClient();
        var response = await client.PostAsync("/hauts-de-france/affichage", new FormUrlEncodedContent([new("schema", "dark")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Requête incorrecte", html);
        Assert.DoesNotContain("Antiforgery", html, StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith(".Network.Display", StringComparison.Ordinal)));
    }
}
