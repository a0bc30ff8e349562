using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.News.NewsTestKit;

namespace Network.Tests.News;

/// <summary>The public news list and article in a region and on the hub.</summary>
public sealed class NewsPublicPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task The_list_is_newest_first_ten_per_page_and_filters_by_tag_with_counts()
    {
        var tag = Tag();
        var titles = new List<string>();
        for (var i = 0; i < 12; i++)
        {
            var title = Unique($"Actualité {i:00}");
            titles.Add(title);
            await factory.PublishedNewsAsync(Region, title, Fields("Texte.", tag, i % 2 == 0 ? "pair" : "impair"));
        }

        var client = factory.CreateClient();
        var first = await client.GetDocumentAsync($"/hauts-de-france/actualites?mot-cle={tag}");
        var cards = first.QuerySelectorAll("#resultats + ul .fr-card__title").Select(t => t.TextContent.Trim()).ToList();
        Assert.Equal(10, cards.Count);
        // Newest publication first.
        Assert.Equal(titles[11], cards[0]);
        Assert.Contains("12 actualités", first.QuerySelector("#resultats")!.TextContent);
        Assert.NotNull(first.QuerySelector("time[datetime]"));
        var second = await client.GetDocumentAsync($"/hauts-de-france/actualites?mot-cle={tag}&page=2");
        Assert.Equal([titles[1], titles[0]], second.QuerySelectorAll("#resultats + ul .fr-card__title").Select(t => t.TextContent.Trim()).ToList());

        // The tag facet is a list of links with counts; the page announces its filtered feeds.
        var chosen = first.QuerySelector("#filtre-mot-cle ~ ul a[aria-current='true']");
        Assert.Contains("(12)", chosen!.TextContent);
        Assert.Contains(first.QuerySelectorAll("a.fr-tag"), a => (a.GetAttribute("href") ?? "").EndsWith("mot-cle=pair") && a.TextContent.Contains("pair ("));
        var feeds = first.QuerySelectorAll("link[rel='alternate']").Select(l => (l.GetAttribute("type"), l.GetAttribute("href"))).ToList();
        Assert.Contains(("application/rss+xml", $"/hauts-de-france/actualites/rss.xml?mot-cle={tag}"), feeds);
        Assert.Contains(("application/atom+xml", $"/hauts-de-france/actualites/atom.xml?mot-cle={tag}"), feeds);
    }

    [Fact]
    public async Task An_article_shows_its_parts_drafts_are_not_found_and_an_old_address_answers_301()
    {
        var tag = Tag();
        var published = await factory.PublishedNewsAsync(Region, Unique("Résultats de l'appel PNV"), Fields("## Les lauréats\nQuatre projets retenus.", tag));
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/hauts-de-france/actualites/{published.Slug}");
        Assert.Equal(published.Title, page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("article time[datetime]"));
        Assert.NotNull(page.QuerySelector("article h2#les-laureats"));
        Assert.Equal($"/hauts-de-france/actualites?mot-cle={tag}", page.QuerySelector("article .fr-tags-group a")!.GetAttribute("href"));
        Assert.Equal("Le chapô de l'actualité.", page.QuerySelector("meta[name='description']")!.GetAttribute("content"));
        Assert.NotNull(page.QuerySelector("link[rel='alternate'][type='application/rss+xml']"));
        var jsonLd = JsonDocument.Parse(page.MainJsonLd().TextContent).RootElement;
        Assert.Equal("NewsArticle", jsonLd.GetProperty("@type").GetString());
        Assert.StartsWith("http", jsonLd.GetProperty("url").GetString());

        var draft = await factory.CreateNewsAsync(Region, Edit(Unique("Brouillon"), Fields()));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/actualites/{draft.Item!.Slug}")).StatusCode);
        // Another region's article is not found here.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nouvelle-aquitaine/actualites/{published.Slug}")).StatusCode);

        var renamed = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .SaveAsync(published.Id, published.Version, Edit(published.Title, Fields("Texte.", tag), slug: published.Slug + "-v2"), ContentTestKit.Coordinator));
        Assert.True(renamed.Succeeded);
        var old = await factory.CreateClient(new() { AllowAutoRedirect = false }).GetAsync($"/hauts-de-france/actualites/{published.Slug}");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/hauts-de-france/actualites/{published.Slug}-v2", old.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_hub_lists_shared_news_with_their_region_and_drops_them_when_unshared()
    {
        var title = Unique("Journée régionale Culture et Numérique");
        var item = await factory.PublishedNewsAsync(Region, title);
        var local = await factory.PublishedNewsAsync(Region, Unique("Réservée à la région"), shared: false);
        await factory.DrainAsync(Region);

        var client = factory.CreateClient();
        var hub = await client.GetDocumentAsync("/actualites");
        var card = hub.QuerySelectorAll(".fr-card").FirstOrDefault(c => c.TextContent.Contains(title));
        Assert.NotNull(card);
        Assert.Contains("Hauts-de-France", card!.TextContent);
        Assert.Equal($"/hauts-de-france/actualites/{item.Slug}", card.QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain(local.Title, hub.Body!.TextContent);
        Assert.NotNull(hub.QuerySelectorAll("a").FirstOrDefault(a => (a.GetAttribute("href") ?? "").Contains("region=hauts-de-france")));

        var unshared = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>()
            .SaveAsync(item.Id, item.Version, Edit(title, Fields(), shared: false), ContentTestKit.Coordinator));
        Assert.True(unshared.Succeeded);
        await factory.DrainAsync(Region);
        Assert.DoesNotContain(title, (await client.GetDocumentAsync("/actualites")).Body!.TextContent);
    }
}
