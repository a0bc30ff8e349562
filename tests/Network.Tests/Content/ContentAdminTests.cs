using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Content.Workflow;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;
using static Network.Tests.Content.ContentTestKit;

namespace Network.Tests.Content;

/// <summary>The content admin pages: list and queue, an item's workflow panel, bad input of every kind.</summary>
public sealed class ContentAdminTests(ContentWebFactory factory) : IClassFixture<ContentWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string Prefix = "/hauts-de-france";

    private TestNoteType Type => factory.Service<TestNoteType>();

    private async Task<ContentItem> CreateAsync(Person author, string title, string tenant = Region)
    {
        var result = await factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentStore>().CreateAsync(Type, Note(title), author.Actor()));
        Assert.True(result.Succeeded);
        return result.Item!;
    }

    private Task<ContentItem?> ReloadAsync(int id, string tenant = Region)
        => factory.InTenantAsync(tenant, sp => sp.GetRequiredService<ContentDbContext>().Items.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id));

    private static Task<HttpResponseMessage> ActAsync(HttpClient client, int id, string action, Dictionary<string, string>? fields = null)
        => client.SubmitFormAsync($"{Prefix}/admin/contenus/{id}", $"#action-{action.ToLowerInvariant()}", fields ?? new Dictionary<string, string>());

    private static async Task<IHtmlDocument> DocumentAsync(HttpResponseMessage response) => HtmlForms.Parse(await response.Content.ReadAsStringAsync());

    [Fact]
    public async Task Submit_reject_with_reason_resubmit_publish_through_the_pages()
    {
        var author = await factory.PersonAsync(Region, "Contributor", "Camille Contributrice");
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Dominique Coordinatrice");
        var other = await factory.PersonAsync(Region, "Contributor", "Alex Autre");
        var item = await CreateAsync(author, "Parcours complet " + Guid.NewGuid());
        var othersItem = await CreateAsync(other, "Le brouillon d'un autre " + Guid.NewGuid());
        var authorClient = await author.ClientAsync(factory);

        // The contributor sees only their own items, and may submit but not publish.
        var list = await authorClient.GetDocumentAsync($"{Prefix}/admin/contenus");
        Assert.NotNull(list.GetElementById($"item-{item.Id}"));
        Assert.Null(list.GetElementById($"item-{othersItem.Id}"));
        Assert.Null(list.GetElementById("moderation-queue"));
        Assert.NotNull(list.QuerySelector($"#new-content a[href='{Prefix}/admin/notes/nouveau']"));
        Assert.Equal(HttpStatusCode.NotFound, (await authorClient.GetAsync($"{Prefix}/admin/contenus/{othersItem.Id}")).StatusCode);
        var page = await authorClient.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        Assert.Equal("Brouillon", page.GetElementById("item-status")!.TextContent.Trim());
        Assert.Null(page.GetElementById("action-publish"));
        Assert.Null(page.GetElementById("action-reject"));

        var submitted = await ActAsync(authorClient, item.Id, "Submit");
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        Assert.Equal(ContentStatus.Submitted, (await ReloadAsync(item.Id))!.Status);

        // The coordinator finds it in the queue; a refusal without a reason is refused and changes nothing.
        var coordinatorClient = await coordinator.ClientAsync(factory);
        var queue = await coordinatorClient.GetDocumentAsync($"{Prefix}/admin/contenus");
        Assert.NotNull(queue.QuerySelector($"#moderation-queue a[href='{Prefix}/admin/contenus/{item.Id}']"));
        var noReason = await ActAsync(coordinatorClient, item.Id, "Reject", new() { ["Reason"] = "   " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var refused = await DocumentAsync(noReason);
        Assert.Equal("reject-reason-messages", refused.GetElementById("reject-reason")!.GetAttribute("aria-describedby"));
        Assert.Contains("Indiquez la raison du refus", refused.GetElementById("reject-reason-messages")!.TextContent);
        Assert.Equal(ContentStatus.Submitted, (await ReloadAsync(item.Id))!.Status);

        var rejected = await ActAsync(coordinatorClient, item.Id, "Reject", new() { ["Reason"] = "Précisez le budget <b>total</b>." });
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        page = await authorClient.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        Assert.Equal("Refusé", page.GetElementById("item-status")!.TextContent.Trim());
        Assert.Equal("Précisez le budget <b>total</b>.", page.QuerySelector("#rejection-reason p")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(authorClient, item.Id, "Submit")).StatusCode);
        var published = await ActAsync(coordinatorClient, item.Id, "Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        page = await coordinatorClient.GetDocumentAsync(published.Headers.Location!.OriginalString);
        Assert.Contains("est publié", page.GetElementById("content-status")!.TextContent);
        var stored = (await ReloadAsync(item.Id))!;
        Assert.Equal(ContentStatus.Published, stored.Status);
        Assert.Equal($"{Prefix}/notes/{stored.Slug}", page.GetElementById("public-link")!.GetAttribute("href"));
        Assert.NotNull(page.GetElementById("feature-form"));

        // Mails: the coordinator for each submission, the author for the refusal (with its reason) and the publication.
        await factory.DrainAsync(Region);
        var toCoordinator = await factory.OutboxForAsync(coordinator.Email);
        Assert.Equal(2, toCoordinator.Count(m => m.Subject.Contains(item.Title)));
        Assert.Contains($"/admin/contenus/{item.Id}", toCoordinator[0].TextBody);
        var toAuthor = await factory.OutboxForAsync(author.Email);
        Assert.Contains(toAuthor, m => m.Subject.Contains("doit être revu") && m.TextBody.Contains("Précisez le budget <b>total</b>.") && m.HtmlBody.Contains("&lt;b&gt;total&lt;/b&gt;"));
        Assert.Contains(toAuthor, m => m.Subject.Contains("est publié") && m.TextBody.Contains($"/notes/{stored.Slug}"));
        // Nobody is told of their own action, and other contributors hear nothing.
        Assert.DoesNotContain(toAuthor, m => m.Subject.StartsWith("À relire"));
        Assert.Empty(await factory.OutboxForAsync(other.Email));
    }

    [Fact]
    public async Task A_stale_form_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Claude Coord");
        var item = await CreateAsync(coordinator, "Concurrence " + Guid.NewGuid());
        var client = await coordinator.ClientAsync(factory);
        var page = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        var form = (IHtmlFormElement)page.GetElementById("action-publish")!;
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

        // Someone saves the item in between.
        await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>().SaveAsync(item.Id, item.Version, Note(item.Title, "autre texte"), coordinator.Actor()));
        var response = await client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("version", item.Version.ToString()), new("action", "Publish")]));
        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var document = await DocumentAsync(response);
        Assert.Contains("modifié par quelqu'un d'autre", document.GetElementById("content-conflict")!.TextContent);
        var stored = (await ReloadAsync(item.Id))!;
        Assert.Equal(ContentStatus.Draft, stored.Status);
        Assert.Contains("autre texte", stored.FieldsJson);
        // The page now offers the current version.
        Assert.Equal(stored.Version.ToString(), document.QuerySelector("#action-publish input[name=version]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task A_double_submit_acts_once()
    {
        var author = await factory.PersonAsync(Region, "Contributor", "Double Clic");
        var item = await CreateAsync(author, "Double envoi " + Guid.NewGuid());
        var client = await author.ClientAsync(factory);
        var page = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        var form = (IHtmlFormElement)page.GetElementById("action-submit")!;
        var values = form.QuerySelectorAll("input[type=hidden]").OfType<IHtmlInputElement>().Select(i => new KeyValuePair<string, string>(i.Name!, i.Value)).ToList();
        var responses = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => client.PostAsync(form.GetAttribute("action"), new FormUrlEncodedContent(values))));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Redirect);
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.Redirect), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        var history = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>().HistoryAsync(item.Id));
        Assert.Single(history, r => r.Action == "submit");
    }

    [Fact]
    public async Task Wrong_types_unknown_actions_and_forged_ids_change_nothing()
    {
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Sam Coord");
        var item = await CreateAsync(coordinator, "Entrées invalides " + Guid.NewGuid());
        var client = await coordinator.ClientAsync(factory);
        var page = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var url = $"{Prefix}/admin/contenus/{item.Id}?handler=Action";

        async Task<HttpResponseMessage> PostAsync(string target, params (string, string)[] fields)
            => await client.PostAsync(target, new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2)).Append(new("__RequestVerificationToken", token))));

        foreach (var (version, action) in new[] { ("abc", "Publish"), ("", "Publish"), (item.Version.ToString(), "Bogus"), (item.Version.ToString(), "3"), (item.Version.ToString(), "Restore"), (item.Version.ToString(), "") })
        {
            var response = await PostAsync(url, ("version", version), ("action", action));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("La demande n'est pas valide", (await DocumentAsync(response)).GetElementById("content-error")!.TextContent);
        }
        var feature = await PostAsync($"{Prefix}/admin/contenus/{item.Id}?handler=Feature", ("version", item.Version.ToString()), ("featured", "peut-être"));
        Assert.Equal(HttpStatusCode.BadRequest, feature.StatusCode);
        // Featuring a draft is refused with the store's message.
        feature = await PostAsync($"{Prefix}/admin/contenus/{item.Id}?handler=Feature", ("version", item.Version.ToString()), ("featured", "true"));
        Assert.Equal(HttpStatusCode.BadRequest, feature.StatusCode);
        // No token: refused by antiforgery.
        var noToken = await client.PostAsync(url, new FormUrlEncodedContent([new("version", item.Version.ToString()), new("action", "Publish")]));
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        var stored = (await ReloadAsync(item.Id))!;
        Assert.Equal((ContentStatus.Draft, item.Version, false), (stored.Status, stored.Version, stored.Featured));

        // An id of the other region's database is not an item here (ids are per tenant database).
        var elsewhere = await factory.PersonAsync("nouvelle-aquitaine", "Coordinator", "Coord NA");
        var maxHere = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.MaxAsync(i => i.Id));
        ContentItem foreign;
        do foreign = await CreateAsync(elsewhere, "Ailleurs " + Guid.NewGuid(), "nouvelle-aquitaine");
        while (foreign.Id <= maxHere + 5);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Prefix}/admin/contenus/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await PostAsync($"{Prefix}/admin/contenus/{foreign.Id}?handler=Action", ("version", foreign.Version.ToString()), ("action", "Publish"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Prefix}/admin/contenus/{foreign.Id}/historique")).StatusCode);
        Assert.Equal(ContentStatus.Draft, (await ReloadAsync(foreign.Id, "nouvelle-aquitaine"))!.Status);
        // And this region's coordinator has no rights over there at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/nouvelle-aquitaine/admin/contenus/{foreign.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/nouvelle-aquitaine/admin/contenus")).StatusCode);
    }

    [Fact]
    public async Task Roles_per_tenant_visitors_members_and_contributors_of_another_region()
    {
        var contributor = await factory.PersonAsync(Region, "Contributor", "Contributeur HDF");
        var member = await factory.PersonAsync(Region, "Member", "Simple membre");
        var item = await CreateAsync(contributor, "Droits " + Guid.NewGuid());
        var contributorClient = await contributor.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await contributorClient.GetAsync($"{Prefix}/admin/contenus")).StatusCode);
        // The contributor of Hauts-de-France is nobody in Nouvelle-Aquitaine.
        Assert.Equal(HttpStatusCode.Forbidden, (await contributorClient.GetAsync("/nouvelle-aquitaine/admin/contenus")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributorClient.GetAsync($"/nouvelle-aquitaine/admin/contenus/{item.Id}")).StatusCode);
        var actorThere = await factory.InTenantAsync("nouvelle-aquitaine", async sp =>
        {
            var principal = await sp.GetRequiredService<Microsoft.AspNetCore.Identity.SignInManager<Network.Modules.Accounts.Data.NetworkUser>>().CreateUserPrincipalAsync(contributor.User);
            return await sp.GetRequiredService<ContentActors>().ForAsync(principal);
        });
        Assert.False(actorThere.CanContribute || actorThere.CanModerate);
        // Coordinator pages are closed to contributors; members and visitors see nothing.
        foreach (var path in new[] { $"/admin/contenus/{item.Id}/historique", "/admin/contenus/parametres", "/admin/vocabulaires" })
            Assert.Equal(HttpStatusCode.Forbidden, (await contributorClient.GetAsync(Prefix + path)).StatusCode);
        var memberClient = await member.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync($"{Prefix}/admin/contenus")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await memberClient.GetAsync($"{Prefix}/admin/contenus/{item.Id}")).StatusCode);
        var visitor = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"{Prefix}/admin/contenus")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await visitor.GetAsync($"{Prefix}/admin/contenus/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task Scheduling_takes_a_paris_date_and_time_and_checks_them()
    {
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Horloge Coord");
        var item = await CreateAsync(coordinator, "Programmé " + Guid.NewGuid());
        var client = await coordinator.ClientAsync(factory);

        var bad = await ActAsync(client, item.Id, "Schedule", new() { ["PublishDate"] = "31/12/2030", ["PublishTime"] = "14:30" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var document = await DocumentAsync(bad);
        Assert.Contains("La date n'est pas valide", document.GetElementById("schedule-date-messages")!.TextContent);
        Assert.Equal("31/12/2030", document.GetElementById("schedule-date")!.GetAttribute("value"));
        var past = await ActAsync(client, item.Id, "Schedule", new() { ["PublishDate"] = "2020-01-01", ["PublishTime"] = "10:00" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.Contains("dans le futur", (await DocumentAsync(past)).GetElementById("schedule-date-messages")!.TextContent);
        var gap = await ActAsync(client, item.Id, "Schedule", new() { ["PublishDate"] = "2031-03-30", ["PublishTime"] = "02:30" });
        Assert.Equal(HttpStatusCode.BadRequest, gap.StatusCode);
        Assert.Equal(ContentStatus.Draft, (await ReloadAsync(item.Id))!.Status);

        // 15 June 2030, 14:30 in Paris is 12:30 UTC (summer time); 15 January, 09:00 is 08:00 UTC.
        var ok = await ActAsync(client, item.Id, "Schedule", new() { ["PublishDate"] = "2030-06-15", ["PublishTime"] = "14:30" });
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var stored = (await ReloadAsync(item.Id))!;
        Assert.Equal(ContentStatus.Scheduled, stored.Status);
        Assert.Equal(new DateTime(2030, 6, 15, 12, 30, 0, DateTimeKind.Utc), stored.PublishedUtc);
        var page = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}");
        Assert.Contains("15/06/2030 14:30", page.GetElementById("scheduled-at")!.TextContent);
        Assert.Contains("heure de Paris", page.GetElementById("scheduled-at")!.TextContent);
        Assert.Equal("2030-06-15T14:30+02:00", page.QuerySelector("#scheduled-at time")!.GetAttribute("datetime"));
        Assert.Equal(HttpStatusCode.Redirect, (await ActAsync(client, item.Id, "Schedule", new() { ["PublishDate"] = "2031-01-15", ["PublishTime"] = "09:00" })).StatusCode);
        Assert.Equal(new DateTime(2031, 1, 15, 8, 0, 0, DateTimeKind.Utc), (await ReloadAsync(item.Id))!.PublishedUtc);
    }

    [Fact]
    public async Task History_compares_two_revisions_field_by_field_and_restores_one()
    {
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Historienne");
        var item = (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>().CreateAsync(Type, Note("Histoire " + Guid.NewGuid(), "premier texte", tags: ["musees"]), coordinator.Actor()))).Item!;
        item = (await factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentStore>().SaveAsync(item.Id, item.Version, Note(item.Title, "second texte", tags: ["musees", "archives"]), coordinator.Actor()))).Item!;
        var client = await coordinator.ClientAsync(factory);

        var history = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}/historique");
        Assert.Equal(2, history.QuerySelectorAll("#revisions tbody tr").Length);
        Assert.Equal("Création", history.QuerySelector("#revision-1 td:nth-of-type(3)")!.TextContent.Trim());
        Assert.Equal("Historienne", history.QuerySelector("#revision-2 td:nth-of-type(4)")!.TextContent.Trim());

        var compare = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}/historique?de=2&a=1");
        var rows = compare.QuerySelectorAll("#comparison tbody tr").ToDictionary(r => r.GetAttribute("data-field")!);
        Assert.Contains("Texte", rows["fields.body"].QuerySelector("th")!.TextContent);
        Assert.Equal("Modifié", rows["fields.body"].QuerySelector(".fr-badge")!.TextContent.Trim());
        Assert.Equal("premier texte", rows["fields.body"].QuerySelector("td del")!.TextContent);
        Assert.Equal("second texte", rows["fields.body"].QuerySelector("td ins")!.TextContent);
        Assert.Contains("Étiquettes", rows["fields.tags"].QuerySelector("th")!.TextContent);
        Assert.Equal("musees ; archives", rows["fields.tags"].QuerySelectorAll("td")[1].TextContent.Trim());
        Assert.Null(rows["title"].QuerySelector(".fr-badge"));
        Assert.Contains("2 champs diffèrent", compare.GetElementById("comparison-summary")!.TextContent);

        var unknown = await client.GetAsync($"{Prefix}/admin/contenus/{item.Id}/historique?de=1&a=99");
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync($"{Prefix}/admin/contenus/{item.Id}/historique?de=x&a=1")).StatusCode);

        var restored = await client.SubmitFormAsync($"{Prefix}/admin/contenus/{item.Id}/historique", "#restore-1", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        var stored = (await ReloadAsync(item.Id))!;
        Assert.Contains("premier texte", stored.FieldsJson);
        history = await client.GetDocumentAsync($"{Prefix}/admin/contenus/{item.Id}/historique");
        Assert.Equal("Rétablissement d'une version", history.QuerySelector("#revision-3 td:nth-of-type(3)")!.TextContent.Trim());

        // A restore posted from an outdated page is refused.
        var stale = await client.PostAsync($"{Prefix}/admin/contenus/{item.Id}/historique?handler=Restore", new FormUrlEncodedContent(
            [new("__RequestVerificationToken", history.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), new("version", item.Version.ToString()), new("number", "2")]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("premier texte", (await ReloadAsync(item.Id))!.FieldsJson);
    }

    [Fact]
    public async Task Self_publishing_lets_contributors_publish_their_own_items()
    {
        var coordinator = await factory.PersonAsync("nouvelle-aquitaine", "Coordinator", "Coord NA");
        var author = await factory.PersonAsync("nouvelle-aquitaine", "Contributor", "Autrice NA");
        var item = await CreateAsync(author, "Autopublication " + Guid.NewGuid(), "nouvelle-aquitaine");
        var authorClient = await author.ClientAsync(factory);
        Assert.Null((await authorClient.GetDocumentAsync($"/nouvelle-aquitaine/admin/contenus/{item.Id}")).GetElementById("action-publish"));

        var coordinatorClient = await coordinator.ClientAsync(factory);
        var on = await coordinatorClient.SubmitFormAsync("/nouvelle-aquitaine/admin/contenus/parametres", "#settings-form", new Dictionary<string, string> { ["allowSelfPublishing"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, on.StatusCode);

        var page = await authorClient.GetDocumentAsync($"/nouvelle-aquitaine/admin/contenus/{item.Id}");
        Assert.NotNull(page.GetElementById("action-publish"));
        Assert.Null(page.GetElementById("action-reject"));
        Assert.Equal(HttpStatusCode.Redirect, (await authorClient.SubmitFormAsync($"/nouvelle-aquitaine/admin/contenus/{item.Id}", "#action-publish", new Dictionary<string, string>())).StatusCode);
        Assert.Equal(ContentStatus.Published, (await ReloadAsync(item.Id, "nouvelle-aquitaine"))!.Status);
        // Only in that region: Hauts-de-France still moderates.
        var hdf = await factory.PersonAsync(Region, "Contributor", "Contributeur HDF");
        var hdfItem = await CreateAsync(hdf, "Modéré " + Guid.NewGuid());
        Assert.Null((await (await hdf.ClientAsync(factory)).GetDocumentAsync($"{Prefix}/admin/contenus/{hdfItem.Id}")).GetElementById("action-publish"));

        // A settings form shown before someone else's change is refused; off again.
        var settings = await coordinatorClient.GetDocumentAsync("/nouvelle-aquitaine/admin/contenus/parametres");
        Assert.Equal("true", settings.QuerySelector("input[name=previous]")!.GetAttribute("value"));
        var token = settings.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var stale = await coordinatorClient.PostAsync("/nouvelle-aquitaine/admin/contenus/parametres", new FormUrlEncodedContent([new("__RequestVerificationToken", token), new("previous", "false")]));
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var off = await coordinatorClient.SubmitFormAsync("/nouvelle-aquitaine/admin/contenus/parametres", "#settings-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, off.StatusCode);
        Assert.Null((await authorClient.GetDocumentAsync($"/nouvelle-aquitaine/admin/contenus/{item.Id}")).GetElementById("action-archive"));
    }

    [Fact]
    public async Task Coordinators_have_the_menu_entries_and_the_filters_work()
    {
        var coordinator = await factory.PersonAsync(Region, "Coordinator", "Menu Coord");
        var item = await CreateAsync(coordinator, "Filtré " + Guid.NewGuid());
        var client = await coordinator.ClientAsync(factory);
        var admin = await client.GetDocumentAsync($"{Prefix}/admin");
        var menu = admin.QuerySelectorAll(".fr-sidemenu a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains($"{Prefix}/admin/contenus", menu);
        Assert.Contains($"{Prefix}/admin/vocabulaires", menu);
        Assert.Contains($"{Prefix}/admin/contenus/parametres", menu);

        var drafts = await client.GetDocumentAsync($"{Prefix}/admin/contenus?type=test-note&statut=brouillon");
        Assert.NotNull(drafts.GetElementById($"item-{item.Id}"));
        var publishedOnly = await client.GetDocumentAsync($"{Prefix}/admin/contenus?statut=publie");
        Assert.Null(publishedOnly.GetElementById($"item-{item.Id}"));
        // Unknown filter values are ignored, not an error.
        var odd = await client.GetAsync($"{Prefix}/admin/contenus?type=%3Cscript%3E&statut=x&p=-4");
        Assert.Equal(HttpStatusCode.OK, odd.StatusCode);
        Assert.DoesNotContain("<script>", await odd.Content.ReadAsStringAsync());
    }
}
