using Network.Modules.Content.Data;
using Network.Modules.Showcases.Data;
using Network.Tests.Calls;
using Network.Tests.Events;
using Network.Tests.Infrastructure;
using Network.Tests.News;
using Network.Tests.Practices;
using Network.Tests.Showcases;

namespace Network.Tests.Syndication;

/// <summary>One item of each content type with a feed, written through the existing kits, for the feed, sitemap and JSON-LD tests.</summary>
public static class SyndicationTestKit
{
    public const string Region = "hauts-de-france";

    /// <summary>The public list address of each type that has feeds.</summary>
    public static readonly string[] FeedKinds = ["/projets", "/pratiques", "/appels", "/evenements", "/actualites"];

    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>Creates an item of the type listed at <paramref name="kind"/>, published unless <paramref name="publish"/> is false.</summary>
    public static async Task<ContentItem> ItemAsync(this NetworkWebFactory factory, string tenant, string kind, string title, bool publish = true, bool shared = true)
    {
        switch (kind)
        {
            case "/projets":
                return await factory.PublishAsync(tenant, title, new ShowcaseFields
                {
                    Description = "Un **projet** de médiation numérique & <sonore>.",
                    LeadOrganisation = "Musée des Beaux-Arts",
                    Programme = "ADNI",
                    Year = 2025,
                }, publish: publish, shared: shared);
            case "/pratiques":
            {
                var created = await factory.CreateAsync(tenant, PracticeTestKit.Edit(title, PracticeTestKit.Fields(tags: ["Médiation"]), shared));
                Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => $"{e.Field}: {e.Message}")));
                return publish ? (await factory.PerformAsync(tenant, created.Item!, Network.Modules.Content.Workflow.ContentAction.Publish)).Item! : created.Item!;
            }
            case "/appels":
                return (await factory.CreateCallAsync(tenant, title, CallsTestKit.Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(30)), publish, shared)).Item;
            case "/evenements":
                return (await factory.CreateEventAsync(tenant, title, EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(40).AddHours(8)), publish, shared)).Item;
            case "/actualites":
            {
                if (publish) return await factory.PublishedNewsAsync(tenant, title, shared: shared);
                var created = await factory.CreateNewsAsync(tenant, NewsTestKit.Edit(title, NewsTestKit.Fields(), shared));
                Assert.True(created.Succeeded);
                return created.Item!;
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, null);
        }
    }
}
