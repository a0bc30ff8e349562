using System.Net;
using System.Text.Json;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Calls.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Modules.Showcases.Data;
using Network.Tests.Calls;
using Network.Tests.Content;
using Network.Tests.Events;
using Network.Tests.Infrastructure;
using Network.Tests.Practices;
using Network.Tests.Showcases;

namespace Network.Tests.Api;

/// <summary>The public API /api/v1: paging, filters, the hub, ETags, CORS, problem details, private data, disabled modules, OpenAPI.</summary>
public sealed class ApiTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    private static string Q(string value) => Uri.EscapeDataString(value);

    [Fact]
    public async Task A_list_is_paged_with_its_total_and_absolute_links_to_the_neighbouring_pages()
    {
        var programme = ApiTestKit.Programme();
        for (var i = 1; i <= 5; i++) await factory.PublishShowcaseAsync(Hdf, $"Projet paginé {i} {programme}", ApiTestKit.Showcase(programme));
        var client = factory.CreateClient();
        var url = $"/{Hdf}/api/v1/showcases?programme={Q(programme)}&pageSize=2";

        var first = await client.GetJsonAsync(url);
        Assert.Equal(5, first.GetProperty("total").GetInt32());
        Assert.Equal(1, first.GetProperty("page").GetInt32());
        Assert.Equal(2, first.GetProperty("pageSize").GetInt32());
        Assert.Equal(3, first.GetProperty("pageCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, first.GetProperty("prev").ValueKind);
        var next = first.GetProperty("next").GetString()!;
        Assert.Equal($"http://localhost/{Hdf}/api/v1/showcases?programme={Q(programme)}&pageSize=2&page=2", next);
        // Newest first: the last published comes first.
        Assert.Equal([$"Projet paginé 5 {programme}", $"Projet paginé 4 {programme}"], first.Titles());

        var response = await client.GetAsync(next);
        Assert.Contains("rel=\"next\"", response.Headers.GetValues("Link").Single());
        var second = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(first.GetProperty("self").GetString(), second.GetProperty("prev").GetString());

        var last = await client.GetJsonAsync(second.GetProperty("next").GetString()!);
        Assert.Equal([$"Projet paginé 1 {programme}"], last.Titles());
        Assert.Equal(JsonValueKind.Null, last.GetProperty("next").ValueKind);
        Assert.Equal(last.GetProperty("self").GetString(), last.GetProperty("last").GetString());

        // Past the end: an empty page, not the last one again.
        var beyond = await client.GetJsonAsync(url + "&page=9");
        Assert.Empty(beyond.Titles());
        Assert.Equal(5, beyond.GetProperty("total").GetInt32());

        // A huge page size is capped, not refused; sorting by title.
        var all = await client.GetJsonAsync($"/{Hdf}/api/v1/showcases?programme={Q(programme)}&pageSize=100000&sort=title");
        Assert.Equal(100, all.GetProperty("pageSize").GetInt32());
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Projet paginé {i} {programme}"), all.Titles());
    }

    [Fact]
    public async Task Every_showcase_filter_of_the_list_page_filters_the_api()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var programme = ApiTestKit.Programme();
        await factory.PublishShowcaseAsync(Hdf, "Musée en 3D " + programme, ApiTestKit.Showcase(programme, 2023, ["musees"], ["numerisation-3d"], ShowcaseMaturity.Production));
        await factory.PublishShowcaseAsync(Hdf, "Archives mobiles " + programme, ApiTestKit.Showcase(programme, 2024, ["archives"], ["application-mobile"], ShowcaseMaturity.Pilot));
        var client = factory.CreateClient();
        var list = $"/{Hdf}/api/v1/showcases?programme={Q(programme)}";

        Assert.Equal(2, (await client.GetJsonAsync(list)).GetProperty("total").GetInt32());
        Assert.Equal(["Musée en 3D " + programme], (await client.GetJsonAsync(list + "&domaine=musees")).Titles());
        Assert.Equal(["Archives mobiles " + programme], (await client.GetJsonAsync(list + "&technologie=application-mobile")).Titles());
        Assert.Equal(["Musée en 3D " + programme], (await client.GetJsonAsync(list + "&annee=2023")).Titles());
        Assert.Equal(["Archives mobiles " + programme], (await client.GetJsonAsync(list + "&maturite=pilote")).Titles());
        Assert.Empty((await client.GetJsonAsync(list + "&domaine=musees&annee=2024")).Titles());
        // A value no item carries is a valid filter giving nothing, as on the page.
        Assert.Equal(0, (await client.GetJsonAsync(list + "&domaine=valeur-inconnue")).GetProperty("total").GetInt32());

        var item = (await client.GetJsonAsync(list + "&domaine=musees")).GetProperty("items")[0];
        Assert.Equal(["musees"], item.GetProperty("domains").EnumerateArray().Select(d => d.GetString()));
        Assert.Equal("en-production", item.GetProperty("maturity").GetString());
        Assert.Equal(Hdf, item.GetProperty("tenant").GetString());
        Assert.StartsWith($"http://localhost/{Hdf}/projets/", item.GetProperty("url").GetString());
    }

    [Fact]
    public async Task The_other_resources_filter_by_their_pages_facets()
    {
        var client = factory.CreateClient();
        var tag = PracticeTestKit.Tag();
        await factory.PublishedPracticeAsync(Hdf, PracticeTestKit.Unique("Pratique étiquetée"), PracticeTestKit.Fields(tags: [tag]));
        var practices = await client.GetJsonAsync($"/{Hdf}/api/v1/practices?mot-cle={tag}");
        Assert.Equal(1, practices.GetProperty("total").GetInt32());
        var practice = practices.GetProperty("items")[0];
        Assert.Equal("Musée d'exemple", practice.GetProperty("organisation").GetString());

        var programme = "Prog" + Guid.NewGuid().ToString("N")[..6];
        var call = await factory.CreateCallAsync(Hdf, "Appel filtré " + programme,
            CallsTestKit.Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), programme, 2027));
        var calls = await client.GetJsonAsync($"/{Hdf}/api/v1/calls?programme={programme.ToLowerInvariant()}&annee=2027");
        var callItem = Assert.Single(calls.GetProperty("items").EnumerateArray());
        Assert.Equal("open", callItem.GetProperty("state").GetString());
        Assert.Equal($"{Hdf}-{call.Item.Id}", callItem.GetProperty("id").GetString());
        Assert.Equal(0, (await client.GetJsonAsync($"/{Hdf}/api/v1/calls?programme={programme.ToLowerInvariant()}&annee=2020")).GetProperty("total").GetInt32());

        var city = "Ville" + Guid.NewGuid().ToString("N")[..6];
        var fields = EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(40).AddHours(8));
        fields.City = city;
        fields.Kind = EventKinds.Workshop;
        var created = await factory.CreateEventAsync(Hdf, "Événement filtré " + city, fields);
        var events = await client.GetJsonAsync($"/{Hdf}/api/v1/events?ville={city.ToLowerInvariant()}&type={EventKinds.Workshop}");
        var eventItem = Assert.Single(events.GetProperty("items").EnumerateArray());
        Assert.Equal("scheduled", eventItem.GetProperty("state").GetString());
        Assert.Equal(city, eventItem.GetProperty("city").GetString());
        var one = await client.GetJsonAsync($"/{Hdf}/api/v1/events/{Hdf}-{created.Item.Id}");
        Assert.Equal("Événement filtré " + city, one.GetProperty("title").GetString());
    }

    [Fact]
    public async Task The_hub_lists_the_regions_shared_items_with_a_region_filter_and_the_same_ids()
    {
        var programme = ApiTestKit.Programme();
        var hdf = await factory.PublishShowcaseAsync(Hdf, "Projet du Nord " + programme, ApiTestKit.Showcase(programme));
        await factory.PublishShowcaseAsync(Na, "Projet de l'Ouest " + programme, ApiTestKit.Showcase(programme));
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Na);
        var client = factory.CreateClient();

        var all = await client.GetJsonAsync($"/api/v1/showcases?programme={Q(programme)}");
        Assert.Equal(2, all.GetProperty("total").GetInt32());
        var north = await client.GetJsonAsync($"/api/v1/showcases?programme={Q(programme)}&region={Hdf}");
        var item = Assert.Single(north.GetProperty("items").EnumerateArray());
        Assert.Equal($"{Hdf}-{hdf.Id}", item.GetProperty("id").GetString());
        Assert.Equal(Hdf, item.GetProperty("tenant").GetString());
        Assert.StartsWith($"http://localhost/{Hdf}/projets/", item.GetProperty("url").GetString());

        // The same id reaches the item on the hub and in its region.
        Assert.Equal("Projet du Nord " + programme, (await client.GetJsonAsync($"/api/v1/showcases/{Hdf}-{hdf.Id}")).GetProperty("title").GetString());
        Assert.Equal("Projet du Nord " + programme, (await client.GetJsonAsync($"/{Hdf}/api/v1/showcases/{Hdf}-{hdf.Id}")).GetProperty("title").GetString());
        // A region has no region filter.
        var problem = await client.ProblemAsync($"/{Hdf}/api/v1/showcases?region={Hdf}", HttpStatusCode.BadRequest);
        Assert.Equal("region", problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_answer_carries_a_strong_etag_and_a_conditional_request_gets_304_until_the_data_changes()
    {
        var programme = ApiTestKit.Programme();
        await factory.PublishShowcaseAsync(Hdf, "Projet en cache " + programme, ApiTestKit.Showcase(programme));
        var client = factory.CreateClient();
        var url = $"/{Hdf}/api/v1/showcases?programme={Q(programme)}";

        var response = await client.GetAsync(url);
        var etag = response.Headers.ETag!;
        Assert.False(etag.IsWeak);
        Assert.Contains("public", response.Headers.CacheControl!.ToString());
        var notModified = await client.SendAsync(ApiTestKit.Get(url, etag.Tag));
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag.Tag, notModified.Headers.ETag!.Tag);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());
        // Another query is another answer.
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(ApiTestKit.Get(url + "&sort=title", etag.Tag))).StatusCode);

        var item = await client.GetAsync($"/{Hdf}/api/v1/showcases");
        Assert.NotNull(item.Headers.ETag);

        await factory.PublishShowcaseAsync(Hdf, "Projet nouveau " + programme, ApiTestKit.Showcase(programme));
        var changed = await client.SendAsync(ApiTestKit.Get(url, etag.Tag));
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(etag.Tag, changed.Headers.ETag!.Tag);
    }

    [Fact]
    public async Task Cors_is_open_for_get_on_the_api_only_and_preflights_are_answered()
    {
        var client = factory.CreateClient();
        var response = await client.SendAsync(ApiTestKit.Get($"/{Hdf}/api/v1/showcases", origin: "https://reutilisateur.example"));
        Assert.Equal("*", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("ETag", response.Headers.GetValues("Access-Control-Expose-Headers").Single());

        var preflight = new HttpRequestMessage(HttpMethod.Options, $"/{Hdf}/api/v1/showcases?page=2");
        preflight.Headers.Add("Origin", "https://reutilisateur.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        preflight.Headers.Add("Access-Control-Request-Headers", "if-none-match");
        var answer = await client.SendAsync(preflight);
        Assert.True(answer.IsSuccessStatusCode, $"{(int)answer.StatusCode}");
        Assert.Equal("*", answer.Headers.GetValues("Access-Control-Allow-Origin").Single());
        Assert.Contains("GET", answer.Headers.GetValues("Access-Control-Allow-Methods").Single());

        // Errors are readable cross-origin too; pages outside /api are not opened.
        var problem = await client.SendAsync(ApiTestKit.Get($"/{Hdf}/api/v1/showcases?page=abc", origin: "https://reutilisateur.example"));
        Assert.Equal("*", problem.Headers.GetValues("Access-Control-Allow-Origin").Single());
        var page = await client.SendAsync(ApiTestKit.Get($"/{Hdf}/projets", origin: "https://reutilisateur.example"));
        Assert.False(page.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("page=-1", "page")]
    [InlineData("page=abc", "page")]
    [InlineData("page=0", "page")]
    [InlineData("page=1.5", "page")]
    [InlineData("page=99999999999", "page")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("pageSize=-5", "pageSize")]
    [InlineData("pageSize=beaucoup", "pageSize")]
    [InlineData("sort=random", "sort")]
    [InlineData("facette=musees", "facette")]
    [InlineData("domain=musees", "domain")]
    [InlineData("page=1&page=2", "page")]
    public async Task A_bad_parameter_is_a_400_problem_naming_it(string query, string parameter)
    {
        var problem = await factory.CreateClient().ProblemAsync($"/{Hdf}/api/v1/showcases?{query}", HttpStatusCode.BadRequest);
        Assert.Equal(parameter, problem.GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task An_oversized_filter_value_is_refused_and_unknown_ids_are_404_problems()
    {
        var client = factory.CreateClient();
        await client.ProblemAsync($"/{Hdf}/api/v1/showcases?domaine={new string('a', 500)}", HttpStatusCode.BadRequest);
        foreach (var id in new[] { $"{Hdf}-999999", "999999", "pas-un-id", $"{Na}-1x", new string('x', 300), $"{Hdf}--1" })
            await client.ProblemAsync($"/{Hdf}/api/v1/showcases/{Q(id)}", HttpStatusCode.NotFound);
        foreach (var resource in new[] { "practices", "calls", "events", "awards" })
            await client.ProblemAsync($"/{Hdf}/api/v1/{resource}/{Hdf}-999999", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Drafts_submissions_and_personal_data_never_appear()
    {
        var programme = ApiTestKit.Programme();
        var draft = await factory.PublishShowcaseAsync(Hdf, "Projet brouillon " + programme, ApiTestKit.Showcase(programme), publish: false);
        var published = await factory.PublishShowcaseAsync(Hdf, "Projet public " + programme, ApiTestKit.Showcase(programme));
        var client = factory.CreateClient();

        var body = await client.GetStringAsync($"/{Hdf}/api/v1/showcases?programme={Q(programme)}");
        Assert.Contains("Projet public", body);
        Assert.DoesNotContain("Projet brouillon", body);
        Assert.DoesNotContain("camille.contact@exemple.fr", body);
        Assert.DoesNotContain("Camille Contact", body);
        await client.ProblemAsync($"/{Hdf}/api/v1/showcases/{Hdf}-{draft.Id}", HttpStatusCode.NotFound);
        Assert.DoesNotContain("camille.contact", await client.GetStringAsync($"/{Hdf}/api/v1/showcases/{Hdf}-{published.Id}"));

        // Practices: the author's name stays out.
        var practice = await factory.PublishedPracticeAsync(Hdf, PracticeTestKit.Unique("Pratique sans auteur"), PracticeTestKit.Fields());
        Assert.DoesNotContain("Alex Dupont", await client.GetStringAsync($"/{Hdf}/api/v1/practices/{Hdf}-{practice.Id}"));

        // Events: registrants and the contact never appear.
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée sans inscrits " + programme);
        await factory.AddRegistrationAsync(Hdf, ev.Item.Id, "Zoé Inscrite", "zoe.inscrite@exemple.fr");
        var eventJson = await client.GetStringAsync($"/{Hdf}/api/v1/events/{Hdf}-{ev.Item.Id}");
        Assert.DoesNotContain("Zoé", eventJson);
        Assert.DoesNotContain("zoe.inscrite", eventJson);
        Assert.DoesNotContain("evenements@drac.example.fr", eventJson);
        Assert.DoesNotContain("Régime alimentaire", eventJson);

        // Calls: applications stay private until results are published, and then only the award shows.
        var call = await factory.CreateClosedCallAsync(Hdf, "Appel aux lauréats " + programme);
        var applicant = await factory.PersonAsync(Hdf, NetworkRoles.Member, "Yanis Candidat");
        var accepted = await factory.AddSubmittedApplicationAsync(Hdf, call, applicant, CallsTestKit.CompleteForm("Projet lauréat " + programme, 20_000m, 50_000m));
        var rejected = await factory.AddSubmittedApplicationAsync(Hdf, call, await factory.PersonAsync(Hdf, NetworkRoles.Member, "Inès Refusée"),
            CallsTestKit.CompleteForm("Projet refusé " + programme));
        await factory.DecideAsync(Hdf, call, accepted, ApplicationDecision.Accepted, 15_000m);
        await factory.DecideAsync(Hdf, call, rejected, ApplicationDecision.Rejected);
        Assert.DoesNotContain("Projet lauréat", await client.GetStringAsync($"/{Hdf}/api/v1/awards?pageSize=100"));
        Assert.True((await factory.PublishResultsAsync(Hdf, call)).Succeeded);

        var awards = await client.GetJsonAsync($"/{Hdf}/api/v1/awards?pageSize=100");
        var award = Assert.Single(awards.GetProperty("items").EnumerateArray(), a => a.GetProperty("projectTitle").GetString() == "Projet lauréat " + programme);
        Assert.Equal(15_000m, award.GetProperty("amountGranted").GetDecimal());
        Assert.Equal($"{Hdf}-{call.Item.Id}", award.GetProperty("callId").GetString());
        var awardsText = awards.GetRawText();
        Assert.DoesNotContain("Projet refusé", awardsText);
        Assert.DoesNotContain("Yanis", awardsText);
        Assert.DoesNotContain(applicant.Email, awardsText);
        var form = CallsTestKit.CompleteForm();
        Assert.DoesNotContain(form.ContactEmail, awardsText);
        Assert.DoesNotContain(form.ContactPhone, awardsText);
        Assert.Equal("Projet lauréat " + programme, (await client.GetJsonAsync($"/{Hdf}/api/v1/awards/{Hdf}-{accepted.Id}")).GetProperty("projectTitle").GetString());

        // The hub gathers the regions' awards.
        var hub = await client.GetJsonAsync($"/api/v1/awards?region={Hdf}&pageSize=100");
        Assert.Contains(hub.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == $"{Hdf}-{accepted.Id}");
    }

    [Fact]
    public async Task A_resource_of_a_disabled_module_and_the_api_of_a_tenant_without_it_answer_404()
    {
        var manager = factory.Service<TenantManager>();
        var client = factory.CreateClient();
        await manager.DisableFeatureAsync(Na, "Practices");
        try
        {
            await client.ProblemAsync($"/{Na}/api/v1/practices", HttpStatusCode.NotFound);
            await client.ProblemAsync($"/{Na}/api/v1/practices/{Na}-1", HttpStatusCode.NotFound);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/{Na}/api/v1/showcases")).StatusCode);
            var document = await client.GetJsonAsync($"/{Na}/api/v1/openapi.json");
            Assert.False(document.GetProperty("paths").TryGetProperty("/api/v1/practices", out _));
        }
        finally
        {
            await manager.EnableFeatureAsync(Na, "Practices");
        }
        await manager.DisableFeatureAsync(Na, "Api");
        try
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/api/v1/showcases")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/api")).StatusCode);
        }
        finally
        {
            await manager.EnableFeatureAsync(Na, "Api");
        }
    }

    [Fact]
    public async Task The_openapi_document_parses_and_describes_every_endpoint_parameter_and_schema()
    {
        var client = factory.CreateClient();
        var document = await client.GetJsonAsync($"/{Hdf}/api/v1/openapi.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var resource in new[] { "showcases", "practices", "calls", "events", "awards" })
        {
            var list = paths.GetProperty($"/api/v1/{resource}").GetProperty("get");
            var names = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
            Assert.Contains("page", names);
            Assert.Contains("pageSize", names);
            Assert.Contains("sort", names);
            Assert.DoesNotContain("region", names);
            var responses = list.GetProperty("responses");
            foreach (var status in new[] { "200", "304", "400", "404", "429" }) Assert.True(responses.TryGetProperty(status, out _), $"{resource} {status}");
            var item = paths.GetProperty($"/api/v1/{resource}/{{id}}").GetProperty("get");
            Assert.Contains(item.GetProperty("parameters").EnumerateArray(), p => p.GetProperty("name").GetString() == "id" && p.GetProperty("in").GetString() == "path");
        }
        var showcaseNames = paths.GetProperty("/api/v1/showcases").GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["page", "pageSize", "sort", "domaine", "technologie", "programme", "annee", "maturite"], showcaseNames);
        Assert.DoesNotContain(paths.EnumerateObject(), p => !p.Name.StartsWith("/api/v1/", StringComparison.Ordinal));
        // HEAD is answered but not listed: one operation per path, its GET.
        Assert.All(paths.EnumerateObject(), p => Assert.Equal(["get"], p.Value.EnumerateObject().Select(o => o.Name).Where(n => n != "parameters")));
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var showcase = schemas.GetProperty("ShowcaseApiItem").GetProperty("properties");
        foreach (var property in new[] { "id", "title", "url", "domains", "maturity" }) Assert.True(showcase.TryGetProperty(property, out _), property);
        Assert.False(showcase.TryGetProperty("contactEmail", out _));
        Assert.True(schemas.TryGetProperty("AwardApiItem", out _));

        // On the hub the lists take a region.
        var hub = await client.GetJsonAsync("/api/v1/openapi.json");
        Assert.Contains(hub.GetProperty("paths").GetProperty("/api/v1/calls").GetProperty("get").GetProperty("parameters").EnumerateArray(),
            p => p.GetProperty("name").GetString() == "region");
    }

    [Fact]
    public async Task The_page_for_developers_explains_the_api_in_french_and_english()
    {
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/{Hdf}/api");
        Assert.Equal("API publique", page.QuerySelector("h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector($"a[href='/{Hdf}/api/v1/openapi.json']"));
        Assert.NotNull(page.QuerySelector($"a[href^='/{Hdf}/recherche.json']"));
        Assert.Contains($"http://localhost/{Hdf}/api/v1/showcases", page.Body!.TextContent);
        Assert.Contains("Licence Ouverte", page.Body.TextContent);

        var request = new HttpRequestMessage(HttpMethod.Get, $"/{Hdf}/api");
        request.Headers.Add("Cookie", ".Network.Culture=c%3Den%7Cuic%3Den");
        var english = await client.SendAsync(request);
        Assert.Contains("Public API", await english.Content.ReadAsStringAsync());
    }
}

/// <summary>The limit per client: a few requests pass, the next gets 429 as problem details with Retry-After.</summary>
public sealed class ApiRateLimitTests(ApiRateLimitTests.LowLimitFactory factory) : IClassFixture<ApiRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : NetworkWebFactory
    {
        public LowLimitFactory()
        {
            Settings["Api:RateLimit:PermitLimit"] = "3";
            Settings["Api:RateLimit:WindowSeconds"] = "600";
        }
    }

    [Fact]
    public async Task Past_the_limit_a_client_gets_429_with_retry_after_as_problem_details()
    {
        var client = factory.CreateClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/api/v1/showcases")).StatusCode);
        var refused = await client.GetAsync("/hauts-de-france/api/v1/showcases");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        var seconds = int.Parse(refused.Headers.GetValues("Retry-After").Single());
        Assert.InRange(seconds, 1, 600);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        // The site's pages are not limited by the API's budget.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/projets")).StatusCode);
    }
}
