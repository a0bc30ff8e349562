using Network.Tests.Infrastructure;
using Network.Tests.Samples;

namespace Network.Tests.Pages;

/// <summary>Each sample region has its contact page written (role "contact"), shown above the form at /contact.</summary>
public sealed class SampleContactPageTests(SampleContentWebFactory factory) : IClassFixture<SampleContentWebFactory>
{
    [Theory]
    [InlineData("hauts-de-france", "Lille")]
    [InlineData("nouvelle-aquitaine", "Poitiers")]
    public async Task The_sample_contact_page_is_shown_above_the_form(string region, string city)
    {
        var page = await factory.CreateBrowserClient().GetDocumentAsync($"/{region}/contact");
        Assert.Equal("Nous contacter", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains(city, page.QuerySelector("main .reseau-prose")!.TextContent);
        Assert.NotNull(page.QuerySelector("main form"));
    }
}
