using AngleSharp.Dom;
using Network.Modules.Content.Data;
using Network.Tests.Infrastructure;
using Network.Tests.Practices;
using Network.Modules.Showcases.Data;
using Network.Tests.Showcases;
using static Network.Tests.Practices.PracticeTestKit;

namespace Network.Tests.Hub;

/// <summary>
/// The hub home aggregates the regions' shared items from the hub's copies. Copies are written straight into the
/// hub's database here, as the change-feed worker writes them.
/// </summary>
public sealed class HubHomeTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static List<string> LinksOf(IDocument document, string sectionId)
        => document.QuerySelectorAll($"section[aria-labelledby='{sectionId}'] a").Select(a => a.GetAttribute("href")!).ToList();

    private static IElement RegionTile(IDocument document, string regionName)
        => document.QuerySelectorAll("section[aria-labelledby='accueil-regions'] .fr-tile")
            .Single(t => t.QuerySelector(".fr-tile__title")!.TextContent.Trim() == regionName);

    private static int PracticeCount(IDocument document, string regionName)
    {
        var text = RegionTile(document, regionName).QuerySelector(".fr-tile__desc")!.TextContent;
        var part = text.Split('·').Select(p => p.Trim()).Single(p => p.StartsWith("Retours d'expérience", StringComparison.Ordinal));
        return int.Parse(part.Split(':')[1].Trim());
    }

    [Fact]
    public async Task The_hub_home_shows_the_latest_shared_practices_of_both_regions_linking_to_their_region()
    {
        var north = await factory.PublishedPracticeAsync("hauts-de-france", Unique("Nord"), Fields());
        var west = await factory.PublishedPracticeAsync("nouvelle-aquitaine", Unique("Aquitaine"), Fields());
        var draft = await factory.PublishedPracticeAsync("hauts-de-france", Unique("Copie non publiée"), Fields());
        await factory.HubCopyAsync("hauts-de-france", north);
        await factory.HubCopyAsync("nouvelle-aquitaine", west);
        await factory.HubCopyAsync("hauts-de-france", draft, status: ContentStatus.Draft);

        var home = await factory.CreateBrowserClient().GetDocumentAsync("/");
        var latest = LinksOf(home, "accueil-practices-latest");
        Assert.Contains($"/hauts-de-france/pratiques/{north.Slug}", latest);
        Assert.Contains($"/nouvelle-aquitaine/pratiques/{west.Slug}", latest);
        Assert.DoesNotContain($"/hauts-de-france/pratiques/{draft.Slug}", latest);
        Assert.Contains("/pratiques", latest);
        PracticePublicPagesTests.AssertInert(home);

        // The hub's list has them too, with the region filter.
        var list = await factory.CreateBrowserClient().GetDocumentAsync("/pratiques?region=nouvelle-aquitaine");
        var titles = list.QuerySelectorAll(".fr-card__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"/nouvelle-aquitaine/pratiques/{west.Slug}", titles);
        Assert.DoesNotContain($"/hauts-de-france/pratiques/{north.Slug}", titles);
        Assert.Contains(PracticePublicPagesTests.FilterLinks(list, "region"), a => a.TextContent.Contains("Nouvelle-Aquitaine", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Items_never_shared_or_unpublished_in_a_region_do_not_reach_the_hub_home()
    {
        var unshared = await factory.PublishedPracticeAsync("hauts-de-france", Unique("Gardé en région"), Fields(), shared: false);
        var draft = (await factory.CreateAsync("hauts-de-france", Edit(Unique("Brouillon régional"), Fields()))).Item!;
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/");
        var html = home.DocumentElement.OuterHtml;
        Assert.DoesNotContain(unshared.Title, html);
        Assert.DoesNotContain(draft.Title, html);
        // The region's own home shows its published items (shared or not), never drafts.
        var region = await factory.CreateBrowserClient().GetDocumentAsync("/hauts-de-france/");
        Assert.Contains($"/hauts-de-france/pratiques/{unshared.Slug}", LinksOf(region, "accueil-practices-latest"));
        Assert.DoesNotContain(draft.Title, region.DocumentElement.OuterHtml);
    }

    [Fact]
    public async Task The_hub_shows_the_six_newest_showcases_the_regions_feature_with_their_region()
    {
        await factory.EnsureVocabulariesAsync("nouvelle-aquitaine");
        var copies = new List<ContentItem>();
        var start = DateTime.UtcNow.AddYears(-5); // old enough to stay out of the "latest" blocks other tests read
        for (var i = 0; i < 8; i++)
        {
            var item = await factory.PublishAsync("nouvelle-aquitaine", Unique($"À la une {i}"), new ShowcaseFields { Domains = ["musees"], Technologies = ["numerisation-3d"], Maturity = ShowcaseMaturity.Pilot });
            copies.Add(await factory.HubCopyAsync("nouvelle-aquitaine", item, featured: true, publishedUtc: start.AddMinutes(i)));
        }
        var home = await factory.CreateBrowserClient().GetDocumentAsync("/");
        var section = home.QuerySelector("section[aria-labelledby='accueil-showcases-featured']")!;
        var cards = section.QuerySelectorAll(".fr-card__title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(copies.AsEnumerable().Reverse().Take(6).Select(c => $"/nouvelle-aquitaine/projets/{c.Slug}"), cards);
        Assert.All(section.QuerySelectorAll(".fr-card__start .fr-card__detail"), d => Assert.Contains("Nouvelle-Aquitaine", d.TextContent));
    }

    [Fact]
    public async Task The_regions_list_counts_each_region_s_shared_items()
    {
        var before = await factory.CreateBrowserClient().GetDocumentAsync("/");
        var north = PracticeCount(before, "Hauts-de-France");
        var west = PracticeCount(before, "Nouvelle-Aquitaine");
        for (var i = 0; i < 2; i++)
            await factory.HubCopyAsync("hauts-de-france", await factory.PublishedPracticeAsync("hauts-de-france", Unique("Compté"), Fields()));
        await factory.HubCopyAsync("hauts-de-france", await factory.PublishedPracticeAsync("hauts-de-france", Unique("Non compté"), Fields()), status: ContentStatus.Archived);
        var after = await factory.CreateBrowserClient().GetDocumentAsync("/");
        Assert.Equal(north + 2, PracticeCount(after, "Hauts-de-France"));
        Assert.Equal(west, PracticeCount(after, "Nouvelle-Aquitaine"));
        Assert.Equal("/hauts-de-france/", RegionTile(after, "Hauts-de-France").QuerySelector("a")!.GetAttribute("href"));
    }
}
