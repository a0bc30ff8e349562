using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Modules.Media;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Showcases.ShowcaseTestKit;

namespace Network.Tests.Showcases;

/// <summary>The public list and detail pages: filters and counts, sort, pages, addresses, JSON-LD, inert XSS, tenant isolation, the hub.</summary>
public sealed class ShowcasePublicPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static string Unique(string prefix) => prefix + "-" + Guid.NewGuid().ToString("N")[..8];

    private static ShowcaseFields Fields(string domain, string technology = "numerisation-3d", int year = 2023, string programme = "PNV")
        => new() { Domains = [domain], Technologies = [technology], Year = year, Programme = programme, Maturity = ShowcaseMaturity.Pilot };

    private static IReadOnlyList<string> CardTitles(IHtmlDocument page) => page.QuerySelectorAll(".fr-card__title a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task Facet_links_filter_with_counts_and_current_choices_are_removable()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var domain = Unique("dom");
        await factory.PublishAsync(Hdf, "Filtre A " + domain, Fields(domain, "numerisation-3d"));
        await factory.PublishAsync(Hdf, "Filtre B " + domain, Fields(domain, "numerisation-3d", year: 2021));
        await factory.PublishAsync(Hdf, "Filtre C " + domain, Fields(domain, "realite-virtuelle"));
        await factory.PublishAsync(Hdf, "Filtre brouillon " + domain, Fields(domain), publish: false);
        var client = factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync($"/hauts-de-france/projets?domaine={domain}");
        Assert.Equal(3, CardTitles(page).Count);
        Assert.DoesNotContain(CardTitles(page), t => t.Contains("brouillon"));
        Assert.Contains("3 projets", page.QuerySelector("[role=status]")!.TextContent);
        var technologyLinks = page.QuerySelectorAll("ul[aria-labelledby='filtre-technologie'] a").ToList();
        var threeD = technologyLinks.Single(a => a.TextContent.Contains("Numérisation 3D"));
        Assert.Contains("(2)", threeD.TextContent);
        Assert.Contains("(1)", technologyLinks.Single(a => a.TextContent.Contains("Réalité virtuelle")).TextContent);

        // Following the link keeps the domain and adds the technology; the choices can be removed one by one.
        var filtered = await client.GetDocumentAsync(threeD.GetAttribute("href")!);
        Assert.Equal(2, CardTitles(filtered).Count);
        var active = filtered.QuerySelectorAll("a.fr-tag--dismiss").ToList();
        Assert.Equal(2, active.Count);
        var withoutTechnology = active.Single(a => a.TextContent.Contains("Numérisation 3D")).GetAttribute("href")!;
        Assert.Equal($"/hauts-de-france/projets?domaine={domain}", withoutTechnology);
        var byYear = await client.GetDocumentAsync($"/hauts-de-france/projets?domaine={domain}&annee=2021");
        Assert.Equal(["Filtre B " + domain], CardTitles(byYear));

        // Unknown values give an empty list, not an error; absurd parameters are ignored.
        var none = await client.GetAsync($"/hauts-de-france/projets?domaine={domain}&technologie=inexistante&page=abc&tri=%3Cscript%3E");
        Assert.Equal(HttpStatusCode.OK, none.StatusCode);
        Assert.Contains("Aucun projet ne correspond", await none.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Lists_sort_by_newest_or_title_and_are_paged()
    {
        var domain = Unique("tri");
        var titles = Enumerable.Range(1, 14).Select(n => $"{(char)('A' + (n * 7) % 14)} projet {n:D2} {domain}").ToList();
        foreach (var title in titles) await factory.PublishAsync(Hdf, title, Fields(domain));
        var client = factory.CreateBrowserClient();

        var newest = await client.GetDocumentAsync($"/hauts-de-france/projets?domaine={domain}");
        Assert.Equal(titles.AsEnumerable().Reverse().Take(12), CardTitles(newest));
        var byTitle = await client.GetDocumentAsync($"/hauts-de-france/projets?domaine={domain}&tri=titre");
        Assert.Equal(titles.Order(StringComparer.Ordinal).Take(12), CardTitles(byTitle));

        var pagination = byTitle.QuerySelector("nav.fr-pagination")!;
        Assert.Equal("1", pagination.QuerySelector("[aria-current=page]")!.TextContent);
        var next = pagination.QuerySelector("a.fr-pagination__link--next")!.GetAttribute("href")!;
        Assert.Equal($"/hauts-de-france/projets?domaine={domain}&tri=titre&page=2", next);
        var second = await client.GetDocumentAsync(next);
        Assert.Equal(titles.Order(StringComparer.Ordinal).Skip(12), CardTitles(second));
        // A page beyond the last shows the last one.
        Assert.Equal(CardTitles(second), CardTitles(await client.GetDocumentAsync($"/hauts-de-france/projets?domaine={domain}&tri=titre&page=99")));
    }

    [Fact]
    public async Task Detail_shows_the_published_item_with_json_ld_old_addresses_redirect_and_drafts_are_not_found()
    {
        var domain = Unique("det");
        var fields = Fields(domain);
        fields.LeadOrganisation = "Ville d'Amiens";
        fields.Partners = [new ShowcasePartner("Université de Picardie", "Relevés")];
        fields.AmountGranted = 15000;
        fields.TotalBudget = 60000;
        fields.Call = "Appel PNV 2023";
        fields.Commune = "Amiens";
        fields.Department = "80";
        fields.ContactEmail = "secret@amiens.fr";
        fields.ShowContact = false;
        fields.Description = "## Objectifs\n\nUn **jumeau numérique** de la [cathédrale](https://exemple.fr).";
        fields.Gallery = [new ImageRef(1, "abcdef0123456789", 1600, 900, "jpg", "Façade de la cathédrale", false, "Ville d'Amiens, CC BY")];
        var item = await factory.PublishAsync(Hdf, "Cathédrale numérique " + domain, fields);
        var related = await factory.PublishAsync(Hdf, "Projet voisin " + domain, Fields(domain));
        var client = factory.CreateBrowserClient();

        var response = await client.GetAsync($"/hauts-de-france/projets/{item.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(item.Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.Contains("Projets", page.QuerySelector(".fr-breadcrumb")!.TextContent);
        // The description sits under the page's "Le projet" h2: its own headings start at h3, anchors prefixed.
        Assert.NotNull(page.QuerySelector("h3#projet-objectifs"));
        Assert.Equal("external-link", page.QuerySelector(".reseau-prose a[href='https://exemple.fr']")!.GetAttribute("class"));
        Assert.DoesNotContain("secret@amiens.fr", page.Body!.InnerHtml);
        var image = page.QuerySelector("figure img")!;
        Assert.Null(image.GetAttribute("loading"));
        Assert.Equal("Façade de la cathédrale", image.GetAttribute("alt"));
        Assert.Contains("Ville d'Amiens, CC BY", page.QuerySelector("figcaption")!.TextContent);
        Assert.Contains(related.Title, page.QuerySelector("#proches-titre")!.ParentElement!.TextContent);

        var script = page.MainJsonLd();
        using var json = JsonDocument.Parse(script.TextContent);
        var root = json.RootElement;
        Assert.Equal("https://schema.org", root.GetProperty("@context").GetString());
        Assert.Equal("CreativeWork", root.GetProperty("@type").GetString());
        Assert.Equal(item.Title, root.GetProperty("name").GetString());
        Assert.EndsWith($"/hauts-de-france/projets/{item.Slug}", root.GetProperty("url").GetString());
        Assert.EndsWith("/hauts-de-france/media/abcdef0123456789/1280.jpg", root.GetProperty("image")[0].GetString());
        Assert.Equal(ShowcaseJsonLd.EtalabLicenceUrl, root.GetProperty("license").GetString());
        Assert.Equal("Ville d'Amiens", root.GetProperty("creator").GetProperty("name").GetString());
        Assert.Equal("Université de Picardie", root.GetProperty("contributor")[0].GetProperty("name").GetString());
        Assert.Equal("Amiens", root.GetProperty("locationCreated").GetProperty("name").GetString());
        Assert.True(root.TryGetProperty("datePublished", out _));
        var funding = root.GetProperty("funding");
        Assert.Equal("MonetaryGrant", funding.GetProperty("@type").GetString());
        Assert.Equal("Appel PNV 2023", funding.GetProperty("name").GetString());
        Assert.Equal("EUR", funding.GetProperty("amount").GetProperty("currency").GetString());
        Assert.Equal(15000, funding.GetProperty("amount").GetProperty("value").GetDecimal());
        Assert.Equal("MonetaryAmount", funding.GetProperty("amount").GetProperty("@type").GetString());
        Assert.Contains("Direction régionale des affaires culturelles", funding.GetProperty("funder").GetProperty("name").GetString());

        // A new title moves the address: the old one answers 301 to the new one.
        var oldSlug = item.Slug;
        var renamed = await factory.InTenantAsync(Hdf, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var type = sp.GetRequiredService<ShowcaseType>();
            var current = (await store.FindAsync(item.Id))!;
            return (await store.SaveAsync(item.Id, current.Version, new ContentEdit("Nouveau nom " + domain, null, current.Summary, true, type.Read(current)), ContentActor.System)).Item!;
        });
        var moved = await client.GetAsync($"/hauts-de-france/projets/{oldSlug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal($"/hauts-de-france/projets/{renamed.Slug}", moved.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/hauts-de-france/projets/{renamed.Slug}")).StatusCode);

        // Drafts, submitted and archived items do not exist for the public.
        var draft = await factory.PublishAsync(Hdf, "Brouillon public " + domain, Fields(domain), publish: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/projets/{draft.Slug}")).StatusCode);
        await factory.InTenantAsync(Hdf, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            return await store.PerformAsync(renamed.Id, renamed.Version, ContentAction.Archive, ContentActor.System);
        });
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/projets/{renamed.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/projets/{oldSlug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/projets/{new string('a', 500)}")).StatusCode);
    }

    public static readonly string[] XssPayloads =
    [
        "<script>alert('x')</script>",
        "\"><img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "javascript:alert(1)",
        "</script><script>alert(1)</script>",
        "<a href=\"javascript:alert(1)\">clic</a>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "' onmouseover='alert(1)",
    ];

    [Fact]
    public async Task Xss_payloads_in_every_field_render_inert_in_the_list_and_the_detail()
    {
        var domain = Unique("xss");
        var payload = string.Join(" ", XssPayloads);
        var fields = new ShowcaseFields
        {
            Domains = [domain],
            Description = payload + "\n\n[lien](javascript:alert(1)) [autre](JaVaScRiPt:alert(1)) ![img](javascript:alert(1)) <img src=x onerror=alert(1)>",
            Outcomes = payload,
            LessonsLearned = payload,
            AccessibilityNotes = payload,
            EcoDesignNotes = payload,
            LeadOrganisation = XssPayloads[1],
            Partners = [new ShowcasePartner(XssPayloads[2], XssPayloads[7])],
            ContactName = XssPayloads[0],
            ShowContact = true,
            Commune = XssPayloads[4],
            Programme = XssPayloads[1],
            Call = XssPayloads[4],
            Audiences = [XssPayloads[2]],
            CoFunders = [XssPayloads[0]],
            Licence = XssPayloads[5],
            Links = [new ShowcaseLink("website", XssPayloads[1], "https://exemple.fr/\"onmouseover=\"alert(1)")],
            Gallery = [new ImageRef(2, "0123456789abcdef", 800, 600, "jpg", XssPayloads[1], false, XssPayloads[4])],
        };
        var item = await factory.PublishAsync(Hdf, ("<script>alert(1)</script> " + domain)[..Math.Min(200, 26 + domain.Length)], fields, summary: XssPayloads[1] + XssPayloads[2]);
        await factory.PublishAsync(Hdf, "Voisin " + domain, Fields(domain));
        var client = factory.CreateBrowserClient();

        foreach (var url in new[] { $"/hauts-de-france/projets?domaine={domain}", $"/hauts-de-france/projets/{item.Slug}" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            AssertInert(page, url);
        }
        var detail = HtmlForms.Parse(await (await client.GetAsync($"/hauts-de-france/projets/{item.Slug}")).Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(detail.MainJsonLd().TextContent);
        Assert.Equal(item.Title, json.RootElement.GetProperty("name").GetString());
    }

    /// <summary>No executable script but the site's own files, no event-handler attribute, no javascript: address, no frame.</summary>
    private static void AssertInert(IHtmlDocument page, string url)
    {
        foreach (var script in page.QuerySelectorAll("script"))
        {
            var type = script.GetAttribute("type");
            if (type == "application/ld+json") continue;
            Assert.True(script.HasAttribute("src") && script.TextContent.Trim().Length == 0, $"Inline script on {url}: {script.OuterHtml}");
            Assert.StartsWith("/_content/", script.GetAttribute("src"));
        }
        foreach (var element in page.All)
        {
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"Event handler on {url}: {element.OuterHtml}");
                if (attribute.Name is "href" or "src" or "action" or "formaction" or "srcset")
                    Assert.DoesNotContain("javascript:", attribute.Value.Replace(" ", "").ToLowerInvariant());
            }
        }
        Assert.Empty(page.QuerySelectorAll("iframe, svg[onload], object, embed"));
    }

    [Fact]
    public async Task A_region_showcase_is_not_visible_in_another_region()
    {
        var domain = Unique("iso");
        var item = await factory.PublishAsync(Hdf, "Isolé " + domain, Fields(domain));
        var client = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/hauts-de-france/projets/{item.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nouvelle-aquitaine/projets/{item.Slug}")).StatusCode);
        var list = await client.GetDocumentAsync($"/nouvelle-aquitaine/projets?domaine={domain}");
        Assert.Empty(CardTitles(list));
    }

    [Fact]
    public async Task The_hub_lists_copies_of_running_regions_with_a_region_facet_and_links_to_the_region()
    {
        var domain = Unique("hub");
        var fields = Fields(domain);
        fields.Gallery = [new ImageRef(3, "fedcba9876543210", 1200, 800, "jpg", "Vue", false, null)];
        var hubCopy = await InsertHubCopyAsync(Hdf, "Copie régionale " + domain, "copie-" + domain, fields);
        await InsertHubCopyAsync("region-disparue", "Copie orpheline " + domain, "orpheline-" + domain, Fields(domain));
        var client = factory.CreateBrowserClient();

        var page = await client.GetDocumentAsync($"/projets?domaine={domain}");
        Assert.Equal(["Copie régionale " + domain], CardTitles(page));
        Assert.Equal($"/hauts-de-france/projets/copie-{domain}", page.QuerySelector(".fr-card__title a")!.GetAttribute("href"));
        Assert.Contains("/hauts-de-france/media/fedcba9876543210/", page.QuerySelector(".fr-card img")!.GetAttribute("src"));
        Assert.Contains("Hauts-de-France", page.QuerySelector(".fr-card__detail")!.TextContent);
        var regionLink = page.QuerySelectorAll("ul[aria-labelledby='filtre-region'] a").Single();
        Assert.Contains("Hauts-de-France", regionLink.TextContent);
        Assert.Contains("(1)", regionLink.TextContent);
        Assert.Equal(["Copie régionale " + domain], CardTitles(await client.GetDocumentAsync(regionLink.GetAttribute("href")!)));
        // The hub has no page of its own at a copy's address.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/projets/{hubCopy.Slug}")).StatusCode);
    }

    /// <summary>What the change feed puts on the hub for a shared item of a region (written directly here).</summary>
    private Task<ContentItem> InsertHubCopyAsync(string origin, string title, string slug, ShowcaseFields fields)
        => factory.InTenantAsync("network", async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            var type = sp.GetRequiredService<ShowcaseType>();
            var now = DateTime.UtcNow;
            var item = new ContentItem
            {
                ContentType = type.Name, Slug = slug, Title = title, SortTitle = title.ToLowerInvariant(), Summary = "Copie", Status = ContentStatus.Published,
                FieldsJson = type.WriteFields(fields), CreatedUtc = now, UpdatedUtc = now, PublishedUtc = now, OriginTenant = origin,
                OriginId = Random.Shared.Next(1, int.MaxValue),
                Facets = type.FacetsOf(fields).Append((ShowcaseType.FacetNames.Region, origin)).Select(f => new ContentFacetValue { Facet = f.Item1, Value = f.Item2 }).ToList(),
            };
            db.Items.Add(item);
            await db.SaveChangesAsync();
            sp.GetRequiredService<ContentChangeNotifier>().Changed("network");
            return item;
        });
}
