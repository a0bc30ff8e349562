using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Search;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Modules.Search.Index;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Search;

/// <summary>The index follows the content workflow through the change feed: only published items, at once, for every type.</summary>
public sealed class SearchIndexingTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string Other = "nouvelle-aquitaine";

    public static TheoryData<string> Types => ["showcase", "practice", "news", "page"];

    [Theory]
    [MemberData(nameof(Types))]
    public async Task Publishing_editing_and_archiving_are_followed_at_once(string type)
    {
        var (titleWord, bodyWord, renamed) = (SearchIndexingKit.Word(), SearchIndexingKit.Word(), SearchIndexingKit.Word());
        var item = await factory.CreateAsync(Region, type, $"Titre {titleWord}", bodyWord);
        await factory.DrainAsync(Region);
        Assert.Empty(factory.Find(Region, titleWord));

        item = await factory.PerformAsync(Region, item, ContentAction.Publish);
        await factory.DrainAsync(Region);
        var hit = Assert.Single(factory.Find(Region, titleWord));
        Assert.Equal((Region, type, item.Id.ToString(), factory.Service<Network.Modules.Content.Services.ContentTypeRegistry>().Get(type).PublicUrl(item.Slug)),
            (hit.Tenant, hit.Type, hit.Key, hit.Path));
        // The body is searchable as plain text: the Markdown around the word is gone.
        Assert.Equal(item.Id.ToString(), Assert.Single(factory.Find(Region, bodyWord)).Key);
        Assert.DoesNotContain("**", Assert.Single(factory.Find(Region, bodyWord)).SnippetHtml);

        // An edit of the published item replaces its document: the new title is found, the old one no more.
        var (definition, edit) = SearchIndexingKit.Edit(factory, type, $"Titre {renamed}", bodyWord);
        item = (await factory.StoreAsync(Region, s => s.SaveAsync(item.Id, item.Version, edit, Coordinator))).Item!;
        await factory.DrainAsync(Region);
        Assert.Single(factory.Find(Region, renamed));
        Assert.Empty(factory.Find(Region, titleWord));

        // Archiving takes it out of search; publishing again brings it back.
        item = await factory.PerformAsync(Region, item, ContentAction.Archive);
        await factory.DrainAsync(Region);
        Assert.Empty(factory.Find(Region, renamed));
        Assert.Empty(factory.Find(Region, bodyWord));

        await factory.PerformAsync(Region, item, ContentAction.Publish);
        await factory.DrainAsync(Region);
        Assert.Single(factory.Find(Region, renamed));
        // Never in another region's search.
        Assert.Empty(factory.Find(Other, renamed));
    }

    [Fact]
    public async Task Facets_carry_their_vocabulary_labels_and_only_the_search_facets()
    {
        var word = SearchIndexingKit.Word();
        await factory.PublishedAsync(Region, "showcase", $"Projet {word}", SearchIndexingKit.Word());
        await factory.DrainAsync(Region);
        var hit = Assert.Single(factory.Find(Region, word));
        Assert.Contains(new SearchFacetValue(SearchFacets.Domain, "musees", "Musées"), hit.Facets);
        Assert.Contains(new SearchFacetValue(SearchFacets.Programme, "France 2030", "France 2030"), hit.Facets);
        Assert.Contains(new SearchFacetValue(SearchFacets.Year, "2024", "2024"), hit.Facets);
        // The showcase's maturity is a list facet, not a search one.
        Assert.All(hit.Facets, f => Assert.Contains(f.Facet, SearchFacets.DocumentFacets));
    }

    [Fact]
    public async Task Unsharing_keeps_the_item_in_its_region_but_takes_it_out_of_the_hub_search_and_the_hub_copy_is_never_indexed()
    {
        var word = SearchIndexingKit.Word();
        var item = await factory.PublishedAsync(Region, "showcase", $"Partagé {word}", SearchIndexingKit.Word());
        await factory.DrainAsync(Region);
        await factory.DrainAsync("network");
        Assert.NotNull(await factory.HubCopyAsync(Region, item.Id));
        // Found once from the hub, as the region's document; the hub's copy is not a second document.
        var fromHub = Assert.Single(factory.FindFromHub(word, Region, Other));
        Assert.Equal((Region, item.Id.ToString()), (fromHub.Tenant, fromHub.Key));
        Assert.Empty(factory.Find("network", word));

        var (_, edit) = SearchIndexingKit.Edit(factory, "showcase", item.Title, "x", shared: false);
        item = (await factory.StoreAsync(Region, s => s.SaveAsync(item.Id, item.Version, edit, Coordinator))).Item!;
        await factory.DrainAsync(Region);
        Assert.Empty(factory.FindFromHub(word, Region, Other));
        Assert.Single(factory.Find(Region, word));

        (_, edit) = SearchIndexingKit.Edit(factory, "showcase", item.Title, "x", shared: true);
        await factory.StoreAsync(Region, s => s.SaveAsync(item.Id, item.Version, edit, Coordinator));
        await factory.DrainAsync(Region);
        Assert.Single(factory.FindFromHub(word, Region, Other));
    }

    [Fact]
    public async Task Pages_are_never_shared_with_the_hub_search()
    {
        var word = SearchIndexingKit.Word();
        await factory.PublishedAsync(Region, "page", $"Équipe {word}", SearchIndexingKit.Word());
        await factory.DrainAsync(Region);
        Assert.Single(factory.Find(Region, word));
        Assert.Empty(factory.FindFromHub(word, Region));
    }

    [Fact]
    public async Task Drafts_submitted_rejected_and_scheduled_items_are_never_indexed()
    {
        var words = Enumerable.Range(0, 4).Select(_ => SearchIndexingKit.Word()).ToArray();
        await factory.CreateAsync(Region, "showcase", $"Brouillon {words[0]}", words[0]);
        var submitted = await factory.CreateAsync(Region, "practice", $"Soumis {words[1]}", words[1], actor: Author);
        await factory.PerformAsync(Region, submitted, ContentAction.Submit, Author);
        var rejected = await factory.CreateAsync(Region, "news", $"Refusé {words[2]}", words[2], actor: Author);
        rejected = await factory.PerformAsync(Region, rejected, ContentAction.Submit, Author);
        await factory.PerformAsync(Region, rejected, ContentAction.Reject);
        var scheduled = await factory.CreateAsync(Region, "showcase", $"Programmé {words[3]}", words[3]);
        await factory.PerformAsync(Region, scheduled, ContentAction.Schedule, at: DateTime.UtcNow.AddDays(3));
        await factory.DrainAsync(Region);
        await factory.DrainAsync("network");
        foreach (var word in words)
        {
            Assert.Empty(factory.Find(Region, word));
            Assert.Empty(factory.FindFromHub(word, Region));
        }
    }

    [Fact]
    public async Task Withdrawing_a_scheduled_item_and_deleting_a_draft_remove_whatever_the_index_held()
    {
        // Documents left in the index for items that are not public (as after a bug or a restored backup) are removed by
        // the item's next change, deletion included: the change row carries the type the key needs.
        var writer = factory.Service<ISearchIndexWriter>();
        var (scheduledWord, draftWord) = (SearchIndexingKit.Word(), SearchIndexingKit.Word());
        var scheduled = await factory.CreateAsync(Region, "news", $"Programmé {scheduledWord}", scheduledWord);
        var draft = await factory.CreateAsync(Region, "practice", $"Brouillon {draftWord}", draftWord);
        await factory.DrainAsync(Region);
        await writer.ApplyAsync([Stale(scheduled, "news", "/actualites/", scheduledWord), Stale(draft, "practice", "/pratiques/", draftWord)], []);
        Assert.Single(factory.Find(Region, scheduledWord));
        Assert.Single(factory.Find(Region, draftWord));

        scheduled = await factory.PerformAsync(Region, scheduled, ContentAction.Schedule, at: DateTime.UtcNow.AddDays(2));
        await factory.PerformAsync(Region, scheduled, ContentAction.Withdraw);
        await factory.PerformAsync(Region, draft, ContentAction.Delete);
        await factory.DrainAsync(Region);
        Assert.Empty(factory.Find(Region, scheduledWord));
        Assert.Empty(factory.Find(Region, draftWord));
        Assert.Null(await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.FirstOrDefaultAsync(i => i.Id == draft.Id)));
    }

    private static SearchDocument Stale(ContentItem item, string type, string path, string word) => new()
    {
        Tenant = Region, Type = type, Key = item.Id.ToString(), Path = path + item.Slug, Title = $"Périmé {word}", DateUtc = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_scheduled_item_is_indexed_when_its_time_comes()
    {
        var word = SearchIndexingKit.Word();
        var item = await factory.CreateAsync(Region, "news", $"Bientôt {word}", word);
        item = await factory.PerformAsync(Region, item, ContentAction.Schedule, at: DateTime.UtcNow.AddDays(1));
        await factory.DrainAsync(Region);
        Assert.Empty(factory.Find(Region, word));

        // Its time has come: the next pass publishes it as the system, and the index follows.
        await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<ContentDbContext>();
            var row = await db.Items.SingleAsync(i => i.Id == item.Id);
            row.PublishedUtc = DateTime.UtcNow.AddMinutes(-1);
            return await db.SaveChangesAsync();
        });
        await factory.DrainAsync(Region);
        Assert.Single(factory.Find(Region, word));
    }

    [Fact]
    public async Task Legal_pages_are_not_searchable_the_contact_page_is()
    {
        var pages = factory.Service<PageType>();
        Assert.False(pages.IsSearchableItem(new PageFields { Role = PageRoles.LegalNotice, Body = "x" }));
        Assert.False(pages.IsSearchableItem(new PageFields { Role = PageRoles.Accessibility, Body = "x" }));
        Assert.True(pages.IsSearchableItem(new PageFields { Role = PageRoles.Contact, Body = "x" }));
        Assert.True(pages.IsSearchableItem(new PageFields { Body = "x" }));
        await Task.CompletedTask;
    }

    [Fact]
    public void A_showcase_is_searched_by_its_people_places_and_sections_but_not_its_contact()
    {
        var type = factory.Service<Network.Modules.Showcases.Services.ShowcaseType>();
        var text = type.SearchTextOf(new Network.Modules.Showcases.Data.ShowcaseFields
        {
            Description = "Une *visite* augmentée", LeadOrganisation = "Musée de la Piscine", Commune = "Roubaix",
            Partners = [new("Université de Lille", "recherche")], Outcomes = "- 3 000 visiteurs", ContactEmail = "secret@exemple.fr", ContactName = "Camille Privé",
        });
        foreach (var expected in new[] { "Une visite augmentée", "Musée de la Piscine", "Roubaix", "Université de Lille recherche", "3 000 visiteurs" })
            Assert.Contains(expected, text);
        Assert.DoesNotContain("secret@exemple.fr", text);
        Assert.DoesNotContain("Camille Privé", text);
        Assert.DoesNotContain("*", text);
    }

    [Fact]
    public void Markdown_becomes_plain_text_without_markup_or_html()
    {
        var text = SafeMarkdown.ToPlainText("## Titre\n\nUn **mot** et un [lien](https://exemple.fr) <script>alert(1)</script>\n\n- élément");
        Assert.DoesNotContain("**", text);
        Assert.DoesNotContain("](", text);
        Assert.DoesNotContain("##", text);
        Assert.Contains("Titre", text);
        Assert.Contains("mot", text);
        Assert.Contains("lien", text);
        Assert.Contains("élément", text);
        Assert.Equal("", SafeMarkdown.ToPlainText(null));
        Assert.Equal("", SafeMarkdown.ToPlainText("   "));
    }
}
