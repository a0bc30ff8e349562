using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;

namespace Network.Tests.Events;

/// <summary>/evenements, /evenements/{slug}, its .ics, the feeds, the home block and search, in a region and on the hub.</summary>
public sealed class EventPublicPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    private static string Unique(string title) => title + " " + Guid.NewGuid().ToString("N")[..6];

    private static DateTime InDays(double days) => DateTime.UtcNow.Date.AddDays(days).AddHours(8);

    /// <summary>An event whose registration is open now, starting in <paramref name="days"/> days.</summary>
    private static EventFields Open(double days, int capacity = 120, int workshopCapacity = 20)
        => EventsTestKit.Fields(InDays(days), capacity, workshopCapacity, DateTime.UtcNow.AddDays(-1), InDays(days).AddDays(-1));

    /// <summary>A finished event (registration long closed).</summary>
    private static EventFields Past(double daysAgo)
        => EventsTestKit.Fields(InDays(-daysAgo), registrationOpensUtc: InDays(-daysAgo - 60), registrationClosesUtc: InDays(-daysAgo - 1));

    [Fact]
    public async Task The_list_shows_upcoming_then_past_events_with_facets_and_no_drafts()
    {
        var soon = await factory.CreateEventAsync(Hdf, Unique("Journée régionale"), Open(20));
        var webinarFields = Open(40);
        webinarFields.Kind = EventKinds.Webinar;
        webinarFields.Online = true;
        var webinar = await factory.CreateEventAsync(Hdf, Unique("Webinaire archives"), webinarFields);
        var past = await factory.CreateEventAsync(Hdf, Unique("Rencontre passée"), Past(400));
        var draft = await factory.CreateEventAsync(Hdf, Unique("Atelier en préparation"), Open(25), publish: false);

        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync("/hauts-de-france/evenements");
        var upcoming = page.QuerySelector("#liste-evenements-a-venir")!;
        Assert.Contains(soon.Item.Title, upcoming.TextContent);
        Assert.Contains(webinar.Item.Title, upcoming.TextContent);
        Assert.True(upcoming.TextContent.IndexOf(soon.Item.Title, StringComparison.Ordinal) < upcoming.TextContent.IndexOf(webinar.Item.Title, StringComparison.Ordinal), "soonest first");
        Assert.Contains("(heure de Paris)", upcoming.TextContent);
        Assert.Contains("Webinaire en ligne", upcoming.TextContent);
        Assert.Contains("Journée d'étude à Lille", upcoming.TextContent);
        Assert.Contains("120 places restantes", upcoming.TextContent);
        Assert.Contains(past.Item.Title, page.QuerySelector("#liste-evenements-passes")!.TextContent);
        Assert.DoesNotContain(draft.Item.Title, page.Body!.TextContent);
        Assert.NotNull(page.QuerySelector($"a[href='/hauts-de-france/evenements/{soon.Item.Slug}']"));
        Assert.Equal("/hauts-de-france/evenements.ics", page.QuerySelector("#evenements-agenda")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='text/calendar'][href='/hauts-de-france/evenements.ics']"));

        var byKind = await client.GetDocumentAsync("/hauts-de-france/evenements?type=webinaire");
        Assert.Contains(webinar.Item.Title, byKind.Body!.TextContent);
        Assert.DoesNotContain(soon.Item.Title, byKind.Body.TextContent);
        var byCity = await client.GetDocumentAsync("/hauts-de-france/evenements?ville=lille");
        Assert.Contains(soon.Item.Title, byCity.Body!.TextContent);
        Assert.DoesNotContain(webinar.Item.Title, byCity.Body.TextContent);
        var byYear = await client.GetDocumentAsync($"/hauts-de-france/evenements?annee={past.Fields.StartUtc.Year}");
        Assert.Contains(past.Item.Title, byYear.Body!.TextContent);
        Assert.NotNull(page.QuerySelector("a[href*='ville=lille']"));
        // Nonsense in the query string is a plain list, never an error.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/evenements?annee=%00%27&page=-3&type=" + new string('x', 500))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/evenements?page=99999")).StatusCode);
    }

    [Fact]
    public async Task The_event_page_gives_dates_place_programme_seats_and_the_way_in()
    {
        var e = await factory.CreateEventAsync(Hdf, Unique("Journée régionale Culture et Numérique"), Open(30, capacity: 100, workshopCapacity: 20));
        await factory.SetSeatsTakenAsync(Hdf, e.Id, "", 37);
        await factory.SetSeatsTakenAsync(Hdf, e.Id, "atelier-3d", 20);
        await factory.SetSeatsTakenAsync(Hdf, e.Id, "atelier-son", 5);

        var client = factory.CreateClient();
        var response = await client.GetAsync($"/hauts-de-france/evenements/{e.Item.Slug}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var text = page.Body!.TextContent;
        Assert.Contains("Programmé", page.QuerySelector("#evenement-etat")!.TextContent);
        Assert.Contains("de 9 h 00 à 17 h 00 (heure de Paris)", page.QuerySelector("#evenement-date")!.TextContent.Replace('\u00a0', ' ').Replace('\u202f', ' '));
        Assert.Contains("Gare Saint-Sauveur", page.QuerySelector("#evenement-lieu")!.TextContent);
        Assert.Contains("59000 Lille", page.QuerySelector("#evenement-lieu")!.TextContent);
        Assert.Contains("boucle magnétique", text);
        Assert.Contains("63 places restantes sur 100", page.QuerySelector("#evenement-places")!.TextContent);
        Assert.Contains("Grande halle", page.QuerySelector("#seance-pleniere")!.TextContent);
        Assert.Contains("Direction régionale", page.QuerySelector("#seance-pleniere")!.TextContent);
        Assert.Null(page.QuerySelector("#seance-pleniere .seance-places"));
        Assert.Contains("Complet", page.QuerySelector("#seance-atelier-3d .seance-places")!.TextContent);
        Assert.Contains("15 places restantes sur 20", page.QuerySelector("#seance-atelier-son .seance-places")!.TextContent);
        Assert.Contains("20 places restantes sur 20", page.QuerySelector("#seance-atelier-ia .seance-places")!.TextContent);
        Assert.Equal($"/hauts-de-france/evenements/{e.Item.Slug}/inscription", page.QuerySelector("#evenement-inscription")!.GetAttribute("href"));
        Assert.Equal("S'inscrire", page.QuerySelector("#evenement-inscription")!.TextContent.Trim());
        Assert.Equal($"/hauts-de-france/evenements/{e.Item.Slug}.ics", page.QuerySelector("#evenement-agenda")!.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("link[rel=alternate][type='text/calendar'][href='/hauts-de-france/evenements.ics']"));

        var jsonLd = JsonDocument.Parse(page.MainJsonLd().TextContent).RootElement;
        Assert.Equal("Event", jsonLd.GetProperty("@type").GetString());
        Assert.Equal(e.Item.Title, jsonLd.GetProperty("name").GetString());
        Assert.Equal("https://schema.org/EventScheduled", jsonLd.GetProperty("eventStatus").GetString());
        Assert.Equal("https://schema.org/OfflineEventAttendanceMode", jsonLd.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("Place", jsonLd.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("Lille", jsonLd.GetProperty("location").GetProperty("address").GetProperty("addressLocality").GetString());
        Assert.Equal("https://schema.org/InStock", jsonLd.GetProperty("offers").GetProperty("availability").GetString());
        Assert.Equal(Network.Core.Localization.ParisTime.Iso(e.Fields.StartUtc), jsonLd.GetProperty("startDate").GetString());
        Assert.Matches("[+]0[12]:00$", jsonLd.GetProperty("startDate").GetString()!);
        Assert.False(string.IsNullOrEmpty(jsonLd.GetProperty("organizer").GetProperty("name").GetString()));

        // Full: the waitlist button and SoldOut.
        await factory.SetSeatsTakenAsync(Hdf, e.Id, "", 100);
        var full = await client.GetDocumentAsync($"/hauts-de-france/evenements/{e.Item.Slug}");
        Assert.Contains("Complet", full.QuerySelector("#evenement-etat")!.TextContent);
        Assert.Equal("S'inscrire sur la liste d'attente", full.QuerySelector("#evenement-inscription")!.TextContent.Trim());
        Assert.Equal("https://schema.org/SoldOut", JsonDocument.Parse(full.MainJsonLd().TextContent).RootElement
            .GetProperty("offers").GetProperty("availability").GetString());
    }

    [Fact]
    public async Task Registration_is_offered_only_inside_its_window_and_an_online_event_keeps_its_link_private()
    {
        var fields = EventsTestKit.Fields(InDays(60), registrationOpensUtc: InDays(10), registrationClosesUtc: InDays(59));
        fields.Online = true;
        fields.Kind = EventKinds.Webinar;
        var later = await factory.CreateEventAsync(Hdf, Unique("Webinaire à venir"), fields);
        await factory.ChangeSetupAsync(Hdf, later.Id, s => s.OnlineJoinUrl = "https://visio.example.org/salle-secrete");
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/hauts-de-france/evenements/{later.Item.Slug}");
        Assert.Null(page.QuerySelector("#evenement-inscription"));
        Assert.Contains("Les inscriptions ouvrent le", page.QuerySelector("#evenement-inscriptions")!.TextContent);
        Assert.Contains("En ligne", page.QuerySelector("#evenement-lieu")!.TextContent);
        Assert.DoesNotContain("salle-secrete", await client.GetStringAsync($"/hauts-de-france/evenements/{later.Item.Slug}"));
        Assert.DoesNotContain("salle-secrete", await client.GetStringAsync($"/hauts-de-france/evenements/{later.Item.Slug}.ics"));
        var jsonLd = JsonDocument.Parse(page.MainJsonLd().TextContent).RootElement;
        Assert.Equal("https://schema.org/OnlineEventAttendanceMode", jsonLd.GetProperty("eventAttendanceMode").GetString());
        Assert.Equal("VirtualLocation", jsonLd.GetProperty("location").GetProperty("@type").GetString());
        Assert.Equal("https://schema.org/PreOrder", jsonLd.GetProperty("offers").GetProperty("availability").GetString());

        var closed = await factory.CreateEventAsync(Hdf, Unique("Rencontre close"), EventsTestKit.Fields(InDays(3), registrationOpensUtc: InDays(-30), registrationClosesUtc: DateTime.UtcNow.AddMinutes(-1)));
        var closedPage = await client.GetDocumentAsync($"/hauts-de-france/evenements/{closed.Item.Slug}");
        Assert.Null(closedPage.QuerySelector("#evenement-inscription"));
        Assert.Contains("Les inscriptions sont closes.", closedPage.QuerySelector("#evenement-inscriptions")!.TextContent);

        var past = await factory.CreateEventAsync(Hdf, Unique("Atelier passé"), Past(5));
        var pastPage = await client.GetDocumentAsync($"/hauts-de-france/evenements/{past.Item.Slug}");
        Assert.Contains("Passé", pastPage.QuerySelector("#evenement-etat")!.TextContent);
        Assert.Null(pastPage.QuerySelector("#evenement-inscription"));
    }

    [Fact]
    public async Task A_cancelled_or_postponed_event_says_so_on_its_page_in_its_json_ld_and_in_its_calendar_file()
    {
        var e = await factory.CreateEventAsync(Hdf, Unique("Journée annulée"), Open(15));
        await factory.ChangeSetupAsync(Hdf, e.Id, s => { s.Status = EventStatus.Cancelled; s.StatusNote = "Grève des transports ; report à l'automne."; });
        var client = factory.CreateClient();
        var page = await client.GetDocumentAsync($"/hauts-de-france/evenements/{e.Item.Slug}");
        Assert.Contains("Annulé", page.QuerySelector("#evenement-etat")!.TextContent);
        Assert.Contains("Grève des transports", page.QuerySelector("#evenement-statut")!.TextContent);
        Assert.Null(page.QuerySelector("#evenement-inscription"));
        var jsonLd = JsonDocument.Parse(page.MainJsonLd().TextContent).RootElement;
        Assert.Equal("https://schema.org/EventCancelled", jsonLd.GetProperty("eventStatus").GetString());
        var ics = IcsParser.Parse(await client.GetByteArrayAsync($"/hauts-de-france/evenements/{e.Item.Slug}.ics"));
        var vevent = Assert.Single(ics.All("VEVENT"));
        Assert.Equal("CANCELLED", vevent.Single("STATUS").RawValue);
        Assert.StartsWith("Événement annulé. Grève des transports ; report à l'automne.", vevent.Text("DESCRIPTION"));
        var feed = IcsParser.Parse(await client.GetByteArrayAsync("/hauts-de-france/evenements.ics"));
        Assert.Equal("CANCELLED", feed.All("VEVENT").Single(v => v.Text("SUMMARY") == e.Item.Title).Single("STATUS").RawValue);
        Assert.Contains("Annulé", (await client.GetDocumentAsync("/hauts-de-france/evenements")).QuerySelector($"a[href='/hauts-de-france/evenements/{e.Item.Slug}']")!.Closest(".fr-card")!.TextContent);

        var postponed = await factory.CreateEventAsync(Hdf, Unique("Journée reportée"), Open(16));
        await factory.ChangeSetupAsync(Hdf, postponed.Id, s => s.Status = EventStatus.Postponed);
        var postponedPage = await client.GetDocumentAsync($"/hauts-de-france/evenements/{postponed.Item.Slug}");
        Assert.Contains("Reporté", postponedPage.QuerySelector("#evenement-etat")!.TextContent);
        Assert.Equal("https://schema.org/EventPostponed", JsonDocument.Parse(postponedPage.MainJsonLd().TextContent).RootElement.GetProperty("eventStatus").GetString());
        Assert.Equal("TENTATIVE", Assert.Single(IcsParser.Parse(await client.GetByteArrayAsync($"/hauts-de-france/evenements/{postponed.Item.Slug}.ics")).All("VEVENT")).Single("STATUS").RawValue);
    }

    [Fact]
    public async Task Unknown_draft_and_other_tenants_events_are_not_found_as_pages_or_calendar_files()
    {
        var draft = await factory.CreateEventAsync(Hdf, Unique("Brouillon caché"), Open(20), publish: false);
        var mine = await factory.CreateEventAsync(Hdf, Unique("Journée des Hauts"), Open(20));
        var client = factory.CreateClient();
        foreach (var url in new[]
        {
            $"/hauts-de-france/evenements/{draft.Item.Slug}", $"/hauts-de-france/evenements/{draft.Item.Slug}.ics",
            "/hauts-de-france/evenements/n-existe-pas", "/hauts-de-france/evenements/n-existe-pas.ics",
            $"/nouvelle-aquitaine/evenements/{mine.Item.Slug}", $"/nouvelle-aquitaine/evenements/{mine.Item.Slug}.ics",
            "/hauts-de-france/evenements/" + new string('x', 400) + ".ics",
        })
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(url)).StatusCode);
        var feed = await client.GetStringAsync("/nouvelle-aquitaine/evenements.ics");
        Assert.DoesNotContain(mine.Item.Title, feed);
        Assert.DoesNotContain(draft.Item.Title, await client.GetStringAsync("/hauts-de-france/evenements.ics"));
    }

    [Fact]
    public async Task The_calendar_file_is_served_as_text_calendar_with_a_stable_uid_and_caching()
    {
        var e = await factory.CreateEventAsync(Hdf, Unique("Journée régionale « Culture et Numérique », édition longue"), Open(30));
        var client = factory.CreateClient();
        var response = await client.GetAsync($"/hauts-de-france/evenements/{e.Item.Slug}.ics");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal(e.Item.Slug + ".ics", response.Content.Headers.ContentDisposition.FileName!.Trim('"'));
        Assert.Contains("max-age=300", response.Headers.CacheControl!.ToString());
        var etag = response.Headers.ETag!;

        var calendar = IcsParser.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("2.0", calendar.Single("VERSION").RawValue);
        Assert.Equal(IcsCalendar.ProductId, calendar.Single("PRODID").RawValue);
        Assert.Single(calendar.All("VTIMEZONE"));
        var vevent = Assert.Single(calendar.All("VEVENT"));
        var uid = vevent.Text("UID");
        Assert.StartsWith($"event-{e.Id}.hauts-de-france@", uid);
        Assert.Equal(e.Item.Title, vevent.Text("SUMMARY"));
        Assert.Equal("Gare Saint-Sauveur, 17 boulevard Jean-Baptiste Lebas, 59000 Lille", vevent.Text("LOCATION"));
        Assert.Equal("Europe/Paris", vevent.Single("DTSTART").Parameters["TZID"]);
        Assert.Equal(IcsCalendar.ParisStamp(e.Fields.StartUtc), vevent.Single("DTSTART").RawValue);
        Assert.Equal(IcsCalendar.ParisStamp(e.Fields.EndUtc), vevent.Single("DTEND").RawValue);
        Assert.EndsWith($"/hauts-de-france/evenements/{e.Item.Slug}", vevent.Single("URL").RawValue);
        Assert.StartsWith("http", vevent.Single("URL").RawValue);
        Assert.Equal("CONFIRMED", vevent.Single("STATUS").RawValue);
        Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", vevent.Single("DTSTAMP").RawValue);

        // The same event keeps its UID; an unchanged event answers 304 to its ETag.
        Assert.Equal(uid, Assert.Single(IcsParser.Parse(await client.GetByteArrayAsync($"/hauts-de-france/evenements/{e.Item.Slug}.ics")).All("VEVENT")).Text("UID"));
        using var conditional = new HttpRequestMessage(HttpMethod.Get, $"/hauts-de-france/evenements/{e.Item.Slug}.ics");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await client.SendAsync(conditional)).StatusCode);
        using var head = new HttpRequestMessage(HttpMethod.Head, "/hauts-de-france/evenements.ics");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(head)).StatusCode);
    }

    [Fact]
    public async Task The_region_feed_lists_its_upcoming_and_recent_events_and_the_hub_feed_the_regions_shared_ones()
    {
        var upcoming = await factory.CreateEventAsync(Na, Unique("Rencontre à Poitiers"), Open(12));
        var recent = await factory.CreateEventAsync(Na, Unique("Atelier de la semaine dernière"), Past(7));
        var old = await factory.CreateEventAsync(Na, Unique("Journée de l'an dernier"), Past(300));
        var unshared = await factory.CreateEventAsync(Na, Unique("Réunion interne"), Open(12), shared: false);
        await factory.DrainAsync(Na);

        var client = factory.CreateClient();
        var response = await client.GetAsync("/nouvelle-aquitaine/evenements.ics");
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("max-age=300", response.Headers.CacheControl!.ToString());
        var region = IcsParser.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("Nouvelle-Aquitaine", region.Text("X-WR-CALNAME"), StringComparison.OrdinalIgnoreCase);
        var summaries = region.All("VEVENT").Select(v => v.Text("SUMMARY")).ToList();
        Assert.Contains(upcoming.Item.Title, summaries);
        Assert.Contains(recent.Item.Title, summaries);
        Assert.Contains(unshared.Item.Title, summaries);
        Assert.DoesNotContain(old.Item.Title, summaries);
        var regionUid = region.All("VEVENT").Single(v => v.Text("SUMMARY") == upcoming.Item.Title).Text("UID");

        var hub = IcsParser.Parse(await client.GetByteArrayAsync("/evenements.ics"));
        var hubEvents = hub.All("VEVENT").ToList();
        var copy = hubEvents.Single(v => v.Text("SUMMARY") == upcoming.Item.Title);
        // The same VEVENT as the region's: same UID, the region's page.
        Assert.Equal(regionUid, copy.Text("UID"));
        Assert.EndsWith($"/nouvelle-aquitaine/evenements/{upcoming.Item.Slug}", copy.Single("URL").RawValue);
        Assert.DoesNotContain(hubEvents, v => v.Text("SUMMARY") == unshared.Item.Title);
        Assert.Equal(hubEvents.Count, hubEvents.Select(v => v.Text("UID")).Distinct().Count());

        // The region cancels: the hub's feed and list say so.
        await factory.ChangeSetupAsync(Na, upcoming.Id, s => s.Status = EventStatus.Cancelled);
        hub = IcsParser.Parse(await client.GetByteArrayAsync("/evenements.ics"));
        Assert.Equal("CANCELLED", hub.All("VEVENT").Single(v => v.Text("SUMMARY") == upcoming.Item.Title).Single("STATUS").RawValue);
        var hubList = await client.GetDocumentAsync("/evenements");
        Assert.Contains("Annulé", hubList.QuerySelector($"a[href='/nouvelle-aquitaine/evenements/{upcoming.Item.Slug}']")!.Closest(".fr-card")!.TextContent);
    }

    [Fact]
    public async Task The_hub_lists_the_regions_shared_events_linking_to_the_region_and_the_home_blocks_show_upcoming_ones()
    {
        var shared = await factory.CreateEventAsync(Na, Unique("Forum numérique de Bordeaux"), Open(9));
        var kept = await factory.CreateEventAsync(Na, Unique("Comité de pilotage"), Open(9), shared: false);
        await factory.DrainAsync(Na);

        var client = factory.CreateClient();
        var hub = await client.GetDocumentAsync("/evenements");
        Assert.Contains(shared.Item.Title, hub.Body!.TextContent);
        Assert.DoesNotContain(kept.Item.Title, hub.Body.TextContent);
        var link = hub.QuerySelector($"a[href='/nouvelle-aquitaine/evenements/{shared.Item.Slug}']");
        Assert.NotNull(link);
        Assert.Contains("Nouvelle-Aquitaine", link!.Closest(".fr-card")!.TextContent);
        Assert.NotNull(hub.QuerySelector("a[href*='region=nouvelle-aquitaine']"));
        Assert.DoesNotContain(shared.Item.Title, (await client.GetDocumentAsync("/evenements?region=hauts-de-france")).Body!.TextContent);
        // The hub has no page of its own for a region's event: registering happens in the region.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/evenements/{shared.Item.Slug}")).StatusCode);

        var regionHome = await client.GetDocumentAsync("/nouvelle-aquitaine/");
        Assert.NotNull(regionHome.QuerySelector("#accueil-events-upcoming"));
        Assert.Contains(shared.Item.Title, regionHome.Body!.TextContent);
        Assert.Contains(kept.Item.Title, regionHome.Body.TextContent);
        var hubHome = await client.GetDocumentAsync("/");
        Assert.Contains(shared.Item.Title, hubHome.Body!.TextContent);
        Assert.DoesNotContain(kept.Item.Title, hubHome.Body.TextContent);
    }

    [Fact]
    public async Task The_hub_shows_a_region_event_as_full_once_its_region_has_no_seat_left()
    {
        var open = await factory.CreateEventAsync(Hdf, Unique("Atelier des médiateurs"), Open(300));
        var full = await factory.CreateEventAsync(Hdf, Unique("Rencontre complète"), Open(300));
        await factory.DrainAsync(Hdf);
        await factory.SetSeatsTakenAsync(Hdf, open.Id, "", open.Fields.Capacity - 3);
        await factory.SetSeatsTakenAsync(Hdf, full.Id, "", full.Fields.Capacity);

        // Far in the future, so that other tests' home blocks stay theirs.
        var hub = await factory.CreateClient().GetDocumentAsync("/evenements?region=hauts-de-france");
        var card = (EventView e) => hub.QuerySelector($"a[href='/hauts-de-france/evenements/{e.Item.Slug}']")!.Closest(".fr-card")!.TextContent;
        Assert.Contains("Complet", card(full));
        Assert.DoesNotContain("Complet", card(open));
        Assert.Contains("3 places restantes", card(open));
    }

    [Fact]
    public async Task A_published_event_is_found_by_search_in_its_region_and_on_the_hub()
    {
        var word = "zevent" + new string(Guid.NewGuid().ToString("N")[..8].Select(c => char.IsDigit(c) ? (char)('g' + (c - '0')) : c).ToArray());
        var e = await factory.CreateEventAsync(Hdf, "Journée " + word, Open(20));
        var draft = await factory.CreateEventAsync(Hdf, "Brouillon " + word, Open(20), publish: false);
        await factory.DrainAsync(Hdf);
        await factory.DrainAsync(Hdf);
        var client = factory.CreateClient();
        var region = await client.GetStringAsync($"/hauts-de-france/recherche.json?q={word}");
        Assert.Contains($"/evenements/{e.Item.Slug}", region);
        Assert.DoesNotContain($"/evenements/{draft.Item.Slug}", region);
        Assert.Contains($"/evenements/{e.Item.Slug}", await client.GetStringAsync($"/recherche.json?q={word}"));
    }
}
