using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Practices.PracticeTestKit;

namespace Network.Tests.Practices;

public sealed class PracticePublicPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private static readonly Dictionary<string, string> Parameters = new() { ["tag"] = "mot-cle", ["domain"] = "domaine", ["region"] = "region" };

    internal static IHtmlCollection<IElement> FilterLinks(IDocument document, string facet)
        => document.QuerySelectorAll($"ul[aria-labelledby='filtre-{Parameters[facet]}'] a");

    private static int CountIn(IDocument document, string facet, string value)
    {
        var link = FilterLinks(document, facet).FirstOrDefault(a => a.TextContent.Contains(value, StringComparison.Ordinal) || a.GetAttribute("href")!.Contains("=" + value, StringComparison.Ordinal))
            ?? throw new Xunit.Sdk.XunitException($"No {facet} filter {value}");
        return int.Parse(link.QuerySelector("span[aria-hidden]")!.TextContent.Split(')')[0].Trim('(', ' '));
    }

    private static List<string> Titles(IDocument document) => document.QuerySelectorAll(".fr-card__title a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task The_list_filters_by_tag_and_domain_with_counts_and_shows_only_published_practices()
    {
        var tag = Tag();
        var other = Tag();
        var a = await factory.PublishedPracticeAsync(Region, Unique("Pratique A"), Fields(tags: [tag, other], domains: ["musees"]));
        var b = await factory.PublishedPracticeAsync(Region, Unique("Pratique B"), Fields(tags: [tag], domains: ["archives"]));
        var draft = (await factory.CreateAsync(Region, Edit(Unique("Brouillon"), Fields(tags: [tag])))).Item!;
        var elsewhere = await factory.PublishedPracticeAsync("nouvelle-aquitaine", Unique("Ailleurs"), Fields(tags: [tag]));

        var client = factory.CreateBrowserClient();
        var list = await client.GetDocumentAsync($"/hauts-de-france/pratiques?mot-cle={tag}");
        var titles = Titles(list);
        Assert.Contains(a.Title, titles);
        Assert.Contains(b.Title, titles);
        Assert.DoesNotContain(draft.Title, titles);
        Assert.DoesNotContain(elsewhere.Title, titles);
        Assert.Equal(2, titles.Count);
        Assert.Equal(2, CountIn(list, "tag", tag));
        Assert.Equal(1, CountIn(list, "tag", other));
        // The selected filter is marked and its link removes it.
        var selected = FilterLinks(list, "tag").Single(a => a.GetAttribute("aria-current") == "true");
        Assert.Equal("/hauts-de-france/pratiques", selected.GetAttribute("href"));

        var both = await client.GetDocumentAsync($"/hauts-de-france/pratiques?mot-cle={tag}&domaine=musees");
        Assert.Equal([a.Title], Titles(both));
        // Counts of a facet ignore its own filter: both domains remain visible with the tag chosen.
        Assert.Equal(1, CountIn(both, "domain", "archives"));

        // The region filter exists only on the hub.
        Assert.Empty(FilterLinks(list, "region"));
    }

    [Theory]
    [InlineData("?page=abc")]
    [InlineData("?page=-5")]
    [InlineData("?page=99999999999")]
    [InlineData("?mot-cle=a&mot-cle=b")]
    [InlineData("?domaine=%3Cscript%3E")]
    public async Task Odd_list_queries_still_answer_a_page(string query)
    {
        var response = await factory.CreateBrowserClient().GetAsync("/hauts-de-france/pratiques" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_list_pages_by_twelve_with_links_that_keep_the_filters()
    {
        var tag = Tag();
        for (var i = 0; i < 13; i++) await factory.PublishedPracticeAsync(Region, Unique($"Série {i}"), Fields(tags: [tag]));
        var client = factory.CreateBrowserClient();
        var first = await client.GetDocumentAsync($"/hauts-de-france/pratiques?mot-cle={tag}");
        Assert.Equal(12, Titles(first).Count);
        var next = first.QuerySelector(".fr-pagination__link--next")!.GetAttribute("href");
        Assert.Equal($"/hauts-de-france/pratiques?mot-cle={tag}&page=2", next);
        Assert.Single(Titles(await client.GetDocumentAsync(next!)));
    }

    [Fact]
    public async Task The_detail_shows_sections_resources_related_showcases_and_a_complete_json_ld_article()
    {
        var showcase = await factory.ShowcaseAsync(Region, Unique("Projet lié"));
        var unpublishedShowcase = await factory.ShowcaseAsync(Region, Unique("Projet brouillon"), Network.Modules.Content.Data.ContentStatus.Draft);
        var fields = Fields(tags: ["Médiation numérique", "Musées"], domains: ["musees"], related: [showcase.Id, unpublishedShowcase.Id]);
        fields.AdviceForReuse = "## Étapes\n\nCommencer petit.";
        var item = await factory.PublishedPracticeAsync(Region, Unique("Détail"), fields);

        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync($"/hauts-de-france/pratiques/{item.Slug}");
        Assert.Equal(item.Title, page.QuerySelector("h1")!.TextContent.Trim());
        var headings = page.QuerySelectorAll("h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains("Contexte", headings);
        Assert.Contains("Conseils pour reproduire", headings);
        Assert.Contains("Outils et ressources", headings);
        Assert.Contains("Projets liés", headings);
        // Markdown headings inside a section come below the section's h2.
        Assert.NotNull(page.QuerySelector("section h3#adviceForReuse-etapes"));
        Assert.NotNull(page.QuerySelector($"a[href='/hauts-de-france/projets/{showcase.Slug}']"));
        Assert.Null(page.QuerySelector($"a[href='/hauts-de-france/projets/{unpublishedShowcase.Slug}']"));
        Assert.NotNull(page.QuerySelector("a[href='https://exemple.fr/guide']"));
        Assert.Contains(page.QuerySelectorAll(".fr-breadcrumb__link"), l => l.GetAttribute("href") == "/hauts-de-france/pratiques");

        var json = page.MainJsonLd().TextContent;
        using var ld = JsonDocument.Parse(json);
        var root = ld.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("Article", root.GetProperty("@type").GetString());
        Assert.Equal(item.Title, root.GetProperty("headline").GetString());
        Assert.Equal(item.Summary, root.GetProperty("description").GetString());
        Assert.Equal("Alex Dupont", root.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Musée d'exemple", root.GetProperty("author").GetProperty("affiliation").GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("publisher").GetProperty("name").GetString()));
        Assert.True(DateTime.TryParse(root.GetProperty("datePublished").GetString(), out _));
        Assert.True(DateTime.TryParse(root.GetProperty("dateModified").GetString(), out _));
        Assert.StartsWith("https://www.etalab.gouv.fr/", root.GetProperty("license").GetString());
        Assert.Contains("Médiation numérique", root.GetProperty("keywords").GetString());
        Assert.EndsWith($"/hauts-de-france/pratiques/{item.Slug}", root.GetProperty("url").GetString());
        var basedOn = root.GetProperty("isBasedOn").EnumerateArray().ToList();
        Assert.Single(basedOn);
        Assert.EndsWith($"/hauts-de-france/projets/{showcase.Slug}", basedOn[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task Old_addresses_answer_301_and_unpublished_or_unknown_practices_404()
    {
        var item = await factory.PublishedPracticeAsync(Region, Unique("Ancien titre"), Fields());
        var oldSlug = item.Slug;
        var renamed = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .SaveAsync(item.Id, item.Version, Edit(Unique("Nouveau titre"), Fields()), ContentTestKit.Coordinator));
        Assert.True(renamed.Succeeded);
        var client = factory.CreateBrowserClient();
        var moved = await client.GetAsync($"/hauts-de-france/pratiques/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/hauts-de-france/pratiques/{renamed.Item!.Slug}", moved.Headers.Location!.OriginalString);

        var draft = (await factory.CreateAsync(Region, Edit(Unique("Jamais publié"), Fields()))).Item!;
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/pratiques/{draft.Slug}")).StatusCode);
        var archived = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .PerformAsync(renamed.Item.Id, renamed.Item.Version, ContentAction.Archive, ContentTestKit.Coordinator));
        Assert.True(archived.Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/pratiques/{renamed.Item.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/pratiques/{oldSlug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/pratiques/" + new string('a', 300))).StatusCode);
        // Another region's practice does not exist here.
        var aquitaine = await factory.PublishedPracticeAsync("nouvelle-aquitaine", Unique("Aquitaine seulement"), Fields());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/pratiques/{aquitaine.Slug}")).StatusCode);
    }

    public static readonly TheoryData<string> Payloads = new()
    {
        "<script>alert('xss')</script>",
        "<img src=x onerror=alert(1)>",
        "[clic](javascript:alert(1))",
        "[clic](JAVASCRIPT:alert(1))",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<svg onload=alert(1)>",
        "![x](javascript:alert(1))",
        "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "\"><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
    };

    [Theory]
    [MemberData(nameof(Payloads))]
    public async Task Script_payloads_in_every_text_field_come_out_inert(string payload)
    {
        var fields = Fields(tags: [payload.Length > 40 ? payload[..40] : payload]);
        fields.Context = payload;
        fields.WhatDidNot = "Avant " + payload + " après";
        fields.AuthorName = payload;
        fields.Organisation = payload;
        fields.Resources = [new PracticeResource(payload, "https://exemple.fr/ok")];
        var created = await factory.CreateAsync(Region, new Network.Modules.Content.Services.ContentEdit(Unique("XSS") + " " + payload, null, payload, true, fields));
        if (!created.Succeeded) return; // a payload refused by validation cannot reach the page either
        var item = (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .PerformAsync(created.Item!.Id, created.Item.Version, ContentAction.Publish, ContentTestKit.Coordinator))).Item!;
        var client = factory.CreateBrowserClient();
        foreach (var url in new[] { $"/hauts-de-france/pratiques/{item.Slug}", "/hauts-de-france/pratiques", "/hauts-de-france/" })
        {
            var document = await client.GetDocumentAsync(url);
            AssertInert(document);
        }
    }

    internal static void AssertInert(IDocument document)
    {
        Assert.All(document.QuerySelectorAll("script"), s => Assert.True(s.GetAttribute("type") == "application/ld+json" || s.HasAttribute("src"), s.OuterHtml));
        foreach (var element in document.All)
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            foreach (var attribute in new[] { "href", "src", "action", "formaction" })
            {
                var value = element.GetAttribute(attribute)?.Trim() ?? "";
                Assert.False(value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase) || value.StartsWith("data:", StringComparison.OrdinalIgnoreCase), element.OuterHtml);
            }
            Assert.False(element.HasAttribute("style"), element.OuterHtml);
            Assert.NotEqual("IFRAME", element.TagName);
        }
        foreach (var ld in document.QuerySelectorAll("script[type='application/ld+json']"))
            JsonDocument.Parse(ld.TextContent).Dispose();
    }
}
