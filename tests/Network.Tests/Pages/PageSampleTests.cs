using Network.Modules.Pages.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Samples;
using Microsoft.Extensions.DependencyInjection;

namespace Network.Tests.Pages;

/// <summary>The sample pages of each region: imported through the Content step with their parent reference, and served.</summary>
public sealed class PageSampleTests(SampleContentWebFactory factory) : IClassFixture<SampleContentWebFactory>
{
    [Theory]
    [InlineData("hauts-de-france")]
    [InlineData("nouvelle-aquitaine")]
    public async Task Each_region_has_its_about_team_and_programme_pages(string region)
    {
        var pages = await factory.InTenantAsync(region, sp => sp.GetRequiredService<PageDirectory>().PublishedAsync());
        var paths = pages.Where(p => p.Role.Length == 0).Select(p => p.Path).ToList();
        Assert.Contains("/a-propos", paths);
        Assert.Contains("/a-propos/equipe", paths);
        Assert.Contains("/programme-2026", paths);
        var team = pages.Single(p => p.Path == "/a-propos/equipe");
        Assert.Equal(pages.Single(p => p.Path == "/a-propos").Id, team.ParentId);

        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync($"/{region}/a-propos");
        Assert.Contains($"/{region}/a-propos/equipe", page.QuerySelectorAll("main a").Select(a => a.GetAttribute("href")));
        Assert.NotEmpty(page.QuerySelectorAll("main .reseau-prose h2"));
    }
}
