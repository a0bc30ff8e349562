using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.News.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Samples;

namespace Network.Tests.News;

/// <summary>The sample news of each region (recipes/content/&lt;region&gt;.news.json), imported at first run.</summary>
public sealed class NewsSampleContentTests(SampleContentWebFactory factory) : IClassFixture<SampleContentWebFactory>
{
    [Theory]
    [InlineData("hauts-de-france")]
    [InlineData("nouvelle-aquitaine")]
    public async Task Each_region_has_six_published_illustrated_news_spread_over_months_and_shared_with_the_hub(string region)
    {
        var items = await factory.InTenantAsync(region, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking()
            .Where(i => i.ContentType == NewsType.TypeName && i.OriginTenant == null && i.Status == ContentStatus.Published).ToListAsync());
        Assert.Equal(6, items.Count);
        var type = factory.Service<NewsType>();
        Assert.All(items, i =>
        {
            var fields = type.Read(i);
            Assert.NotNull(fields.Image);
            Assert.False(string.IsNullOrWhiteSpace(fields.Image!.Alt));
            Assert.NotEmpty(fields.Tags);
            Assert.True(i.Summary.Length > 0);
        });
        var dates = items.Select(i => i.PublishedUtc!.Value).ToList();
        Assert.True(dates.Max() - dates.Min() > TimeSpan.FromDays(90));

        await factory.DrainAsync(region);
        var client = factory.CreateClient();
        var list = await client.GetDocumentAsync($"/{region}/actualites");
        Assert.Equal(6, list.QuerySelectorAll("#resultats + ul .fr-card").Length);
        Assert.Equal(6, list.QuerySelectorAll("#resultats + ul .fr-card picture").Length);
        var hub = await client.GetDocumentAsync($"/actualites?region={region}");
        Assert.Contains("6 actualités", hub.QuerySelector("#resultats")!.TextContent);
    }
}
