using System.Net;
using Network.Modules.Pages.Data;
using Network.Tests.Infrastructure;
using static Network.Tests.Pages.PageTestKit;

namespace Network.Tests.Pages;

/// <summary>Published pages at their full addresses through the catch-all route, which never hides another route.</summary>
public sealed class PagePublicTests(PagesWebFactory factory) : IClassFixture<PagesWebFactory>
{
    [Fact]
    public async Task A_sub_page_is_served_at_its_full_address_with_breadcrumb_sub_pages_and_description()
    {
        var parent = await factory.PublishedPageAsync(Hdf, Page(Unique("À propos"), summary: "Qui nous sommes et ce que nous faisons."));
        var child = await factory.PublishedPageAsync(Hdf, Page("L'équipe", parent.Id, slug: "equipe", body: "## Nos missions\n\n- Conseiller\n- Accompagner"));
        var grandchild = await factory.PublishedPageAsync(Hdf, Page("Nous rejoindre", child.Id, slug: "rejoindre"));
        await factory.CreateAsync(Hdf, Page("Brouillon caché", child.Id, slug: "cache"));

        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync($"/hauts-de-france/{parent.Slug}/equipe");
        Assert.Equal("L'équipe", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main h2#nos-missions, main h2[id]"));
        var crumbs = page.QuerySelectorAll(".fr-breadcrumb__link").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/hauts-de-france/{parent.Slug}", crumbs);
        var subPages = page.QuerySelectorAll("nav[aria-labelledby=sous-pages-titre] a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/hauts-de-france/{grandchild.Slug}"], subPages);
        Assert.Contains("Dernière mise à jour", page.QuerySelector("main")!.TextContent);

        var top = await client.GetDocumentAsync($"/hauts-de-france/{parent.Slug}");
        Assert.Equal("Qui nous sommes et ce que nous faisons.", top.QuerySelector("meta[name=description]")!.GetAttribute("content"));
    }

    [Fact]
    public async Task Drafts_role_pages_unknown_paths_and_posts_answer_the_normal_404()
    {
        var draft = (await factory.CreateAsync(Hdf, Page(Unique("Brouillon")))).Item!;
        var client = factory.CreateBrowserClient();
        foreach (var path in new[] { draft.Slug, "nimporte/quoi/du-tout", "projets/un/deux/trois", "xx%2F..%2Fadmin" })
        {
            var response = await client.GetAsync($"/hauts-de-france/{path}");
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("fr-container", await response.Content.ReadAsStringAsync());
        }
        var posted = await client.PostAsync($"/hauts-de-france/{draft.Slug}", new FormUrlEncodedContent([]));
        Assert.True(posted.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_catch_all_does_not_shadow_module_routes()
    {
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/projets")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/plan-du-site")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/projets/projet-inexistant")).StatusCode);
        var admin = await client.GetAsync("/hauts-de-france/admin/pages");
        Assert.True(admin.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{admin.StatusCode}");
    }

    [Fact]
    public async Task An_old_address_answers_301_to_the_current_one()
    {
        var page = await factory.PublishedPageAsync(Hdf, Page(Unique("Ancienne adresse")));
        var saved = await factory.SaveAsync(Hdf, page, Page(page.Title, slug: "nouvelle-" + Guid.NewGuid().ToString("N")[..6]));
        Assert.True(saved.Succeeded);
        var response = await factory.CreateBrowserClient().GetAsync($"/hauts-de-france/{page.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal($"/hauts-de-france/{saved.Item!.Slug}", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_role_page_is_not_served_by_the_catch_all()
    {
        var result = await factory.CreateAsync(Na, Page("Contact", role: PageRoles.Contact), publish: true);
        var response = await factory.CreateBrowserClient().GetAsync("/nouvelle-aquitaine/contact");
        // Served by the contact module's own route when it exists, never by the catch-all page.
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("sous-pages-titre", html);
        if (result.Succeeded) Assert.DoesNotContain("Dernière mise à jour", html);
    }

    [Fact]
    public async Task Markdown_is_sanitised_and_English_visitors_get_the_English_version_or_a_marked_French_text()
    {
        var xss = await factory.PublishedPageAsync(Hdf, Page(Unique("Piège"), body: "<script>alert(1)</script>\n\n[clic](javascript:alert(1)) <img src=x onerror=alert(1)>"));
        var html = await (await factory.CreateBrowserClient().GetAsync($"/hauts-de-france/{xss.Slug}")).Content.ReadAsStringAsync();
        var main = HtmlForms.Parse(html).QuerySelector("main")!;
        // The breadcrumb's JSON-LD is data, the only script element the page may hold.
        Assert.Empty(main.QuerySelectorAll("script:not([type='application/ld+json'])"));
        Assert.Empty(main.QuerySelectorAll("img[onerror]"));
        Assert.DoesNotContain("javascript:", main.InnerHtml);

        var english = factory.CreateBrowserClient();
        english.DefaultRequestHeaders.Add("Cookie", ".Network.Culture=c%3Den%7Cuic%3Den");
        var translated = await factory.PublishedPageAsync(Hdf, new(Unique("Programme"), null, "", false,
            new PageFields { Body = "Texte français.", TitleEn = "Programme of the year", BodyEn = "English text." }));
        var en = await english.GetDocumentAsync($"/hauts-de-france/{translated.Slug}");
        Assert.Equal("Programme of the year", en.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("English text.", en.QuerySelector("main")!.TextContent);
        Assert.Null(en.QuerySelector("main div[lang=fr]"));

        var frenchOnly = await factory.PublishedPageAsync(Hdf, Page(Unique("Seulement en français")));
        var fr = await english.GetDocumentAsync($"/hauts-de-france/{frenchOnly.Slug}");
        Assert.NotNull(fr.QuerySelector("main div[lang=fr]"));
    }
}
