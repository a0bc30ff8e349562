using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Accounts;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Events;

/// <summary>
/// What coordinators do to a published event from its pilotage page: cancel, postpone, give the new date, write to the
/// registrants. Each mails every registrant concerned once, in their language, through the outbox, and is logged.
/// </summary>
public sealed class EventPilotageTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = ShowcaseTestKit.Hdf;

    private static string Pilotage(int id, string tenant = Hdf) => $"/{tenant}/admin/evenements/{id}/pilotage";

    private Task<(string UserId, HttpClient Client)> CoordinatorAsync() => factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";

    /// <summary>The form's fields as a browser would post them, and its address.</summary>
    private static (string Action, List<KeyValuePair<string, string>> Values) Form(IHtmlDocument page, string selector, IDictionary<string, string> changes)
    {
        var form = (IHtmlFormElement)(page.QuerySelector(selector) ?? throw new InvalidOperationException($"No form {selector}"));
        return (form.GetAttribute("action")!, HtmlForms.FormValues(page, selector, changes));
    }

    /// <summary>The page's antiforgery token, for posts a test writes by hand (forged or refused ones).</summary>
    private static string Token(IHtmlDocument page) => (page.QuerySelector("input[name='__RequestVerificationToken']") as IHtmlInputElement)?.Value ?? "";

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, (string Action, List<KeyValuePair<string, string>> Values) form)
        => client.PostAsync(form.Action, new FormUrlEncodedContent(form.Values));

    private async Task<HttpResponseMessage> SubmitAsync(HttpClient client, int id, string selector, IDictionary<string, string> changes)
        => await PostAsync(client, Form(await client.GetDocumentAsync(Pilotage(id)), selector, changes));

    private sealed record Registrants(EventRegistration French, EventRegistration English, EventRegistration Waiting, EventRegistration Cancelled, EventRegistration Expired)
    {
        public IEnumerable<EventRegistration> Notified => [French, English, Waiting];
        public IEnumerable<EventRegistration> Left => [Cancelled, Expired];
    }

    private async Task<(EventView Event, Registrants People)> EventWithRegistrantsAsync(string title)
    {
        var view = await factory.CreateOpenEventAsync(Hdf, Unique(title));
        var people = new Registrants(
            await factory.AddRegistrationRowAsync(Hdf, view.Id, RegistrationStatus.Confirmed, name: "Camille Martin"),
            await factory.AddRegistrationRowAsync(Hdf, view.Id, RegistrationStatus.Confirmed, name: "Jordan Smith", culture: "en"),
            await factory.AddRegistrationRowAsync(Hdf, view.Id, RegistrationStatus.Waitlisted, name: "Sacha Petit"),
            await factory.AddRegistrationRowAsync(Hdf, view.Id, RegistrationStatus.Cancelled, name: "Noa Retiré"),
            await factory.AddRegistrationRowAsync(Hdf, view.Id, RegistrationStatus.Expired, name: "Invité Muet"));
        return (view, people);
    }

    private async Task<int> MailsToAsync(EventRegistration registration) => (await factory.OutboxForAsync(registration.Email)).Count;

    private Task<List<EventAuditEntry>> LogAsync(int id)
        => factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<EventsDbContext>().AuditEntries.AsNoTracking().Where(e => e.EventId == id).OrderBy(e => e.Id).ToListAsync());

    [Fact]
    public async Task Cancelling_mails_every_registrant_once_in_their_language_logs_it_and_the_event_turns_cancelled()
    {
        var (view, people) = await EventWithRegistrantsAsync("Journée annulée");
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(Pilotage(view.Id));
        Assert.Contains("Places prises : 2 sur 120 ; 1 en liste d'attente.", page.QuerySelector("#places")!.TextContent);
        var form = Form(page, "#cancel-form", new Dictionary<string, string> { ["CancelNote"] = "Le lieu est fermé pour travaux.", ["ConfirmCancel"] = "true" });

        var response = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Pilotage(view.Id), response.Headers.Location!.OriginalString);
        var after = await client.GetDocumentAsync(Pilotage(view.Id));
        Assert.Contains("3 inscrit(s) prévenu(s)", after.QuerySelector("#notice")!.TextContent);
        Assert.Contains("Le lieu est fermé pour travaux.", after.QuerySelector("#statut")!.TextContent);
        Assert.Null(after.QuerySelector("#cancel-form"));
        Assert.Null(after.QuerySelector("#postpone-form"));

        var french = Assert.Single(await factory.OutboxForAsync(people.French.Email));
        Assert.Equal($"Annulation : {view.Item.Title}", french.Subject);
        Assert.Contains("Le lieu est fermé pour travaux.", french.TextBody);
        Assert.Contains("(heure de Paris)", french.TextBody);
        Assert.Contains($"/hauts-de-france/evenements/{view.Item.Slug}", french.TextBody);
        var english = Assert.Single(await factory.OutboxForAsync(people.English.Email));
        Assert.Equal($"Cancelled: {view.Item.Title}", english.Subject);
        Assert.Contains("Paris time", english.TextBody);
        Assert.Contains("waiting list", Assert.Single(await factory.OutboxForAsync(people.Waiting.Email)).TextBody.Replace("liste d'attente", "waiting list"));
        foreach (var left in people.Left) Assert.Equal(0, await MailsToAsync(left));

        var entry = Assert.Single(await LogAsync(view.Id), e => e.Action == EventAuditActions.EventCancelled);
        Assert.Contains("3 inscrit(s) prévenu(s)", entry.Detail);
        Assert.NotEmpty(entry.UserId);
        var now = await factory.EventViewAsync(Hdf, view.Id);
        Assert.Equal((EventState.Cancelled, EventStatus.Cancelled, "Le lieu est fermé pour travaux."), (now.State, now.Setup.Status, now.Setup.StatusNote));

        // The same form again (a second click, a replay, another tab): nothing changes and nobody is mailed twice.
        var again = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Contains("déjà annulé", (await client.GetDocumentAsync(Pilotage(view.Id))).QuerySelector("#notice")!.TextContent);
        foreach (var person in people.Notified) Assert.Equal(1, await MailsToAsync(person));
        Assert.Single(await LogAsync(view.Id), e => e.Action == EventAuditActions.EventCancelled);
    }

    [Fact]
    public async Task Two_simultaneous_cancellations_mail_each_registrant_once()
    {
        var (view, people) = await EventWithRegistrantsAsync("Double annulation");
        var (_, client) = await CoordinatorAsync();
        var (_, colleague) = await CoordinatorAsync();
        var changes = new Dictionary<string, string> { ["CancelNote"] = "Intempéries annoncées.", ["ConfirmCancel"] = "true" };
        var forms = new[] { Form(await client.GetDocumentAsync(Pilotage(view.Id)), "#cancel-form", changes), Form(await colleague.GetDocumentAsync(Pilotage(view.Id)), "#cancel-form", changes) };
        var responses = await Task.WhenAll(PostAsync(client, forms[0]), PostAsync(colleague, forms[1]));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        foreach (var person in people.Notified) Assert.Equal(1, await MailsToAsync(person));
        Assert.Single(await LogAsync(view.Id), e => e.Action == EventAuditActions.EventCancelled);
    }

    [Theory]
    [InlineData("", "true", "cancelnote")]
    [InlineData("   ", "true", "cancelnote")]
    [InlineData("Raison valable.", "", "confirmcancel")]
    [InlineData("LONG", "true", "cancelnote")]
    public async Task A_cancellation_without_its_reason_or_its_confirmation_is_refused_and_nobody_is_mailed(string note, string confirm, string field)
    {
        var (view, people) = await EventWithRegistrantsAsync("Annulation refusée");
        var (_, client) = await CoordinatorAsync();
        var changes = new Dictionary<string, string> { ["CancelNote"] = note == "LONG" ? new string('a', EventRules.NoteMaxLength + 1) : note };
        var page = await client.GetDocumentAsync(Pilotage(view.Id));
        var form = Form(page, "#cancel-form", changes);
        if (confirm.Length > 0) form.Values.Add(new("ConfirmCancel", confirm));
        var response = await PostAsync(client, form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector($"#erreurs a[href='#{field}']"));
        Assert.NotNull(html.QuerySelector($"#{field}-messages .fr-message--error"));
        foreach (var person in people.Notified) Assert.Equal(0, await MailsToAsync(person));
        Assert.Equal(EventState.Scheduled, (await factory.EventViewAsync(Hdf, view.Id)).State);
        Assert.Empty(await LogAsync(view.Id));
    }

    [Fact]
    public async Task Postponing_then_announcing_the_new_date_tells_everyone_each_time_and_the_state_follows()
    {
        var (view, people) = await EventWithRegistrantsAsync("Journée reportée");
        var (_, client) = await CoordinatorAsync();
        var postpone = Form(await client.GetDocumentAsync(Pilotage(view.Id)), "#postpone-form", new Dictionary<string, string> { ["PostponeNote"] = "Grève des transports ; nouvelle date à l'automne." });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, postpone)).StatusCode);
        Assert.Equal(EventState.Postponed, (await factory.EventViewAsync(Hdf, view.Id)).State);
        Assert.Equal($"Report : {view.Item.Title}", Assert.Single(await factory.OutboxForAsync(people.Waiting.Email)).Subject);
        Assert.Equal($"Postponed: {view.Item.Title}", Assert.Single(await factory.OutboxForAsync(people.English.Email)).Subject);
        // Postponing again sends nothing.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, postpone)).StatusCode);
        Assert.Equal(1, await MailsToAsync(people.French));

        var page = await client.GetDocumentAsync(Pilotage(view.Id));
        Assert.Null(page.QuerySelector("#postpone-form"));
        Assert.NotNull(page.QuerySelector("#cancel-form"));
        var resume = Form(page, "#resume-form", new Dictionary<string, string> { ["ResumeNote"] = "Rendez-vous à la nouvelle date, même lieu." });
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, resume)).StatusCode);
        var resumed = await factory.EventViewAsync(Hdf, view.Id);
        Assert.Equal((EventState.Scheduled, EventStatus.Scheduled), (resumed.State, resumed.Setup.Status));
        var mails = await factory.OutboxForAsync(people.French.Email);
        Assert.Equal(2, mails.Count);
        Assert.Equal($"Nouvelle date : {view.Item.Title}", mails[1].Subject);
        foreach (var left in people.Left) Assert.Equal(0, await MailsToAsync(left));
        Assert.Equal([EventAuditActions.EventPostponed, EventAuditActions.EventRescheduled], (await LogAsync(view.Id)).Select(e => e.Action));
    }

    [Fact]
    public async Task Drafts_past_and_cancelled_events_cannot_be_cancelled_or_postponed()
    {
        var (_, client) = await CoordinatorAsync();
        var draft = await factory.CreateEventAsync(Hdf, Unique("Brouillon"), EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(40)), publish: false);
        var past = await factory.CreateEventAsync(Hdf, Unique("Journée passée"), EventsTestKit.Fields(DateTime.UtcNow.Date.AddDays(-10)));
        var token = Token(await client.GetDocumentAsync("/hauts-de-france/admin/evenements/nouveau"));
        async Task<string> PostRawAsync(int id, string handler, Dictionary<string, string> values)
        {
            values["__RequestVerificationToken"] = token;
            var response = await client.PostAsync($"{Pilotage(id)}?handler={handler}", new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#erreurs")!.TextContent;
        }
        var cancel = new Dictionary<string, string> { ["CancelNote"] = "Essai.", ["ConfirmCancel"] = "true" };
        Assert.Contains("n'est pas publié", await PostRawAsync(draft.Id, "Cancel", new(cancel)));
        Assert.Contains("est terminé", await PostRawAsync(past.Id, "Cancel", new(cancel)));
        Assert.Contains("est terminé", await PostRawAsync(past.Id, "Postpone", new() { ["PostponeNote"] = "Essai." }));
        Assert.Null((await client.GetDocumentAsync(Pilotage(past.Id))).QuerySelector("#cancel-form"));

        var (cancelled, _) = await EventWithRegistrantsAsync("Déjà annulée");
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, cancelled.Id, "#cancel-form", cancel)).StatusCode);
        Assert.Contains("définitive", await PostRawAsync(cancelled.Id, "Postpone", new() { ["PostponeNote"] = "Essai." }));
        Assert.Contains("définitive", await PostRawAsync(cancelled.Id, "Resume", new() { ["ResumeNote"] = "Essai." }));
        Assert.Equal(EventState.Cancelled, (await factory.EventViewAsync(Hdf, cancelled.Id)).State);
    }

    [Fact]
    public async Task A_message_goes_to_the_chosen_registrants_once_and_is_logged()
    {
        var (view, people) = await EventWithRegistrantsAsync("Journée message");
        var (_, client) = await CoordinatorAsync();
        var confirmedOnly = new Dictionary<string, string>
        {
            ["Subject"] = "Plan d'accès et déjeuner",
            ["Body"] = "Le déjeuner est servi dans la halle.\r\n\r\nPensez à votre badge.",
            ["Audience"] = "confirmes",
        };
        var form = Form(await client.GetDocumentAsync(Pilotage(view.Id)), "#message-form", confirmedOnly);
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, form)).StatusCode);
        Assert.Contains("2 personne(s)", (await client.GetDocumentAsync(Pilotage(view.Id))).QuerySelector("#notice")!.TextContent);
        var mail = Assert.Single(await factory.OutboxForAsync(people.French.Email));
        Assert.Equal($"{view.Item.Title} : Plan d'accès et déjeuner", mail.Subject);
        Assert.Contains("Le déjeuner est servi dans la halle.", mail.TextBody);
        Assert.Contains("<p>Pensez à votre badge.</p>", mail.HtmlBody);
        Assert.Contains($"The organisers of “{view.Item.Title}” write to you:", Assert.Single(await factory.OutboxForAsync(people.English.Email)).TextBody);
        Assert.Equal(0, await MailsToAsync(people.Waiting));

        // The same message again moments later (a double click, a replay) is not sent twice.
        Assert.Equal(HttpStatusCode.Redirect, (await PostAsync(client, form)).StatusCode);
        Assert.Contains("pas envoyé une seconde fois", (await client.GetDocumentAsync(Pilotage(view.Id))).QuerySelector("#notice")!.TextContent);
        Assert.Equal(1, await MailsToAsync(people.French));

        var everyone = new Dictionary<string, string>(confirmedOnly) { ["Subject"] = "Changement de salle", ["Audience"] = "tous" };
        Assert.Equal(HttpStatusCode.Redirect, (await SubmitAsync(client, view.Id, "#message-form", everyone)).StatusCode);
        Assert.Equal(2, await MailsToAsync(people.French));
        Assert.Equal(1, await MailsToAsync(people.Waiting));
        foreach (var left in people.Left) Assert.Equal(0, await MailsToAsync(left));
        var log = (await LogAsync(view.Id)).Where(e => e.Action == EventAuditActions.MessageSent).ToList();
        Assert.Equal(2, log.Count);
        Assert.Contains("« Changement de salle » envoyé à 3 personne(s)", log[1].Detail);
    }

    [Theory]
    [InlineData("", "Texte.", "confirmes", "subject")]
    [InlineData("Objet", "", "confirmes", "body")]
    [InlineData("Objet", "   \r\n ", "tous", "body")]
    [InlineData("LONG", "Texte.", "confirmes", "subject")]
    [InlineData("Objet", "LONG", "confirmes", "body")]
    [InlineData("Objet", "Texte.", "tout-le-monde", "audience")]
    public async Task A_message_with_bad_input_is_refused_and_nothing_is_sent(string subject, string body, string audience, string field)
    {
        var (view, people) = await EventWithRegistrantsAsync("Message refusé");
        var (_, client) = await CoordinatorAsync();
        var response = await SubmitAsync(client, view.Id, "#message-form", new Dictionary<string, string>
        {
            ["Subject"] = subject == "LONG" ? new string('o', EventCoordinatorDesk.SubjectMaxLength + 1) : subject,
            ["Body"] = body == "LONG" ? new string('m', EventCoordinatorDesk.BodyMaxLength + 1) : body,
            ["Audience"] = audience,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector($"#erreurs a[href='#{field}']"));
        Assert.NotNull(html.QuerySelector($"#{field}-messages .fr-message--error"));
        foreach (var person in people.Notified) Assert.Equal(0, await MailsToAsync(person));
        Assert.Empty(await LogAsync(view.Id));
    }

    [Fact]
    public async Task Other_regions_and_non_coordinators_cannot_act_on_an_event()
    {
        var (view, people) = await EventWithRegistrantsAsync("Journée protégée");
        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        var contributorToken = Token(await contributor.GetDocumentAsync("/hauts-de-france/admin/contenus"));
        var cancel = new Dictionary<string, string> { ["CancelNote"] = "Forgé.", ["ConfirmCancel"] = "true", ["Subject"] = "Forgé", ["Body"] = "Forgé", ["Audience"] = "tous" };
        foreach (var handler in new[] { "Cancel", "Postpone", "Message" })
        {
            var response = await contributor.PostAsync($"{Pilotage(view.Id)}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>(cancel) { ["__RequestVerificationToken"] = contributorToken, ["PostponeNote"] = "Forgé." }));
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.BadRequest, $"{handler}: {response.StatusCode}");
        }

        // A coordinator of another region posting this region's event id to their own site finds no such event.
        var (_, other) = await factory.SignedInWithRoleAsync(ShowcaseTestKit.Na, NetworkRoles.Coordinator);
        var token = Token(await other.GetDocumentAsync("/nouvelle-aquitaine/admin/evenements/nouveau"));
        foreach (var handler in new[] { "Cancel", "Postpone", "Message" })
        {
            var response = await other.PostAsync($"{Pilotage(view.Id, ShowcaseTestKit.Na)}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string>(cancel) { ["__RequestVerificationToken"] = token, ["PostponeNote"] = "Forgé." }));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        // Nor can they reach it through this region's address.
        Assert.True((await other.GetAsync(Pilotage(view.Id))).StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        foreach (var person in people.Notified) Assert.Equal(0, await MailsToAsync(person));
        Assert.Equal(EventState.Scheduled, (await factory.EventViewAsync(Hdf, view.Id)).State);
        Assert.Empty(await LogAsync(view.Id));
    }
}
