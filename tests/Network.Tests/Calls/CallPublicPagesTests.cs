using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Calls;

/// <summary>/appels and /appels/{slug} in a region and on the hub, the countdown, the "calls-open" home block and search.</summary>
public sealed class CallPublicPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    /// <summary>French as written in the code (the site's default language), without the JSON catalogue.</summary>
    private sealed class FrenchText : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.GetCultureInfo("fr-FR"), name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static string Unique(string title) => title + " " + Guid.NewGuid().ToString("N")[..6];

    [Fact]
    public void The_deadline_reads_in_paris_time_with_days_and_hours_left()
    {
        var french = CultureInfo.GetCultureInfo("fr-FR");
        var closes = new DateTime(2026, 4, 15, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal("le mercredi 15 avril 2026 à 12 h 00 (heure de Paris)", CallText.Moment(closes, new FrenchText(), french));
        Assert.Equal("le mardi 15 décembre 2026 à 12 h 00 (heure de Paris)", CallText.Moment(new DateTime(2026, 12, 15, 11, 0, 0, DateTimeKind.Utc), new FrenchText(), french));
        Assert.Equal("3 jours et 4 heures", CallText.Remaining(new TimeSpan(3, 4, 59, 0), new FrenchText()));
        Assert.Equal("1 jour", CallText.Remaining(new TimeSpan(1, 0, 10, 0), new FrenchText()));
        Assert.Equal("2 heures et 1 minute", CallText.Remaining(new TimeSpan(0, 2, 1, 30), new FrenchText()));
        Assert.Equal("moins d'une minute", CallText.Remaining(TimeSpan.FromSeconds(20), new FrenchText()));
        var fields = CallsTestKit.Fields(closes.AddDays(-30), closes);
        Assert.Equal("Clôture dans 3 jours et 4 heures — le mercredi 15 avril 2026 à 12 h 00 (heure de Paris)",
            WithFrench(() => CallText.Sentence(CallState.Open, fields, closes - new TimeSpan(3, 4, 30, 0), new FrenchText())));
    }

    private static T WithFrench<T>(Func<T> work)
    {
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("fr-FR");
        try { return work(); } finally { CultureInfo.CurrentCulture = before; }
    }

    [Fact]
    public async Task The_list_shows_open_upcoming_and_past_calls_with_the_countdown_and_facets()
    {
        var now = DateTime.UtcNow;
        var open = await factory.CreateCallAsync(Hdf, Unique("Appel ouvert"), CallsTestKit.Fields(now.AddDays(-2), now + new TimeSpan(3, 4, 30, 0), "PNV"));
        var upcoming = await factory.CreateCallAsync(Hdf, Unique("Appel à venir"), CallsTestKit.Fields(now.AddDays(10), now.AddDays(40), "ADNI", 2027));
        var past = await factory.CreateCallAsync(Hdf, Unique("Appel clos"), CallsTestKit.Fields(now.AddDays(-60), now.AddDays(-1), "ADNI", 2025));
        var draft = await factory.CreateCallAsync(Hdf, Unique("Appel brouillon"), CallsTestKit.Fields(now.AddDays(-2), now.AddDays(5)), publish: false);

        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/hauts-de-france/appels");
        var openList = page.QuerySelector("#liste-appels-ouverts")!.TextContent;
        Assert.Contains(open.Item.Title, openList);
        Assert.Contains("Clôture dans 3 jours et 4 heures — le ", openList);
        Assert.Contains("(heure de Paris)", openList);
        Assert.Contains(upcoming.Item.Title, page.QuerySelector("#liste-appels-a-venir")!.TextContent);
        Assert.Contains(past.Item.Title, page.QuerySelector("#liste-appels-passes")!.TextContent);
        Assert.DoesNotContain(draft.Item.Title, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/hauts-de-france/appels/{open.Item.Slug}']"));

        var filtered = await client.GetDocumentAsync("/hauts-de-france/appels?programme=pnv");
        Assert.Contains(open.Item.Title, filtered.Body!.TextContent);
        Assert.DoesNotContain(upcoming.Item.Title, filtered.Body.TextContent);
        var byYear = await client.GetDocumentAsync("/hauts-de-france/appels?annee=2025");
        Assert.Contains(past.Item.Title, byYear.Body!.TextContent);
        Assert.DoesNotContain(open.Item.Title, byYear.Body.TextContent);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/appels?annee=%00%27&page=-3&programme=" + new string('x', 500))).StatusCode);
    }

    [Fact]
    public async Task The_call_page_gives_what_an_applicant_needs_and_the_way_in_only_while_open()
    {
        var now = DateTime.UtcNow;
        var pdf = await factory.UploadPdfAsync(Hdf, "Règlement");
        var fields = CallsTestKit.Fields(now.AddDays(-1), now.AddDays(20));
        fields.Documents = [new CallDocument(pdf, "Règlement de l'appel 2026")];
        var open = await factory.CreateCallAsync(Hdf, Unique("Appel ADNI"), fields);
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/hauts-de-france/appels/{open.Item.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var text = page.Body!.TextContent;
        Assert.Contains("Ouvert", page.QuerySelector("#appel-etat")!.TextContent);
        Assert.Contains("Clôture dans 19 jours", text);
        Assert.Contains("300", text);
        Assert.Contains("40", text);
        Assert.Contains("50 % du budget total", text);
        Assert.Contains("Caractère innovant", text);
        Assert.Contains("Association", text);
        Assert.Contains("Région Hauts-de-France", text);
        Assert.Contains("appels@drac.example.fr", text);
        var download = page.QuerySelector("a.fr-link--download")!;
        Assert.Contains("Règlement de l'appel 2026", download.TextContent);
        Assert.Contains("PDF", download.TextContent);
        Assert.Contains("Ko", download.TextContent);
        Assert.EndsWith(".pdf", download.GetAttribute("href"));
        Assert.Equal($"/hauts-de-france/appels/{open.Item.Slug}/candidature", page.QuerySelector("#appel-deposer")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("#appel-resultats"));
        var jsonLd = JsonDocument.Parse(page.MainJsonLd().TextContent).RootElement;
        Assert.Equal("GovernmentService", jsonLd.GetProperty("@type").GetString());
        Assert.Equal(open.Item.Title, jsonLd.GetProperty("name").GetString());

        // Closed: no button. Results published: the results link.
        var closed = await factory.CreateCallAsync(Hdf, Unique("Appel PNV clos"), CallsTestKit.Fields(now.AddDays(-40), now.AddSeconds(-1), "PNV"));
        var closedPage = await client.GetDocumentAsync($"/hauts-de-france/appels/{closed.Item.Slug}");
        Assert.Null(closedPage.QuerySelector("#appel-deposer"));
        Assert.Contains("Clos", closedPage.QuerySelector("#appel-etat")!.TextContent);
        await factory.InTenantAsync(Hdf, async sp =>
        {
            var round = await sp.GetRequiredService<CallRounds>().GetOrCreateAsync(closed.Id);
            round.ReviewStartedUtc = now;
            round.ResultsPublishedUtc = now;
            await sp.GetRequiredService<CallsDbContext>().SaveChangesAsync();
            return true;
        });
        var results = await client.GetDocumentAsync($"/hauts-de-france/appels/{closed.Item.Slug}");
        Assert.Equal($"/hauts-de-france/appels/{closed.Item.Slug}/resultats", results.QuerySelector("#appel-resultats")!.GetAttribute("href"));
        Assert.Contains("Résultats publiés", results.QuerySelector("#appel-etat")!.TextContent);

        // Unpublished, unknown, another region's: 404.
        var draft = await factory.CreateCallAsync(Hdf, Unique("Appel caché"), CallsTestKit.Fields(now.AddDays(-1), now.AddDays(3)), publish: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/hauts-de-france/appels/{draft.Item.Slug}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/hauts-de-france/appels/n-existe-pas")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nouvelle-aquitaine/appels/{open.Item.Slug}")).StatusCode);
    }

    [Fact]
    public async Task The_hub_lists_the_regions_shared_calls_with_a_region_facet_linking_to_the_region()
    {
        var now = DateTime.UtcNow;
        var shared = await factory.CreateCallAsync(Na, Unique("Cultures connectées"), CallsTestKit.Fields(now.AddDays(-1), now.AddDays(9), "Cultures connectées"));
        var kept = await factory.CreateCallAsync(Na, Unique("Appel interne"), CallsTestKit.Fields(now.AddDays(-1), now.AddDays(9)), shared: false);
        await factory.DrainAsync(Na);

        var client = factory.CreateClient();
        var hub = await client.GetDocumentAsync("/appels");
        Assert.Contains(shared.Item.Title, hub.Body!.TextContent);
        Assert.DoesNotContain(kept.Item.Title, hub.Body.TextContent);
        Assert.NotNull(hub.QuerySelector($"a[href='/nouvelle-aquitaine/appels/{shared.Item.Slug}']"));
        Assert.NotNull(hub.QuerySelector("a[href*='region=nouvelle-aquitaine']"));
        var byRegion = await client.GetDocumentAsync("/appels?region=hauts-de-france");
        Assert.DoesNotContain(shared.Item.Title, byRegion.Body!.TextContent);

        // The home block: the region's own open calls; on the hub, the regions' shared ones.
        var regionHome = await client.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.Contains(shared.Item.Title, regionHome.Body!.TextContent);
        var hubHome = await client.GetDocumentAsync("/");
        Assert.Contains(shared.Item.Title, hubHome.Body!.TextContent);
        Assert.DoesNotContain(kept.Item.Title, hubHome.Body.TextContent);
    }

    [Fact]
    public async Task The_hub_shows_a_regions_call_under_review_then_with_its_results_published()
    {
        var call = await factory.CreateClosedCallAsync(Na, Unique("Cultures connectées instruites"));
        var applicant = await factory.PersonAsync(Na, Network.Core.Security.NetworkRoles.Member, "Alix Candidate");
        var application = await factory.AddSubmittedApplicationAsync(Na, call, applicant);
        await factory.DrainAsync(Na);
        var client = factory.CreateClient();

        async Task<string> HubCardAsync()
        {
            var hub = await client.GetDocumentAsync("/appels");
            var link = hub.QuerySelector($"a[href='/nouvelle-aquitaine/appels/{call.Item.Slug}']");
            Assert.NotNull(link);
            return link!.Closest(".fr-card")!.TextContent;
        }

        Assert.Contains("Clos", await HubCardAsync());
        await factory.InTenantAsync(Na, async sp =>
        {
            var view = (await sp.GetRequiredService<CallRounds>().FindAsync(call.Id))!;
            return await sp.GetRequiredService<ReviewAdministration>().StartReviewAsync(view, new CallActor("coord-1", "Claude Coordinateur"));
        });
        Assert.Contains("En cours d'instruction", await HubCardAsync());

        await factory.DecideAsync(Na, call, application, ApplicationDecision.Rejected);
        Assert.True((await factory.PublishResultsAsync(Na, call)).Succeeded);
        Assert.Contains("Résultats publiés", await HubCardAsync());
    }

    [Fact]
    public async Task A_published_call_is_found_by_search_in_its_region_and_on_the_hub_and_not_once_unpublished()
    {
        var word = "zappel" + Guid.NewGuid().ToString("N")[..8].Replace("0", "q").Replace("1", "w").Replace("2", "e").Replace("3", "r").Replace("4", "t").Replace("5", "y").Replace("6", "u").Replace("7", "i").Replace("8", "o").Replace("9", "p");
        var now = DateTime.UtcNow;
        var call = await factory.CreateCallAsync(Hdf, "Appel " + word, CallsTestKit.Fields(now.AddDays(-1), now.AddDays(9)));
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Hdf);
        var client = factory.CreateClient();
        Assert.Contains($"/appels/{call.Item.Slug}", await client.GetStringAsync($"/hauts-de-france/recherche.json?q={word}"));
        Assert.Contains($"/appels/{call.Item.Slug}", await client.GetStringAsync($"/recherche.json?q={word}"));

        await factory.InTenantAsync(Hdf, async sp =>
        {
            var store = sp.GetRequiredService<ContentStore>();
            var item = await sp.GetRequiredService<Network.Modules.Content.Data.ContentDbContext>().Items.AsNoTracking().FirstAsync(i => i.Id == call.Id);
            var archived = await store.PerformAsync(item.Id, item.Version, ContentAction.Archive, ContentActor.System);
            Assert.True(archived.Succeeded, string.Join(" ", archived.Errors.Select(e => e.Message)));
            return true;
        });
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Hdf);
        Assert.DoesNotContain($"/appels/{call.Item.Slug}", await client.GetStringAsync($"/hauts-de-france/recherche.json?q={word}"));
        Assert.DoesNotContain($"/appels/{call.Item.Slug}", await client.GetStringAsync($"/recherche.json?q={word}"));
    }
}
