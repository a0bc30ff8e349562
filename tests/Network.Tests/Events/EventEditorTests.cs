using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Events;

/// <summary>The coordinators' event editor and list through HTTP, as a browser without JavaScript uses them.</summary>
public sealed class EventEditorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = ShowcaseTestKit.Hdf;
    private const string New = "/hauts-de-france/admin/evenements/nouveau";
    private const string List = "/hauts-de-france/admin/evenements";

    private static string Editor(int id) => $"/hauts-de-france/admin/evenements/{id}";

    private Task<(string UserId, HttpClient Client)> CoordinatorAsync() => factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);

    private static List<KeyValuePair<string, string>> Values(IHtmlDocument page, IDictionary<string, string>? changes = null, params string[] remove)
        => HtmlForms.FormValues(page, "#event-editor-form", changes, remove);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlDocument page, IDictionary<string, string>? changes = null, string? handler = null, params string[] remove)
        => client.PostAsync(handler is null ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler, new FormUrlEncodedContent(Values(page, changes, remove)));

    /// <summary>Every field of a complete study day in June 2027 (Paris summer time, UTC+2), as typed.</summary>
    private static Dictionary<string, string> Complete(string title) => new()
    {
        ["Common.Title"] = title,
        ["Common.Summary"] = "La journée annuelle des acteurs culturels et numériques de la région.",
        ["Form.Kind"] = EventKinds.StudyDay,
        ["Form.Description"] = "## Programme\r\n\r\nUne matinée en plénière, des **ateliers** l'après-midi.",
        ["Form.StartDate"] = "2027-06-10",
        ["Form.StartTime"] = "09:00",
        ["Form.EndDate"] = "2027-06-10",
        ["Form.EndTime"] = "17:30",
        ["Form.VenueName"] = "Gare Saint-Sauveur",
        ["Form.StreetAddress"] = "17 boulevard Jean-Baptiste Lebas",
        ["Form.PostalCode"] = "59000",
        ["Form.City"] = "Lille",
        ["Form.AccessibilityInfo"] = "Lieu de plain-pied ; boucle magnétique en plénière.",
        ["Form.Capacity"] = "120",
        ["Form.RegistrationOpensDate"] = "2027-04-01",
        ["Form.RegistrationOpensTime"] = "09:00",
        ["Form.RegistrationClosesDate"] = "2027-06-09",
        ["Form.RegistrationClosesTime"] = "12:00",
        ["Form.ReminderDaysBefore"] = "3",
        ["Form.ContactEmail"] = "evenements@drac.example.fr",
        ["Form.Sessions[0].Title"] = "Atelier : numériser en 3D",
        ["Form.Sessions[0].Date"] = "",
        ["Form.Sessions[0].StartTime"] = "14:00",
        ["Form.Sessions[0].EndTime"] = "15:30",
        ["Form.Sessions[0].Room"] = "Salle A",
        ["Form.Sessions[0].Speakers"] = "Musée de Lille",
        ["Form.Sessions[0].IsWorkshop"] = "true",
        ["Form.Sessions[0].Capacity"] = "20",
        ["Form.Sessions[1].Title"] = "Plénière : dix ans de projets numériques",
        ["Form.Sessions[1].Date"] = "2027-06-10",
        ["Form.Sessions[1].StartTime"] = "09:30",
        ["Form.Sessions[1].EndTime"] = "12:00",
        ["Form.Sessions[1].Room"] = "Grande halle",
        ["Form.Sessions[2].Title"] = "Atelier : médiation sonore",
        ["Form.Sessions[2].StartTime"] = "14:00",
        ["Form.Sessions[2].EndTime"] = "15:30",
        ["Form.Sessions[2].Room"] = "Salle B",
        ["Form.Sessions[2].IsWorkshop"] = "true",
        ["Form.Sessions[2].Capacity"] = "15",
        ["Form.Questions[0].Label"] = "Besoins d'accessibilité",
        ["Form.Questions[0].Reason"] = "Pour adapter l'accueil et les salles.",
    };

    private async Task<(HttpClient Client, int Id)> CreateAsync(string? title = null, IDictionary<string, string>? changes = null)
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var values = Complete(title ?? "Journée régionale " + Guid.NewGuid().ToString("N")[..6]);
        foreach (var (key, value) in changes ?? new Dictionary<string, string>()) values[key] = value;
        var created = await PostAsync(client, New, page, values);
        return (client, ShowcaseTestKit.IdFromLocation(created));
    }

    private EventFields Read(ContentItem item) => factory.Service<EventType>().Read(item);

    [Fact]
    public async Task A_coordinator_creates_an_event_with_paris_times_stored_in_utc_a_programme_in_time_order_and_its_setup()
    {
        var (client, id) = await CreateAsync();
        var item = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Equal(ContentStatus.Draft, item.Status);
        var f = Read(item);
        // 9:00 in Paris on 10 June 2027 is summer time (UTC+2); 9:00 on 1 April too.
        Assert.Equal(new DateTime(2027, 6, 10, 7, 0, 0, DateTimeKind.Utc), f.StartUtc);
        Assert.Equal(new DateTime(2027, 6, 10, 15, 30, 0, DateTimeKind.Utc), f.EndUtc);
        Assert.Equal(new DateTime(2027, 6, 9, 10, 0, 0, DateTimeKind.Utc), f.RegistrationClosesUtc);
        Assert.Equal(120, f.Capacity);
        // Put in time order; keys made from the titles; a session with no day is on the event's first day.
        Assert.Equal(["pleniere-dix-ans-de-projets-numeriques", "atelier-numeriser-en-3d", "atelier-mediation-sonore"], f.Sessions.Select(s => s.Key));
        Assert.Equal(new DateTime(2027, 6, 10, 12, 0, 0, DateTimeKind.Utc), f.Sessions[1].StartUtc);
        Assert.Equal((true, (int?)20), (f.Sessions[1].IsWorkshop, f.Sessions[1].Capacity));
        Assert.Equal((false, (int?)null), (f.Sessions[0].IsWorkshop, f.Sessions[0].Capacity));
        var question = Assert.Single(f.Questions);
        Assert.Equal(("besoins-d-accessibilite", "Pour adapter l'accueil et les salles.", 500), (question.Key, question.Reason, question.MaxLength));
        var setup = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().Setups.AsNoTracking().SingleAsync(s => s.EventId == id));
        Assert.Equal((3, ""), (setup.ReminderDaysBefore, setup.OnlineJoinUrl));

        // The form shows what was stored, in Paris time, and saving it unchanged changes nothing.
        var saved = await client.GetDocumentAsync(Editor(id));
        Assert.Equal("09:00", ((IHtmlInputElement)saved.QuerySelector("#form-starttime")!).Value);
        Assert.Equal("14:00", ((IHtmlInputElement)saved.QuerySelector("#form-sessions-1--starttime")!).Value);
        Assert.Equal("3", ((IHtmlInputElement)saved.QuerySelector("#form-reminderdaysbefore")!).Value);
        Assert.Contains($"/admin/evenements/{id}/pilotage", saved.Body!.InnerHtml);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), saved)));
        Assert.Equal(item.FieldsJson, (await factory.FindItemAsync(Hdf, id))!.FieldsJson);
    }

    [Fact]
    public async Task An_online_event_keeps_its_joining_link_private_in_its_setup()
    {
        var (client, id) = await CreateAsync(changes: new Dictionary<string, string>
        {
            ["Form.Kind"] = EventKinds.Webinar,
            ["Form.Online"] = "true",
            ["Form.VenueName"] = "",
            ["Form.StreetAddress"] = "",
            ["Form.PostalCode"] = "",
            ["Form.City"] = "",
            ["Form.OnlineJoinUrl"] = "https://webinaire.example.fr/salle-42",
            ["Form.ReminderDaysBefore"] = "0",
        });
        var item = (await factory.FindItemAsync(Hdf, id))!;
        Assert.True(Read(item).Online);
        Assert.DoesNotContain("salle-42", item.FieldsJson);
        var view = await factory.EventViewAsync(Hdf, id);
        Assert.Equal(("https://webinaire.example.fr/salle-42", 0), (view.Setup.OnlineJoinUrl, view.Setup.ReminderDaysBefore));
        var page = await client.GetDocumentAsync(Editor(id));
        Assert.Equal("https://webinaire.example.fr/salle-42", ((IHtmlInputElement)page.QuerySelector("#form-onlinejoinurl")!).Value);
    }

    [Fact]
    public async Task The_image_comes_from_the_media_library_and_stays_through_row_changes()
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Journée illustrée " + Guid.NewGuid().ToString("N")[..6];
        var values = Complete(title);
        values["Form.ImageAlt"] = "La grande halle de la gare Saint-Sauveur";
        values["Form.ImageCredit"] = "Ville de Lille";
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in Values(page, values)) content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(Network.Tests.Media.MediaTestImages.JpegWithOrientationAndGps());
        part.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "Form.NewImage.File", "halle.jpg");
        var id = ShowcaseTestKit.IdFromLocation(await client.PostAsync(New, content));
        var image = Read((await factory.FindItemAsync(Hdf, id))!).Image!;
        Assert.Equal(("La grande halle de la gare Saint-Sauveur", "Ville de Lille"), (image.Alt, image.Credit));

        // A row added (a form-only post) keeps the image shown and posted; saving keeps it.
        var editor = await client.GetDocumentAsync(Editor(id));
        var added = HtmlForms.Parse(await (await PostAsync(client, Editor(id), editor, handler: "AddQuestion")).Content.ReadAsStringAsync());
        Assert.Equal(image.MediaId.ToString(), ((IHtmlInputElement)added.QuerySelector("input[name='Form.ImageMediaId']")!).Value);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), added)));
        Assert.Equal(image.MediaId, Read((await factory.FindItemAsync(Hdf, id))!).Image!.MediaId);
    }

    [Fact]
    public async Task Session_and_question_rows_are_added_and_removed_by_posting_the_form_without_saving()
    {
        var (client, id) = await CreateAsync();
        var stored = (await factory.FindItemAsync(Hdf, id))!.FieldsJson;
        var page = await client.GetDocumentAsync(Editor(id));
        var added = await PostAsync(client, Editor(id), page, handler: "AddSession");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withRow = HtmlForms.Parse(await added.Content.ReadAsStringAsync());
        Assert.NotNull(withRow.QuerySelector("input[name='Form.Sessions[3].Title']"));
        // The new row's day is the event's first day.
        Assert.Equal("2027-06-10", ((IHtmlInputElement)withRow.QuerySelector("input[name='Form.Sessions[3].Date']")!).Value);
        var question = await PostAsync(client, Editor(id), withRow, new Dictionary<string, string>
        {
            ["Form.Sessions[3].Title"] = "Atelier : IA et archives",
            ["Form.Sessions[3].StartTime"] = "15:45",
            ["Form.Sessions[3].EndTime"] = "17:00",
            ["Form.Sessions[3].Room"] = "Salle A",
            ["Form.Sessions[3].IsWorkshop"] = "true",
            ["Form.Sessions[3].Capacity"] = "25",
        }, handler: "AddQuestion");
        var withQuestion = HtmlForms.Parse(await question.Content.ReadAsStringAsync());
        Assert.Equal("Atelier : IA et archives", ((IHtmlInputElement)withQuestion.QuerySelector("input[name='Form.Sessions[3].Title']")!).Value);
        Assert.NotNull(withQuestion.QuerySelector("input[name='Form.Questions[1].Label']"));
        Assert.Equal(stored, (await factory.FindItemAsync(Hdf, id))!.FieldsJson);

        var removed = await PostAsync(client, Editor(id) + "?index=0", withQuestion, new Dictionary<string, string>
        {
            ["Form.Questions[1].Label"] = "Régime alimentaire",
            ["Form.Questions[1].Reason"] = "Pour le déjeuner servi sur place.",
        }, handler: "RemoveSession");
        var afterRemove = HtmlForms.Parse(await removed.Content.ReadAsStringAsync());
        Assert.Equal("Atelier : numériser en 3D", ((IHtmlInputElement)afterRemove.QuerySelector("input[name='Form.Sessions[0].Title']")!).Value);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), afterRemove)));
        var f = Read((await factory.FindItemAsync(Hdf, id))!);
        Assert.Equal(["atelier-numeriser-en-3d", "atelier-mediation-sonore", "atelier-ia-et-archives"], f.Sessions.Select(s => s.Key));
        Assert.Equal(["besoins-d-accessibilite", "regime-alimentaire"], f.Questions.Select(q => q.Key));
    }

    [Theory]
    [InlineData("Common.Title", "", "Common.Title")]
    [InlineData("Form.Kind", "fete", "Form.Kind")]
    [InlineData("Form.StartDate", "", "Form.StartDate")]
    [InlineData("Form.StartTime", "25:99", "Form.StartDate")]
    [InlineData("Form.EndDate", "2027-06-09", "Form.EndDate")]
    [InlineData("Form.EndDate", "10/06/2027", "Form.EndDate")]
    [InlineData("Form.Capacity", "beaucoup", "Form.Capacity")]
    [InlineData("Form.Capacity", "0", "Form.Capacity")]
    [InlineData("Form.Capacity", "99999999999", "Form.Capacity")]
    [InlineData("Form.RegistrationClosesDate", "2027-03-01", "Form.RegistrationClosesDate")]
    [InlineData("Form.RegistrationClosesDate", "2027-06-11", "Form.RegistrationClosesDate")]
    [InlineData("Form.RegistrationOpensTime", "", "Form.RegistrationOpensDate")]
    [InlineData("Form.PostalCode", "59", "Form.PostalCode")]
    [InlineData("Form.City", "", "Form.City")]
    [InlineData("Form.ContactEmail", "pas-une-adresse", "Form.ContactEmail")]
    [InlineData("Form.ReminderDaysBefore", "-1", "Form.ReminderDaysBefore")]
    [InlineData("Form.ReminderDaysBefore", "deux", "Form.ReminderDaysBefore")]
    [InlineData("Form.ReminderDaysBefore", "31", "Form.ReminderDaysBefore")]
    [InlineData("Form.OnlineJoinUrl", "https://webinaire.example.fr/salle", "Form.OnlineJoinUrl")]
    [InlineData("Form.Sessions[0].Title", "", "Form.Sessions[1].Title")]
    [InlineData("Form.Sessions[0].EndTime", "13:00", "Form.Sessions[1].EndTime")]
    [InlineData("Form.Sessions[0].EndTime", "", "Form.Sessions[1].EndTime")]
    [InlineData("Form.Sessions[0].Date", "2027-06-12", "Form.Sessions[2].StartTime")]
    [InlineData("Form.Sessions[0].Capacity", "", "Form.Sessions[1].Capacity")]
    [InlineData("Form.Sessions[0].Capacity", "vingt", "Form.Sessions[1].Capacity")]
    [InlineData("Form.Sessions[0].Key", "Clé Invalide!", "Form.Sessions[1].Key")]
    [InlineData("Form.Questions[0].Reason", "", "Form.Questions[0].Reason")]
    [InlineData("Form.Questions[0].MaxLength", "100000", "Form.Questions[0].MaxLength")]
    [InlineData("Form.NewImage.MediaNumber", "987654", "Form.NewImage.MediaNumber")]
    public async Task Bad_input_is_refused_next_to_its_field_and_nothing_is_written(string field, string value, string errorField)
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Événement refusé " + Guid.NewGuid().ToString("N")[..6];
        var changes = Complete(title);
        changes[field] = value;
        if (field == "Form.NewImage.MediaNumber") changes["Form.ImageAlt"] = "Le public de la plénière";
        if (field == "Common.Title") title = "";
        var response = await PostAsync(client, New, page, changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var summary = html.QuerySelector("#erreurs");
        Assert.NotNull(summary);
        var id = errorField.ToLowerInvariant().Replace('.', '-').Replace('[', '-').Replace(']', '-');
        Assert.True(html.QuerySelector("#" + id + "-messages .fr-message--error") is not null, $"No message next to {errorField} (#{id}): {summary!.TextContent}");
        Assert.NotNull(summary!.QuerySelector($"a[href='#{id}']"));
        if (title.Length > 0) Assert.Equal(0, await factory.CountItemsAsync(Hdf, title));
    }

    [Fact]
    public async Task Two_sessions_in_the_same_room_at_overlapping_times_and_duplicate_keys_are_refused()
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Salle en double " + Guid.NewGuid().ToString("N")[..6];
        var changes = Complete(title);
        changes["Form.Sessions[2].Room"] = "salle a";
        changes["Form.Sessions[2].StartTime"] = "15:00";
        changes["Form.Sessions[2].EndTime"] = "16:00";
        var response = await PostAsync(client, New, page, changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("Séance 3 : la salle « salle a » est déjà occupée par la séance 2 à ce moment.", html.QuerySelector("#form-sessions-2--room-messages")!.TextContent);

        changes = Complete(title);
        changes["Form.Sessions[2].Key"] = "atelier-numeriser-en-3d";
        response = await PostAsync(client, New, page, changes);
        Assert.Contains("Deux séances ont la même clé.", HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#form-sessions-messages")!.TextContent);
        Assert.Equal(0, await factory.CountItemsAsync(Hdf, title));
    }

    [Fact]
    public async Task What_registrations_hold_cannot_be_taken_away_by_an_edit()
    {
        var (client, id) = await CreateAsync();
        for (var i = 0; i < 3; i++)
        {
            await factory.AddRegistrationAsync(Hdf, id, $"Inscrit {i}", workshops: ["atelier-numeriser-en-3d"]);
        }
        var stored = (await factory.FindItemAsync(Hdf, id))!.FieldsJson;
        var page = await client.GetDocumentAsync(Editor(id));

        var fewer = await PostAsync(client, Editor(id), page, new Dictionary<string, string> { ["Form.Capacity"] = "2", ["Form.Sessions[1].Capacity"] = "1" });
        var html = HtmlForms.Parse(await fewer.Content.ReadAsStringAsync());
        Assert.Contains("3 places sont déjà prises", html.QuerySelector("#form-capacity-messages")!.TextContent);
        Assert.Contains("3 places de l'atelier sont déjà prises", html.QuerySelector("#form-sessions-1--capacity-messages")!.TextContent);

        var dropped = await PostAsync(client, Editor(id), page, new Dictionary<string, string> { ["Form.Sessions[1].IsWorkshop"] = "false" }, null, "Form.Sessions[1].IsWorkshop");
        Assert.Contains("a déjà 3 inscription(s)", HtmlForms.Parse(await dropped.Content.ReadAsStringAsync()).QuerySelector("#form-sessions-messages")!.TextContent);
        var renamed = await PostAsync(client, Editor(id), page, new Dictionary<string, string> { ["Form.Sessions[1].Key"] = "atelier-3d" });
        Assert.Contains("a déjà 3 inscription(s)", await renamed.Content.ReadAsStringAsync());
        Assert.Equal(stored, (await factory.FindItemAsync(Hdf, id))!.FieldsJson);

        // Raising them is fine.
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), page, new Dictionary<string, string> { ["Form.Capacity"] = "150" })));
    }

    [Fact]
    public async Task Raising_the_capacity_gives_the_new_seats_to_the_people_waiting_in_order()
    {
        var (client, id) = await CreateAsync(changes: new Dictionary<string, string> { ["Form.Capacity"] = "1" });
        var seated = await factory.AddRegistrationAsync(Hdf, id, "Assise", status: RegistrationStatus.Confirmed);
        var first = await factory.AddRegistrationAsync(Hdf, id, "Première en attente", status: RegistrationStatus.Waitlisted, atUtc: DateTime.UtcNow.AddMinutes(-2));
        var second = await factory.AddRegistrationAsync(Hdf, id, "Seconde en attente", status: RegistrationStatus.Waitlisted, atUtc: DateTime.UtcNow.AddMinutes(-1));

        var page = await client.GetDocumentAsync(Editor(id));
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), page, new Dictionary<string, string> { ["Form.Capacity"] = "2" })));

        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Hdf, first.Id)).Status);
        Assert.Equal(RegistrationStatus.Waitlisted, (await factory.StoredRegistrationAsync(Hdf, second.Id)).Status);
        Assert.Equal(2, (await factory.SeatsTakenAsync(Hdf, id))[""]);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Hdf, seated.Id)).Status);
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_refused_and_keeps_the_input()
    {
        var (client, id) = await CreateAsync();
        var first = await client.GetDocumentAsync(Editor(id));
        var second = await client.GetDocumentAsync(Editor(id));
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), first, new Dictionary<string, string> { ["Form.VenueName"] = "Le Fresnoy" })));
        var late = await PostAsync(client, Editor(id), second, new Dictionary<string, string> { ["Form.VenueName"] = "La Condition publique" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("Quelqu&#x27;un d&#x27;autre a modifié cet événement", html);
        Assert.Contains("La Condition publique", html);
        Assert.Equal("Le Fresnoy", Read((await factory.FindItemAsync(Hdf, id))!).VenueName);
    }

    [Fact]
    public async Task The_list_shows_each_event_with_its_state_paris_dates_seats_and_waitlist()
    {
        var title = "Journée listée " + Guid.NewGuid().ToString("N")[..6];
        var (client, id) = await CreateAsync(title);
        var open = await factory.CreateOpenEventAsync(Hdf, "Rencontre listée " + Guid.NewGuid().ToString("N")[..6], capacity: 2);
        await factory.AddRegistrationAsync(Hdf, open.Id, "Alex Inscrit", status: RegistrationStatus.Confirmed);
        await factory.AddRegistrationAsync(Hdf, open.Id, "Alex Inscrit", status: RegistrationStatus.Confirmed);
        await factory.AddRegistrationAsync(Hdf, open.Id, "Alex Inscrit", status: RegistrationStatus.Waitlisted);

        var list = await client.GetDocumentAsync(List);
        var draft = list.QuerySelectorAll("#evenements-admin tbody tr").Single(r => r.TextContent.Contains(title));
        Assert.Contains("Brouillon", draft.TextContent);
        Assert.Contains("10/06/2027 09:00", draft.TextContent);
        Assert.NotNull(draft.QuerySelector($"a[href='/hauts-de-france/admin/evenements/{id}/pilotage']"));
        var full = list.QuerySelectorAll("#evenements-admin tbody tr").Single(r => r.TextContent.Contains(open.Item.Title));
        var cells = full.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("Complet", cells[1]);
        Assert.Equal("2 / 2", cells[4]);
        Assert.Equal("1", cells[5]);
        Assert.NotNull(full.QuerySelector($"a[href='/hauts-de-france/evenements/{open.Item.Slug}']"));
    }

    [Fact]
    public async Task Coordinators_find_the_events_in_the_admin_menu()
    {
        var (_, coordinator) = await CoordinatorAsync();
        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        const string link = "a[href='/hauts-de-france/admin/evenements']";
        Assert.NotNull((await coordinator.GetDocumentAsync("/hauts-de-france/admin/contenus")).QuerySelector(link));
        Assert.Null((await contributor.GetDocumentAsync("/hauts-de-france/admin/contenus")).QuerySelector(link));
    }

    [Fact]
    public async Task Only_accounts_that_manage_events_reach_the_editor_and_the_list_and_other_regions_find_nothing()
    {
        var (_, id) = await CreateAsync();
        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { List, New, Editor(id), Editor(id) + "/pilotage" })
        {
            var response = await contributor.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{url}: {response.StatusCode}");
            if (response.Headers.Location is { } location) Assert.DoesNotContain("/admin/evenements", location.OriginalString.Split('?')[0]);
            var visitor = await anonymous.GetAsync(url);
            Assert.True(visitor.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{url}: {visitor.StatusCode}");
        }
        // A coordinator of another region does not find this region's event (its id is unknown there).
        var (_, other) = await factory.SignedInWithRoleAsync(ShowcaseTestKit.Na, NetworkRoles.Coordinator);
        var unknown = id + 100_000;
        foreach (var url in new[] { $"/nouvelle-aquitaine/admin/evenements/{unknown}", $"/nouvelle-aquitaine/admin/evenements/{unknown}/pilotage" })
            Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(url)).StatusCode);
        var page = await other.GetDocumentAsync("/nouvelle-aquitaine/admin/evenements/nouveau");
        var forged = await other.PostAsync($"/nouvelle-aquitaine/admin/evenements/{unknown}", new FormUrlEncodedContent(Values(page, Complete("Forgé"))));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
    }
}
