using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Recipes;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Media.Services;
using Network.Tests.Content;
using Network.Tests.Home;
using Network.Tests.Infrastructure;
using Network.Tests.Accounts;
using Xunit.Abstractions;

namespace Network.Tests.Samples;

/// <summary>The host as it starts for real: sample content on, so first run imports the regions' content files.</summary>
public sealed class SampleContentWebFactory : NetworkWebFactory
{
    public SampleContentWebFactory()
    {
        Settings["Network:SampleContent"] = "true";
    }
}

public sealed class SampleContentTests(SampleContentWebFactory factory) : IClassFixture<SampleContentWebFactory>
{
    public static readonly TheoryData<string> Regions = new() { "hauts-de-france", "nouvelle-aquitaine" };

    private async Task<List<ContentItem>> ItemsAsync(string region)
        => await factory.InTenantAsync(region, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().Where(i => i.OriginTenant == null).ToListAsync());

    [Theory]
    [MemberData(nameof(Regions))]
    public void The_shipped_content_file_of_each_region_validates(string region)
    {
        var recipe = factory.Service<RecipeReader>().Load("region", new Dictionary<string, string> { ["Name"] = region, ["DisplayName"] = region });
        Assert.Contains(recipe.Steps, s => s["name"]!.GetValue<string>() == "Content");
        Assert.True(File.Exists(Path.Combine(factory.Service<RecipeReader>().RecipesFolder, "content", region + ".content.json")));
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Sample_practices_have_comments_replies_and_useful_marks_by_sample_members(string region)
    {
        var (comments, marks) = await factory.InTenantAsync(region, async sp =>
        {
            var db = sp.GetRequiredService<Network.Modules.Discussions.Data.DiscussionsDbContext>();
            return (await db.Comments.AsNoTracking().ToListAsync(), await db.UsefulMarks.AsNoTracking().CountAsync());
        });
        Assert.True(comments.Count >= 4);
        Assert.Contains(comments, c => c.ParentId is not null);
        Assert.All(comments, c => Assert.Equal(Network.Modules.Discussions.Data.CommentStatus.Published, c.Status));
        Assert.True(marks >= 3);
        var authors = await factory.WithAccountsAsync(db => db.Users.AsNoTracking().Where(u => u.Email!.EndsWith("@exemple.invalid")).ToListAsync());
        Assert.All(comments, c => Assert.Contains(authors, a => a.Id == c.AuthorId && !a.EmailConfirmed && a.PasswordHash == null));

        var items = await ItemsAsync(region);
        var commented = items.First(i => i.Id == comments[0].ItemId);
        var page = Network.Tests.Infrastructure.HtmlForms.Parse(await factory.CreateClient().GetStringAsync($"/{region}/pratiques/{commented.Slug}"));
        Assert.NotNull(page.QuerySelector($"#commentaire-{comments[0].Id}"));
        Assert.Contains("ont trouvé ce retour utile", page.QuerySelector("#utile")!.TextContent);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Sample_calls_are_open_under_review_and_with_published_results_listing_the_funded_projects(string region)
    {
        var calls = await factory.InTenantAsync(region, async sp =>
        {
            var ids = await sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking()
                .Where(i => i.ContentType == Network.Modules.Calls.Services.CallType.TypeName && i.OriginTenant == null).Select(i => i.Id).ToListAsync();
            var rounds = sp.GetRequiredService<Network.Modules.Calls.Services.CallRounds>();
            var views = new List<Network.Modules.Calls.Services.CallView>();
            foreach (var id in ids) views.Add((await rounds.FindAsync(id))!);
            return views;
        });
        Assert.Equal(
            [Network.Modules.Calls.Services.CallState.Open, Network.Modules.Calls.Services.CallState.UnderReview, Network.Modules.Calls.Services.CallState.ResultsPublished],
            calls.Select(c => c.State).Order().ToList());
        var (applications, reviews) = await factory.InTenantAsync(region, async sp =>
        {
            var db = sp.GetRequiredService<Network.Modules.Calls.Data.CallsDbContext>();
            return (await db.Applications.AsNoTracking().ToListAsync(), await db.Reviews.AsNoTracking().ToListAsync());
        });
        var underReview = calls.Single(c => c.State == Network.Modules.Calls.Services.CallState.UnderReview);
        Assert.True(applications.Count(a => a.CallId == underReview.Id) >= 2);
        Assert.Contains(reviews, r => r.CallId == underReview.Id && r.ReadScores().Count > 0);

        var results = calls.Single(c => c.State == Network.Modules.Calls.Services.CallState.ResultsPublished);
        var accepted = applications.Where(a => a.CallId == results.Id && a.Decision == Network.Modules.Calls.Data.ApplicationDecision.Accepted).ToList();
        Assert.NotEmpty(accepted);
        var items = await ItemsAsync(region);
        Assert.All(accepted, a => Assert.Equal(ContentStatus.Published, items.Single(i => i.Id == a.ShowcaseItemId).Status));

        var page = Network.Tests.Infrastructure.HtmlForms.Parse(await factory.CreateClient().GetStringAsync($"/{region}/appels/{results.Item.Slug}/resultats"));
        var table = page.QuerySelector("#funded-projects")!;
        Assert.All(accepted, a => Assert.Contains(a.ProjectTitle, table.TextContent));
        Assert.Equal(accepted.Count, table.QuerySelectorAll("a[href*='/projets/']").Length);
        var csv = await factory.CreateClient().GetStringAsync($"/{region}/donnees/subventions.csv");
        Assert.Equal(accepted.Count + 1, Network.Tests.Calls.TableSchemaValidator.ParseCsv(csv).Count);
    }

    [Fact]
    public void A_region_without_a_content_file_still_validates()
        => factory.Service<RecipeReader>().Load("region", new Dictionary<string, string> { ["Name"] = "bretagne", ["DisplayName"] = "Bretagne" });

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Each_region_has_published_showcases_and_practices_with_dates_spread_over_two_years(string region)
    {
        var items = await ItemsAsync(region);
        var showcases = items.Where(i => i.ContentType == "showcase").ToList();
        var practices = items.Where(i => i.ContentType == "practice").ToList();
        Assert.True(showcases.Count(i => i.Status == ContentStatus.Published) >= 8, $"{region}: {showcases.Count} showcases");
        Assert.True(practices.Count(i => i.Status == ContentStatus.Published) >= 4, $"{region}: {practices.Count} practices");
        var published = items.Where(i => i.Status == ContentStatus.Published).ToList();
        Assert.All(published, i => Assert.InRange(i.PublishedUtc!.Value, DateTime.UtcNow.AddDays(-731), DateTime.UtcNow));
        Assert.Equal(published.Count, published.Select(i => i.PublishedUtc).Distinct().Count());
        Assert.True((published.Max(i => i.PublishedUtc)! - published.Min(i => i.PublishedUtc)!).Value > TimeSpan.FromDays(300));
        // Enough to show the hub's featured block and to demonstrate what never leaves the region.
        Assert.InRange(items.Count(i => i.Featured), 2, 3);
        Assert.Contains(items, i => i.Status == ContentStatus.Published && !i.SharedWithNetwork);
        Assert.Contains(items, i => i.Status != ContentStatus.Published);
        Assert.All(items, i => Assert.Equal("Réseau", i.AuthorName));
        // Revisions carry the item's own past dates, not the import's.
        Assert.All(published, i => Assert.True(i.CreatedUtc < i.PublishedUtc));
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Sample_images_are_in_the_media_library_with_their_variants_alt_text_and_credit(string region)
    {
        var items = await ItemsAsync(region);
        var types = factory.Service<ContentTypeRegistry>();
        var storage = factory.Service<MediaStorage>();
        var images = new List<ImageRef>();
        foreach (var item in items)
        {
            var fields = types.Get(item.ContentType).ReadFields(item.FieldsJson);
            images.AddRange(fields.GetType().GetProperties().SelectMany(p => p.GetValue(fields) switch
            {
                ImageRef one => [one],
                IEnumerable<ImageRef> many => many,
                _ => [],
            }));
        }
        Assert.True(images.Count >= 8, $"{region}: {images.Count} images");
        Assert.All(images, image =>
        {
            Assert.False(image.Decorative);
            Assert.True(image.Alt.Length > 30, image.Alt);
            Assert.Contains("Licence Ouverte", image.Credit);
            Assert.Equal(1600, image.Width);
            Assert.Equal(1000, image.Height);
            Assert.NotEmpty(image.Widths!);
            foreach (var width in image.Widths!)
            {
                Assert.True(File.Exists(storage.PathOf(region, image.Key, $"{width}.webp")), $"{image.Key}/{width}.webp");
                Assert.True(File.Exists(storage.PathOf(region, image.Key, $"{width}.{image.Fallback}")), $"{image.Key}/{width}.{image.Fallback}");
            }
        });
        var library = await factory.InTenantAsync(region, sp => sp.GetRequiredService<MediaLibrary>().ListAsync(0, 100));
        // Every library entry is used: by the items, or by the composed home page (its hero).
        var homeImages = (await factory.LayoutAsync(region)).Published.Where(b => b.ImageId is not null).Select(b => b.ImageId!.Value).ToList();
        Assert.Single(homeImages);
        Assert.Equal(images.Select(i => i.MediaId).Concat(homeImages).Distinct().Count(), library.Total);
    }

    [Theory]
    [MemberData(nameof(Regions))]
    public async Task Practices_point_to_showcases_of_their_region(string region)
    {
        var items = await ItemsAsync(region);
        var showcaseIds = items.Where(i => i.ContentType == "showcase").Select(i => i.Id).ToHashSet();
        var related = items.Where(i => i.ContentType == "practice")
            .SelectMany(i => System.Text.Json.JsonDocument.Parse(i.FieldsJson).RootElement.GetProperty("relatedShowcaseIds").EnumerateArray().Select(e => e.GetInt32()))
            .ToList();
        Assert.True(related.Count >= 4);
        Assert.All(related, id => Assert.Contains(id, showcaseIds));
    }

    [Fact]
    public async Task The_hub_has_no_sample_content_of_its_own()
    {
        var items = await ItemsAsync(TenantRecord.HubName);
        Assert.Empty(items);
    }
}
