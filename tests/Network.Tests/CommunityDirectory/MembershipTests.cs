using System.Net;
using Network.Modules.Directory.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using static Network.Tests.CommunityDirectory.DirectoryTestKit;

namespace Network.Tests.CommunityDirectory;

/// <summary>Join requests: asked by members, answered by the organisation's administrators and the coordinators, with mails.</summary>
public sealed class MembershipTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static Task<HttpResponseMessage> DecideAsync(HttpClient client, string slug, int membershipId, string decision, bool asAdmin = false, string tenant = Hdf)
        => client.SubmitFormAsync($"/{tenant}/annuaire/{slug}/adhesions", $"#decision-{membershipId}", new Dictionary<string, string>
        {
            ["membershipId"] = membershipId.ToString(), ["decision"] = decision, ["asAdmin"] = asAdmin ? "true" : "false",
        });

    [Fact]
    public async Task A_member_asks_to_join_a_coordinator_accepts_as_administrator_who_then_refuses_another()
    {
        var organisation = await factory.OrganisationAsync(Hdf, Unique("Musée d'adhésion"));
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Claude Coordinatrice");
        var alice = await factory.PersonAsync(Hdf, "Member", "Alice Membre");
        var bob = await factory.PersonAsync(Hdf, "Member", "Bob Membre");
        var aliceClient = await alice.ClientAsync(factory);
        var page = $"/{Hdf}/annuaire/{organisation.Slug}";

        var joinPage = await aliceClient.GetDocumentAsync(page);
        var join = HtmlForms.FormValues(joinPage, "#demande-adhesion", new Dictionary<string, string> { ["Note"] = "Responsable des collections" });
        var asked = await aliceClient.PostAsync(page + "?handler=Join", new FormUrlEncodedContent(join));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        // A duplicate submit makes no second request.
        Assert.Equal(HttpStatusCode.Redirect, (await aliceClient.PostAsync(page + "?handler=Join", new FormUrlEncodedContent(join))).StatusCode);
        var requests = await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.OrganisationId == organisation.Id));
        var request = Assert.Single(requests);
        Assert.Equal(MembershipStatus.Pending, request.Status);
        Assert.Contains("attend la réponse", (await aliceClient.GetDocumentAsync(page)).QuerySelector("#etat-adhesion")!.TextContent);
        var notice = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == coordinator.Email && m.Subject.Contains(organisation.Title))));
        Assert.Contains("Alice Membre", notice.TextBody);

        // Bob, a plain member, may neither see nor answer the requests.
        var bobClient = await bob.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.Forbidden, (await bobClient.GetAsync(page + "/adhesions")).StatusCode);
        var coordinatorClient = await coordinator.ClientAsync(factory);
        var accepted = await DecideAsync(coordinatorClient, organisation.Slug, request.Id, "accepter", asAdmin: true);
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var stored = Assert.Single(await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.Id == request.Id)));
        Assert.Equal(MembershipStatus.Accepted, stored.Status);
        Assert.True(stored.IsAdmin);
        Assert.Contains(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == alice.Email)), m => m.Subject.StartsWith("Vous avez rejoint"));
        // Answering twice changes nothing.
        var again = await coordinatorClient.PostAsync(page + "/adhesions", new FormUrlEncodedContent(
            [new("membershipId", request.Id.ToString()), new("decision", "refuser"), new("__RequestVerificationToken", AntiforgeryFrom(await coordinatorClient.GetDocumentAsync(page)))]));
        Assert.Contains("fait=deja", again.Headers.Location!.OriginalString);
        Assert.Equal(MembershipStatus.Accepted, (await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.Id == request.Id)))[0].Status);

        // Alice now administers the organisation: she refuses Bob's request.
        await bobClient.SubmitFormAsync(page, "#demande-adhesion", new Dictionary<string, string> { ["Note"] = "" });
        var bobRequest = (await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.OrganisationId == organisation.Id && m.Status == MembershipStatus.Pending))).Single();
        Assert.Equal(HttpStatusCode.Redirect, (await DecideAsync(aliceClient, organisation.Slug, bobRequest.Id, "refuser")).StatusCode);
        Assert.Equal(MembershipStatus.Refused, (await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.Id == bobRequest.Id)))[0].Status);
    }

    [Fact]
    public async Task Forged_ids_of_another_organisation_or_another_tenant_are_not_found()
    {
        var mine = await factory.OrganisationAsync(Hdf, Unique("Organisation administrée"));
        var other = await factory.OrganisationAsync(Hdf, Unique("Autre organisation"));
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Claude Coordinatrice");
        var member = await factory.PersonAsync(Hdf, "Member", "Camille Membre");
        await (await member.ClientAsync(factory)).SubmitFormAsync($"/{Hdf}/annuaire/{other.Slug}", "#demande-adhesion", new Dictionary<string, string>());
        var foreignRequest = (await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.OrganisationId == other.Id))).Single();

        var client = await coordinator.ClientAsync(factory);
        Assert.NotNull((await client.GetDocumentAsync($"/{Hdf}/annuaire/{mine.Slug}/adhesions")).QuerySelector("#aucune-demande"));
        // The request of another organisation, answered through this organisation's page: not found, unchanged.
        var forged = await client.PostAsync($"/{Hdf}/annuaire/{mine.Slug}/adhesions", new FormUrlEncodedContent(
            [new("membershipId", foreignRequest.Id.ToString()), new("decision", "accepter"), new("__RequestVerificationToken", AntiforgeryFrom(await client.GetDocumentAsync($"/{Hdf}/annuaire/{mine.Slug}")))]));
        Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.Equal(MembershipStatus.Pending, (await factory.DirectoryRowsAsync(Hdf, db => db.Memberships.Where(m => m.Id == foreignRequest.Id)))[0].Status);

        // An organisation of this region is unknown in another region, and a coordinator here is nobody there.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Na}/annuaire/{mine.Slug}/adhesions")).StatusCode);
        var southern = await factory.OrganisationAsync(Na, Unique("Organisation du sud"));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/{Na}/annuaire/{southern.Slug}/adhesions")).StatusCode);
        // Anonymous visitors are sent to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync($"/{Hdf}/annuaire/{mine.Slug}/adhesions")).StatusCode);
    }

    private static string AntiforgeryFrom(AngleSharp.Html.Dom.IHtmlDocument page)
        => page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
}
