using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewComponents;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Modules.News.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using static Network.Tests.News.NewsTestKit;

namespace Network.Tests.News;

/// <summary>The "news-latest" home block: declared by the module, and its view component's choice of cards.</summary>
public sealed class NewsHomeBlockTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private Task<NewsLatestViewComponent.Model> InvokeAsync(string tenant, HomeBlock block)
        => factory.InTenantAsync(tenant, async sp =>
        {
            var http = new DefaultHttpContext { RequestServices = sp };
            if (!factory.Tenant(tenant).IsHub) http.Request.PathBase = "/" + tenant;
            var component = ActivatorUtilities.CreateInstance<NewsLatestViewComponent>(sp);
            component.ViewComponentContext = new ViewComponentContext
            {
                ViewContext = new ViewContext { HttpContext = http, ViewData = new ViewDataDictionary(new EmptyModelMetadataProvider(), new ModelStateDictionary()) },
            };
            var result = Assert.IsType<ViewViewComponentResult>(await component.InvokeAsync(block));
            return Assert.IsType<NewsLatestViewComponent.Model>(result.ViewData!.Model);
        });

    [Fact]
    public void The_module_offers_the_latest_news_block_with_a_title_and_a_count()
    {
        var type = Assert.Single(factory.Service<ModuleCatalog>().HomeBlockTypes(factory.Tenant(Region)), b => b.Id == "news-latest");
        Assert.Equal("Dernières actualités", type.Name);
        Assert.Equal(HomeBlockSettings.Title | HomeBlockSettings.Count, type.Settings);
        Assert.Equal(150, type.DefaultOrder);
        Assert.Equal(typeof(NewsLatestViewComponent), type.ViewComponent);
    }

    [Fact]
    public async Task The_block_shows_the_latest_news_clamped_and_on_the_hub_links_to_their_region()
    {
        for (var i = 0; i < 14; i++) await factory.PublishedNewsAsync(Region, Unique($"Bloc {i}"));
        var latest = await factory.PublishedNewsAsync(Region, Unique("La plus récente"));

        var byDefault = await InvokeAsync(Region, new HomeBlock { Type = "news-latest" });
        Assert.Equal(3, byDefault.Cards.Count);
        Assert.Equal(latest.Id, byDefault.Cards[0].Item.Id);
        Assert.Equal($"/{Region}/actualites", byDefault.ListUrl);
        Assert.Equal(12, (await InvokeAsync(Region, new HomeBlock { Type = "news-latest", Count = 50 })).Cards.Count);
        Assert.Single((await InvokeAsync(Region, new HomeBlock { Type = "news-latest", Count = -3, Title = "À la une" })).Cards);
        Assert.Equal("À la une", (await InvokeAsync(Region, new HomeBlock { Type = "news-latest", Title = " À la une " })).Title);

        await factory.DrainAsync(Region);
        var hub = await InvokeAsync("network", new HomeBlock { Type = "news-latest", Count = 1 });
        var card = Assert.Single(hub.Cards);
        Assert.Equal(latest.Title, card.Item.Title);
        Assert.Equal("Hauts-de-France", card.Region);
        Assert.Equal($"/{Region}/actualites/{latest.Slug}", card.Url);
    }
}
