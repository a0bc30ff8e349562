using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Events;

/// <summary>Coordinators' attendance tools: the attendee list and its CSV, check-in from a phone, certificates, statistics.</summary>
public sealed class AttendanceTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = "hauts-de-france";
    private const string Na = "nouvelle-aquitaine";

    private async Task<(Person Person, HttpClient Client)> CoordinatorAsync(string name = "Coordination émargement")
    {
        var person = await factory.PersonAsync(Hdf, NetworkRoles.Coordinator, name);
        return (person, await person.ClientAsync(factory));
    }

    private static string[] Names(IHtmlDocument page) => page.QuerySelectorAll("#inscrits tbody tr th").Select(th => th.ChildNodes[0].TextContent.Trim()).ToArray();

    private Task<List<EventAuditEntry>> LogAsync(int eventId, int registrationId)
        => factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EventId == eventId && e.RegistrationId == registrationId).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task The_attendee_list_searches_without_accents_filters_and_shows_the_waitlist_in_order()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée des inscrits " + Guid.NewGuid().ToString("N")[..6]);
        var at = DateTime.UtcNow;
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Hélène Lefèvre", organisation: "Musée de Lille", workshops: ["atelier-3d"], checkedInUtc: at);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Karim Benali", email: "karim.benali@collectif.example.fr", workshops: ["atelier-son"]);
        // Zoé joined the line before Adam: she comes first whatever the alphabet says.
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Zoé Martin", status: RegistrationStatus.Waitlisted, atUtc: at.AddMinutes(1));
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Adam Petit", status: RegistrationStatus.Waitlisted, atUtc: at.AddMinutes(2));
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Claire Annulée", status: RegistrationStatus.Cancelled);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Gaston Expiré", status: RegistrationStatus.Expired, verified: false);
        var (_, client) = await CoordinatorAsync();
        var list = $"/{Hdf}/admin/evenements/{ev.Id}/inscrits";

        var all = await client.GetDocumentAsync(list);
        Assert.Equal(["Hélène Lefèvre", "Karim Benali", "Zoé Martin", "Adam Petit", "Claire Annulée", "Gaston Expiré"], Names(all));
        var waitRanks = all.QuerySelectorAll("#inscrits tbody tr").Select(tr => tr.QuerySelectorAll("td")[2].TextContent.Trim()).ToArray();
        Assert.Equal(["—", "—", "1", "2", "—", "—"], waitRanks);

        Assert.Equal(["Hélène Lefèvre"], Names(await client.GetDocumentAsync(list + "?q=helene")));
        Assert.Equal(["Hélène Lefèvre"], Names(await client.GetDocumentAsync(list + "?q=MUSEE")));
        Assert.Equal(["Karim Benali"], Names(await client.GetDocumentAsync(list + "?q=collectif.example")));
        Assert.Equal(["Zoé Martin", "Adam Petit"], Names(await client.GetDocumentAsync(list + "?statut=attente")));
        Assert.Equal(["Hélène Lefèvre"], Names(await client.GetDocumentAsync(list + "?atelier=atelier-3d")));
        Assert.Equal(["Hélène Lefèvre"], Names(await client.GetDocumentAsync(list + "?present=oui")));
        Assert.Equal(["Karim Benali"], Names(await client.GetDocumentAsync(list + "?statut=confirme&present=non")));
        var none = await client.GetDocumentAsync(list + "?q=personne-de-ce-nom");
        Assert.NotNull(none.QuerySelector("#aucun-inscrit"));
        // Unknown values (a stale or hand-made link) are dropped: everything shows.
        Assert.Equal(6, Names(await client.GetDocumentAsync(list + "?statut=inconnu&atelier=pas-un-atelier&present=peut-etre&q=%20%20")).Length);
        // The export link carries the filters.
        Assert.EndsWith("inscrits.csv?statut=attente", (await client.GetDocumentAsync(list + "?statut=attente")).QuerySelector("#export-csv")!.GetAttribute("href"));
        // The certificate link is offered for the present attendee only.
        Assert.Single(all.QuerySelectorAll("#inscrits a[href*='/attestations/']"));
    }

    [Fact]
    public async Task The_list_is_paged_by_fifty()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée paginée");
        for (var i = 1; i <= 52; i++) await factory.AddRegistrationAsync(Hdf, ev.Id, $"Personne {i:00}");
        var (_, client) = await CoordinatorAsync();
        var list = $"/{Hdf}/admin/evenements/{ev.Id}/inscrits";
        var first = await client.GetDocumentAsync(list);
        Assert.Equal(50, Names(first).Length);
        Assert.Contains("52", first.QuerySelector("#inscrits caption")!.TextContent);
        Assert.NotNull(first.QuerySelector($".fr-pagination a[href='{list}?page=2']"));
        Assert.Equal(["Personne 51", "Personne 52"], Names(await client.GetDocumentAsync(list + "?page=2")));
        Assert.Equal(["Personne 51", "Personne 52"], Names(await client.GetDocumentAsync(list + "?page=99")));
    }

    [Fact]
    public async Task The_csv_has_one_escaped_row_per_registration_and_the_answers_only_while_they_exist()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée exportée");
        var tricky = await factory.AddRegistrationAsync(Hdf, ev.Id, "=Dupont, \"Jo\"", organisation: "Atelier; Son\nDeux lignes", workshops: ["atelier-3d", "atelier-ia"],
            answers: new Dictionary<string, string> { ["accessibilite"] = "Fauteuil, rampe d'accès", ["regime"] = "Végétarien" }, checkedInUtc: DateTime.UtcNow);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Agathe Attente", status: RegistrationStatus.Waitlisted, waitlistedWorkshops: ["atelier-son"]);
        var (_, client) = await CoordinatorAsync();
        var url = $"/{Hdf}/admin/evenements/{ev.Id}/inscrits.csv";

        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        var lines = text.Split("\r\n");
        Assert.Equal("Numéro,Nom,Courriel,Structure,Statut,Position en liste d'attente,Inscription,Adresse vérifiée,Présent,Émargement,"
            + "Atelier : numériser en 3D,Atelier : médiation sonore,Atelier : IA et archives,Besoins d'accessibilité,Régime alimentaire", lines[0]);
        // Formula-like cell neutralised by an apostrophe, quotes doubled, the line break kept inside quotes.
        Assert.Contains($"{tricky.Id},\"'=Dupont, \"\"Jo\"\"\",{tricky.Email},\"Atelier; Son\nDeux lignes\",Confirmé,,", text);
        Assert.Contains(",inscrit,,inscrit,\"Fauteuil, rampe d'accès\",Végétarien\r\n", text);
        Assert.Contains(",Agathe Attente,", text);
        Assert.Contains("En liste d'attente,1,", text);
        Assert.Contains(",en liste d'attente,", text);
        Assert.Equal(4, lines.Length); // header, two rows (one spanning two lines) and the empty string after the last CRLF

        var filtered = Encoding.UTF8.GetString(await client.GetByteArrayAsync(url + "?statut=attente"));
        Assert.DoesNotContain("Dupont", filtered);
        Assert.Contains("Agathe Attente", filtered);

        await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().Registrations.Where(r => r.EventId == ev.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.AnswersJson, "{}").SetProperty(r => r.AnswersDeletedUtc, DateTime.UtcNow)));
        var after = Encoding.UTF8.GetString(await client.GetByteArrayAsync(url));
        Assert.DoesNotContain("Besoins d'accessibilité", after);
        Assert.DoesNotContain("Fauteuil", after);
        Assert.EndsWith("Atelier : IA et archives\r", after.Split('\n')[0]);
    }

    [Fact]
    public async Task Check_in_from_the_phone_page_records_once_logs_who_and_can_be_undone()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée émargée");
        var camille = await factory.AddRegistrationAsync(Hdf, ev.Id, "Camille Durand", organisation: "Musée de Lille", workshops: ["atelier-3d"]);
        var waiting = await factory.AddRegistrationAsync(Hdf, ev.Id, "Camille Attente", status: RegistrationStatus.Waitlisted);
        var (person, client) = await CoordinatorAsync("Inès Accueil");
        var page = $"/{Hdf}/admin/evenements/{ev.Id}/emargement";

        var search = await client.GetDocumentAsync(page + "?q=camille");
        Assert.NotNull(search.QuerySelector($"#inscription-{camille.Id} button"));
        Assert.Null(search.QuerySelector($"#inscription-{waiting.Id}"));
        Assert.Contains("Camille Attente", search.QuerySelector("#sans-place")!.TextContent);
        var form = (IHtmlFormElement)search.QuerySelector($"#inscription-{camille.Id} form")!;
        var values = HtmlForms.FormValues(search, $"#inscription-{camille.Id} form");
        var action = form.GetAttribute("action")!;

        // Two phones tap at once, then one taps again with the old page: one check-in, one log entry.
        var taps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsync(action, new FormUrlEncodedContent(values))));
        Assert.All(taps, t => Assert.Equal(HttpStatusCode.Redirect, t.StatusCode));
        Assert.Equal($"{page}?q=camille#inscription-{camille.Id}", taps[0].Headers.Location!.OriginalString);
        var stored = await factory.StoredRegistrationAsync(Hdf, camille.Id);
        Assert.NotNull(stored.CheckedInUtc);
        Assert.Equal(person.User.Id, stored.CheckedInByUserId);
        var log = await LogAsync(ev.Id, camille.Id);
        Assert.Equal((EventAuditActions.CheckedIn, person.User.Id, "Inès Accueil"), (Assert.Single(log).Action, log[0].UserId, log[0].UserName));

        var back = await client.GetDocumentAsync(page + "?q=camille");
        Assert.Contains("1 présent(s) sur 1", back.QuerySelector("#emargement-compte")!.TextContent);
        Assert.Contains("Annuler la présence", back.QuerySelector($"#inscription-{camille.Id} button")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(page + "?q=camille", $"#inscription-{camille.Id} form", new Dictionary<string, string>())).StatusCode);
        Assert.Null((await factory.StoredRegistrationAsync(Hdf, camille.Id)).CheckedInUtc);
        Assert.Equal([EventAuditActions.CheckedIn, EventAuditActions.CheckInUndone], (await LogAsync(ev.Id, camille.Id)).Select(e => e.Action));

        // At a workshop: marks the workshop and, since she is there, the event too.
        var workshopPage = page + "?atelier=atelier-3d";
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitFormAsync(workshopPage, $"#inscription-{camille.Id} form", new Dictionary<string, string>())).StatusCode);
        var choice = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().WorkshopChoices.AsNoTracking().SingleAsync(c => c.RegistrationId == camille.Id));
        Assert.NotNull(choice.CheckedInUtc);
        Assert.NotNull((await factory.StoredRegistrationAsync(Hdf, camille.Id)).CheckedInUtc);
        Assert.Contains("1 présent(s) sur 1", (await client.GetDocumentAsync(workshopPage)).QuerySelector("#emargement-compte")!.TextContent);

        // A forged tap for someone waiting: refused with a message, nothing recorded.
        var refused = await client.PostAsync(action, new FormUrlEncodedContent(values.Select(v => v.Key == "registrationId" ? new KeyValuePair<string, string>(v.Key, waiting.Id.ToString()) : v)));
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("n'a pas de place confirmée", (await client.GetDocumentAsync(refused.Headers.Location!.OriginalString)).QuerySelector("#emargement-message")!.TextContent);
        Assert.Null((await factory.StoredRegistrationAsync(Hdf, waiting.Id)).CheckedInUtc);
    }

    [Fact]
    public async Task Check_in_refuses_registrations_of_other_events_and_tenants_and_people_who_are_not_coordinators()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée gardée");
        var own = await factory.AddRegistrationAsync(Hdf, ev.Id, "Louise Gardée");
        var other = await factory.CreateOpenEventAsync(Hdf, "Autre journée");
        var elsewhere = await factory.AddRegistrationAsync(Hdf, other.Id, "Paul Ailleurs");
        var naEvent = await factory.CreateOpenEventAsync(Na, "Journée aquitaine");
        for (var i = 0; i < 40; i++) await factory.AddRegistrationAsync(Na, naEvent.Id, $"Remplissage {i}");
        var naRegistration = await factory.AddRegistrationAsync(Na, naEvent.Id, "Nina Aquitaine");
        var (_, client) = await CoordinatorAsync();
        var page = $"/{Hdf}/admin/evenements/{ev.Id}/emargement";
        var values = HtmlForms.FormValues(await client.GetDocumentAsync(page), $"#inscription-{own.Id} form");
        var action = $"{page}?handler=Present";
        Task<HttpResponseMessage> TapAsync(HttpClient c, string url, int registrationId)
            => c.PostAsync(url, new FormUrlEncodedContent(values.Select(v => v.Key == "registrationId" ? new KeyValuePair<string, string>(v.Key, registrationId.ToString()) : v)));

        Assert.Equal(HttpStatusCode.NotFound, (await TapAsync(client, action, elsewhere.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await TapAsync(client, action, 999_999)).StatusCode);
        Assert.False(await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().Registrations.AnyAsync(r => r.Id == naRegistration.Id && r.EventId == naEvent.Id)));
        Assert.Equal(HttpStatusCode.NotFound, (await TapAsync(client, $"/{Hdf}/admin/evenements/{naEvent.Id}/emargement?handler=Present", naRegistration.Id)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/admin/evenements/999999/emargement")).StatusCode);
        // A workshop the event does not have is ignored (the event's check-in), never a crash.
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync(action, new FormUrlEncodedContent(values.Append(new("atelier", "pas-un-atelier"))))).StatusCode);
        Assert.NotNull((await factory.StoredRegistrationAsync(Hdf, own.Id)).CheckedInUtc);
        Assert.Null((await factory.StoredRegistrationAsync(Hdf, elsewhere.Id)).CheckedInUtc);
        Assert.Null((await factory.StoredRegistrationAsync(Na, naRegistration.Id)).CheckedInUtc);

        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        foreach (var path in new[] { "emargement", "inscrits", "inscrits.csv", "statistiques", $"attestations/{own.Id}" })
            Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"/{Hdf}/admin/evenements/{ev.Id}/{path}")).StatusCode);
        Assert.NotEqual(HttpStatusCode.Redirect, (await TapAsync(contributor, $"/{Hdf}/admin/evenements/{ev.Id}/emargement?handler=Undo", own.Id)).StatusCode);
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(page)).StatusCode);
        // A coordinator of another region is nobody here.
        var naCoordinator = await factory.PersonAsync(Na, NetworkRoles.Coordinator, "Coordination aquitaine");
        Assert.Equal(HttpStatusCode.Forbidden, (await (await naCoordinator.ClientAsync(factory)).GetAsync(page)).StatusCode);
        Assert.NotNull((await factory.StoredRegistrationAsync(Hdf, own.Id)).CheckedInUtc);
    }

    [Fact]
    public async Task A_certificate_is_given_to_present_attendees_only_with_the_sessions_they_attended()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée attestée");
        var token = RegistrationTokens.New().Token;
        var present = await factory.AddRegistrationAsync(Hdf, ev.Id, "Mathilde Présente", organisation: "Archives du Nord", workshops: ["atelier-3d", "atelier-ia"],
            checkedInUtc: DateTime.UtcNow, token: token);
        await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().WorkshopChoices
            .Where(c => c.RegistrationId == present.Id && c.SessionKey == "atelier-3d").ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInUtc, DateTime.UtcNow)));
        var absentToken = RegistrationTokens.New().Token;
        var absent = await factory.AddRegistrationAsync(Hdf, ev.Id, "Victor Absent", token: absentToken);
        var waiting = await factory.AddRegistrationAsync(Hdf, ev.Id, "Wanda Attente", status: RegistrationStatus.Waitlisted);
        var other = await factory.CreateOpenEventAsync(Hdf, "Autre journée attestée");
        var (_, client) = await CoordinatorAsync();
        var url = $"/{Hdf}/admin/evenements/{ev.Id}/attestations/{present.Id}";

        var page = await client.GetDocumentAsync(url);
        var text = page.QuerySelector("#attestation")!.TextContent;
        Assert.Contains("Attestation de présence", text);
        Assert.Contains("Mathilde Présente", text);
        Assert.Contains("Archives du Nord", text);
        Assert.Contains("Journée attestée", text);
        var tenant = factory.Tenant(Hdf);
        Assert.Contains(string.IsNullOrWhiteSpace(tenant.OperatorName) ? tenant.DisplayName : tenant.OperatorName, text);
        // The plenary (3 h) and the workshop she was marked at (1 h 30); not the one she chose but was not marked at.
        Assert.Contains("Durée de présence : 4 h 30.", page.QuerySelector("#duree")!.TextContent);
        var sessions = page.QuerySelectorAll("#seances li").Select(li => li.TextContent).ToList();
        Assert.Equal(2, sessions.Count);
        Assert.Contains("numériser en 3D", sessions[1]);
        Assert.Null(page.QuerySelector("header"));
        Assert.NotNull(page.QuerySelector("nav.fr-no-print"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/admin/evenements/{ev.Id}/attestations/{absent.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/admin/evenements/{ev.Id}/attestations/{waiting.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/admin/evenements/{other.Id}/attestations/{present.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/{Na}/admin/evenements/{ev.Id}/attestations/{present.Id}")).StatusCode);

        // The attendee's own link, without signing in.
        var anonymous = factory.CreateBrowserClient();
        var own = await anonymous.GetAsync($"/{Hdf}/evenements/inscription/{token}/attestation");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("noindex", own.Headers.GetValues("X-Robots-Tag").Single());
        Assert.Contains("Mathilde Présente", await own.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{Hdf}/evenements/inscription/{absentToken}/attestation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{Hdf}/evenements/inscription/faux-jeton/attestation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{Hdf}/evenements/inscription/{RegistrationTokens.New().Token}/attestation")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/{Na}/evenements/inscription/{token}/attestation")).StatusCode);
    }

    [Fact]
    public void Attended_time_counts_overlapping_sessions_once()
    {
        var start = new DateTime(2026, 6, 11, 7, 0, 0, DateTimeKind.Utc);
        Assert.Equal(TimeSpan.Zero, AttendanceCertificates.Duration([]));
        Assert.Equal(TimeSpan.FromHours(4), AttendanceCertificates.Duration([(start, start.AddHours(3)), (start.AddHours(2), start.AddHours(4))]));
        Assert.Equal(TimeSpan.FromHours(4.5), AttendanceCertificates.Duration([(start.AddHours(4.5), start.AddHours(6)), (start, start.AddHours(3)), (start.AddHours(5), start.AddHours(5.5))]));
        Assert.Equal("4 h 30", AttendanceCertificates.FormatDuration(TimeSpan.FromHours(4.5)));
        Assert.Equal("3 h", AttendanceCertificates.FormatDuration(TimeSpan.FromHours(3)));
        Assert.Equal("45 min", AttendanceCertificates.FormatDuration(TimeSpan.FromMinutes(45)));
        Assert.Equal("9 h 00", AttendanceCertificates.Hour(start, System.Globalization.CultureInfo.GetCultureInfo("fr-FR")));
    }

    [Fact]
    public async Task Statistics_count_registrations_waitlist_cancellations_and_attendance_per_workshop()
    {
        var ev = await factory.CreateOpenEventAsync(Hdf, "Journée chiffrée", capacity: 10);
        var now = DateTime.UtcNow;
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Un", workshops: ["atelier-3d"], checkedInUtc: now);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Deux", workshops: ["atelier-3d", "atelier-ia"], checkedInUtc: now);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Trois", workshops: ["atelier-son"]);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Quatre");
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Cinq invité", verified: false);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Six", status: RegistrationStatus.Waitlisted, waitlistedWorkshops: ["atelier-3d"]);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Sept", status: RegistrationStatus.Waitlisted);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Huit", status: RegistrationStatus.Cancelled);
        await factory.AddRegistrationAsync(Hdf, ev.Id, "Neuf", status: RegistrationStatus.Expired, verified: false);
        await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().WorkshopChoices.Where(c => c.EventId == ev.Id && c.SessionKey == "atelier-3d" && c.Status == WorkshopChoiceStatus.Confirmed)
            .OrderBy(c => c.Id).Take(1).ExecuteUpdateAsync(s => s.SetProperty(c => c.CheckedInUtc, now)));

        var figures = await factory.InTenantAsync(Hdf, async sp => await sp.GetRequiredService<AttendanceStatistics>().OfAsync((await sp.GetRequiredService<EventSetups>().FindAsync(ev.Id))!));
        Assert.Equal((9, 5, 2, 1, 1, 1, 2), (figures.Registrations, figures.Confirmed, figures.Waitlisted, figures.Cancelled, figures.Expired, figures.AwaitingVerification, figures.CheckedIn));
        Assert.Equal(0.4, figures.AttendanceRate);
        var workshops = figures.Workshops.ToDictionary(w => w.Workshop.Key);
        Assert.Equal((2, 1, 1), (workshops["atelier-3d"].Confirmed, workshops["atelier-3d"].Waitlisted, workshops["atelier-3d"].CheckedIn));
        Assert.Equal(0.5, workshops["atelier-3d"].AttendanceRate);
        Assert.Equal((1, 0, 0), (workshops["atelier-son"].Confirmed, workshops["atelier-son"].Waitlisted, workshops["atelier-son"].CheckedIn));

        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync($"/{Hdf}/admin/evenements/{ev.Id}/statistiques");
        Assert.Equal("9", page.QuerySelector("#stat-inscriptions")!.TextContent.Trim());
        Assert.Equal("5 sur 10 places", page.QuerySelector("#stat-confirmees")!.TextContent.Trim());
        Assert.Equal("2", page.QuerySelector("#stat-attente")!.TextContent.Trim());
        Assert.Equal("40 %", page.QuerySelector("#stat-taux")!.TextContent.Trim());
        Assert.Contains("50 %", page.QuerySelector("#stat-atelier-atelier-3d")!.TextContent);
        Assert.NotNull(page.QuerySelector("#stat-atelier-atelier-3d a"));

        var empty = await factory.CreateOpenEventAsync(Hdf, "Journée vide");
        Assert.Equal("—", (await client.GetDocumentAsync($"/{Hdf}/admin/evenements/{empty.Id}/statistiques")).QuerySelector("#stat-taux")!.TextContent.Trim());
    }
}
