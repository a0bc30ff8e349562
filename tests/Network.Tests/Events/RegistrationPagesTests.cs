using System.Net;
using Network.Core.Security;
using Network.Modules.Events.Data;
using Network.Modules.Events.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Showcases;

namespace Network.Tests.Events;

/// <summary>The registration form, the personal link and "Mes inscriptions" through the HTTP pipeline.</summary>
public sealed class RegistrationPagesTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    private static string Unique(string title) => $"{title} {Guid.NewGuid():N}"[..(title.Length + 9)];

    [Fact]
    public async Task A_guest_registers_confirms_the_address_through_the_mailed_link_and_gets_the_confirmation_with_the_calendar()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée invité"));
        var client = factory.CreateBrowserClient();
        var form = await client.GetDocumentAsync(EventsTestKit.FormPath(Region, view));
        Assert.NotNull(form.QuerySelector("#information-donnees"));
        Assert.Contains("Pour adapter l'accueil et les salles.", form.QuerySelector("#inscription")!.TextContent);
        Assert.NotNull(form.QuerySelector("input[name='Input.Workshops'][value='atelier-3d']"));
        Assert.Contains("20 place(s) restante(s)", form.QuerySelector("#inscription")!.TextContent);

        var email = EventsTestKit.NewEmail("guest");
        var response = await client.PostRegistrationAsync(Region, view, ("Input.FullName", "Théo Invité"), ("Input.Email", email),
            ("Input.Workshops", "atelier-3d"), ("Input.Answers[regime]", "Végétarien"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("verification", page.QuerySelector("#inscription-resultat")!.GetAttribute("data-statut"));
        var registration = Assert.Single(await factory.RegistrationsAsync(Region, view.Id));
        Assert.Null(registration.AddressVerifiedUtc);
        Assert.NotNull(registration.VerifyByUtc);
        Assert.Contains("Végétarien", registration.AnswersJson);

        var verification = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == email)));
        Assert.StartsWith("Confirmez votre inscription", verification.Subject);
        var link = LinkIn(verification.TextBody);
        // The link was never shown on the page: only the mailbox has it.
        Assert.DoesNotContain(link, await response.Content.ReadAsStringAsync());

        var personal = await client.GetAsync($"/{Region}{link}");
        Assert.Equal(HttpStatusCode.OK, personal.StatusCode);
        var personalPage = HtmlForms.Parse(await personal.Content.ReadAsStringAsync());
        Assert.Equal("confirmed", personalPage.QuerySelector(".inscription-details")!.GetAttribute("data-statut"));
        Assert.NotNull((await factory.StoredRegistrationAsync(Region, registration.Id)).AddressVerifiedUtc);
        var confirmation = (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == email))).Last();
        Assert.StartsWith("Inscription confirmée", confirmation.Subject);
        Assert.Contains(link, confirmation.TextBody);
        // Opening it again verifies nothing more and sends nothing more.
        await client.GetAsync($"/{Region}{link}");
        Assert.Equal(2, (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == email))).Count);
    }

    [Fact]
    public async Task Through_the_personal_link_one_changes_workshops_and_cancels_and_the_seats_follow()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée lien"), workshopCapacity: 5);
        var result = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Ursule Lien", EventsTestKit.NewEmail(), "atelier-3d"));
        var path = $"/{Region}{RegistrationTokens.PathOf(result.Token!)}";
        var client = factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync(path);

        // Overlapping choice: refused, nothing changed.
        var refused = await client.PostAsync(path + "?handler=Workshops", new FormUrlEncodedContent(HtmlForms.FormValues(page, "#changer-ateliers",
            new Dictionary<string, string> { ["Input.Workshops"] = "atelier-son" }).Append(new("Input.Workshops", "atelier-3d"))));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("en même temps", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#erreurs")!.TextContent);
        Assert.Equal("atelier-3d", Assert.Single(await factory.ChoicesAsync(Region, result.Registration!.Id)).SessionKey);

        var changed = await client.PostAsync(path + "?handler=Workshops", new FormUrlEncodedContent(HtmlForms.FormValues(page, "#changer-ateliers",
            new Dictionary<string, string> { ["Input.Workshops"] = "atelier-son" })));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("atelier-son", Assert.Single(await factory.ChoicesAsync(Region, result.Registration.Id)).SessionKey);
        var seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal((0, 1), (seats["atelier-3d"], seats["atelier-son"]));

        // Without the antiforgery token nothing happens.
        var forged = await factory.CreateBrowserClient().PostAsync(path + "?handler=Cancel", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, result.Registration.Id)).Status);

        page = await client.GetDocumentAsync(path);
        var cancelled = await client.PostAsync(path + "?handler=Cancel", new FormUrlEncodedContent(HtmlForms.FormValues(page, "#annuler")));
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(RegistrationStatus.Cancelled, (await factory.StoredRegistrationAsync(Region, result.Registration.Id)).Status);
        seats = await factory.SeatsTakenAsync(Region, view.Id);
        Assert.Equal((0, 0), (seats[""], seats["atelier-son"]));
        var after = await client.GetDocumentAsync(cancelled.Headers.Location!.OriginalString);
        Assert.NotNull(after.QuerySelector("#annulation-faite"));
        Assert.Null(after.QuerySelector("#annuler"));
    }

    [Fact]
    public async Task Forged_malformed_and_other_tenants_links_answer_404_with_a_clear_message()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée jetons"));
        var result = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Victor Jeton", EventsTestKit.NewEmail()));
        var client = factory.CreateBrowserClient();
        var forged = RegistrationTokens.New().Token;
        foreach (var path in new[]
                 {
                     $"/{Region}/evenements/inscription/{forged}",
                     $"/{Region}/evenements/inscription/trop-court",
                     $"/{Region}/evenements/inscription/{result.Token![..^1]}{(result.Token[^1] == 'A' ? 'B' : 'A')}",
                     $"/nouvelle-aquitaine/evenements/inscription/{result.Token}",
                 })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Contains("ne correspond à aucune inscription", HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#lien-invalide")!.TextContent);
        }
        // A forged link cannot cancel either.
        var page = await client.GetDocumentAsync($"/{Region}{RegistrationTokens.PathOf(result.Token)}");
        var values = HtmlForms.FormValues(page, "#annuler");
        var post = await client.PostAsync($"/{Region}/evenements/inscription/{forged}?handler=Cancel", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, result.Registration!.Id)).Status);
    }

    [Fact]
    public async Task A_signed_in_member_registers_with_the_account_and_a_double_submit_changes_nothing()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée membre"));
        var person = await factory.PersonAsync(Region, NetworkRoles.Member, "Wanda Membre");
        var client = await person.ClientAsync(factory);
        var form = await client.GetDocumentAsync(EventsTestKit.FormPath(Region, view));
        Assert.Equal("Wanda Membre", (form.QuerySelector("#input-fullname") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.Null(form.QuerySelector("#input-email"));

        var values = HtmlForms.FormValues(form, "#inscription", new Dictionary<string, string> { ["Input.Workshops"] = "atelier-ia" });
        var first = await client.PostAsync(EventsTestKit.FormPath(Region, view), new FormUrlEncodedContent(values));
        var second = await client.PostAsync(EventsTestKit.FormPath(Region, view), new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("confirmee", HtmlForms.Parse(await first.Content.ReadAsStringAsync()).QuerySelector("#inscription-resultat")!.GetAttribute("data-statut"));
        Assert.Equal("deja-inscrit", HtmlForms.Parse(await second.Content.ReadAsStringAsync()).QuerySelector("#inscription-resultat")!.GetAttribute("data-statut"));
        var row = Assert.Single(await factory.RegistrationsAsync(Region, view.Id));
        Assert.Equal((person.User.Id, person.Email), (row.UserId, row.Email));
        Assert.NotNull(row.AddressVerifiedUtc);
        Assert.Equal(1, (await factory.SeatsTakenAsync(Region, view.Id))[""]);

        var mine = await client.GetDocumentAsync($"/{Region}/compte/inscriptions");
        Assert.Contains(view.Item.Title, mine.QuerySelector($"#inscription-{row.Id}")!.TextContent);
    }

    [Fact]
    public async Task The_form_lists_its_errors_and_keeps_what_was_typed()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée erreurs"));
        var client = factory.CreateBrowserClient();
        var response = await client.PostRegistrationAsync(Region, view, ("Input.FullName", ""), ("Input.Email", "pas-une-adresse"), ("Input.Organisation", "Médiathèque"),
            ("Input.Workshops", "atelier-3d"), ("Input.Workshops", "atelier-son"), ("Input.Answers[accessibilite]", new string('a', 600)));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var summary = page.QuerySelector("#erreurs")!.TextContent;
        Assert.Contains("Indiquez vos prénom et nom", summary);
        Assert.Contains("adresse électronique valide", summary);
        Assert.Contains("en même temps", summary);
        Assert.Contains("500 caractères au plus", summary);
        Assert.Equal("Médiathèque", (page.QuerySelector("#input-organisation") as AngleSharp.Html.Dom.IHtmlInputElement)!.Value);
        Assert.True((page.QuerySelector("#atelier-atelier-3d") as AngleSharp.Html.Dom.IHtmlInputElement)!.IsChecked);
        Assert.NotNull(page.QuerySelector("#input-email[aria-invalid=true]"));
        Assert.Empty(await factory.RegistrationsAsync(Region, view.Id));

        // Unknown events, another tenant's event: 404.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}/evenements/inconnu-{Guid.NewGuid():N}/inscription")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/nouvelle-aquitaine/evenements/{view.Item.Slug}/inscription")).StatusCode);
    }

    [Fact]
    public async Task Another_member_can_neither_see_nor_cancel_nor_delete_someone_elses_registration()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée privée"));
        var owner = await factory.PersonAsync(Region, NetworkRoles.Member, "Xavier Titulaire");
        var result = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Xavier Titulaire", ""), new Registrant(owner.User.Id, owner.Email));
        var (_, intruder) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var list = await intruder.GetDocumentAsync($"/{Region}/compte/inscriptions");
        Assert.NotNull(list.QuerySelector("#aucune-inscription"));
        Assert.DoesNotContain(view.Item.Title, list.Body!.TextContent);

        var token = list.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value")
            ?? (await intruder.GetDocumentAsync($"/{Region}/compte")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        foreach (var handler in new[] { "Cancel", "Delete", "Workshops" })
        {
            var response = await intruder.PostAsync($"/{Region}/compte/inscriptions?handler={handler}",
                new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("id", result.Registration!.Id.ToString())]));
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        var row = await factory.StoredRegistrationAsync(Region, result.Registration!.Id);
        Assert.Equal((RegistrationStatus.Confirmed, owner.Email), (row.Status, row.Email));
        // Not signed in: to the sign-in page.
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync($"/{Region}/compte/inscriptions")).StatusCode);
    }

    [Fact]
    public async Task Deleting_from_the_account_cancels_promotes_and_removes_the_personal_data()
    {
        var view = await factory.CreateOpenEventAsync(Region, Unique("Journée effacement"), capacity: 1);
        var owner = await factory.PersonAsync(Region, NetworkRoles.Member, "Yasmine Efface");
        var mine = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Yasmine Efface", "", "atelier-ia"), new Registrant(owner.User.Id, owner.Email));
        var waiting = await factory.RegisterAsync(Region, view.Id, EventsTestKit.Request("Zoé Suivante", EventsTestKit.NewEmail()));
        var client = await owner.ClientAsync(factory);
        var page = await client.GetDocumentAsync($"/{Region}/compte/inscriptions");
        var response = await client.PostAsync($"/{Region}/compte/inscriptions?handler=Delete",
            new FormUrlEncodedContent(HtmlForms.FormValues(page, $"#inscription-{mine.Registration!.Id} form.supprimer")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await factory.StoredRegistrationAsync(Region, mine.Registration.Id);
        Assert.Equal(RegistrationStatus.Cancelled, row.Status);
        // The same placeholders as the retention job's.
        Assert.Equal((RegistrationRetention.AnonymousEmail(row.Id), RegistrationRetention.AnonymousName, null, "{}"), (row.Email, row.FullName, row.UserId, row.AnswersJson));
        Assert.NotNull(row.AnonymisedUtc);
        Assert.Equal(RegistrationStatus.Confirmed, (await factory.StoredRegistrationAsync(Region, waiting.Registration!.Id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Region}{RegistrationTokens.PathOf(mine.Token!)}")).StatusCode);
        Assert.NotNull((await client.GetDocumentAsync($"/{Region}/compte/inscriptions")).QuerySelector("#aucune-inscription"));
    }

    [Fact]
    public void Every_string_of_the_registration_pages_is_translated()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Network.sln"))) root = root.Parent;
        var pages = Path.Combine(root!.FullName, "src", "Network.Modules", "Network.Modules.Events", "Pages");
        var views = new[] { "Evenements/Inscription.cshtml", "Evenements/InscriptionPersonnelle.cshtml", "Compte/Inscriptions.cshtml",
            "Shared/_RegistrationDetails.cshtml", "Shared/_RegistrationPrivacyNotice.cshtml", "Shared/_WorkshopChoices.cshtml" };
        var catalog = factory.Service<Network.Core.Localization.LocalizationCatalog>();
        var english = System.Globalization.CultureInfo.GetCultureInfo("en");
        var missing = views.SelectMany(v => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(Path.Combine(pages, v)), @"T\[""((?:[^""\\]|\\.)+)""")
                .Select(m => (v, key: m.Groups[1].Value)))
            .Where(x => catalog.Translate(x.key, english) is null).Select(x => $"{x.v}: {x.key}").Distinct().ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    /// <summary>The personal link in a mail's text body ("/evenements/inscription/…", tenant prefix removed).</summary>
    public static string LinkIn(string text)
    {
        var match = System.Text.RegularExpressions.Regex.Match(text, "/evenements/inscription/[A-Za-z0-9_-]{43}");
        Assert.True(match.Success, "no personal link in the mail");
        return match.Value;
    }
}
