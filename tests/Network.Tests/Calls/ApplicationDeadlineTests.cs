using System.Net;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Showcases;

namespace Network.Tests.Calls;

/// <summary>Submission against the server clock (a movable one: the whole host sees it), to the second.</summary>
public sealed class ApplicationDeadlineTests(MovableClockFactory factory) : IClassFixture<MovableClockFactory>
{
    private const string Region = "hauts-de-france";

    private DateTime Now => factory.Clock.GetUtcNow().UtcDateTime;

    /// <summary>Moves the host's clock to <paramref name="at"/> (forward only).</summary>
    private void MoveTo(DateTime at)
    {
        var by = at - Now;
        Assert.True(by > TimeSpan.Zero, "The clock only moves forward.");
        factory.Clock.Advance(by);
    }

    private async Task<(CallView Call, HttpClient Client, int Id, Person Applicant)> CompleteDraftAsync(TimeSpan closesIn)
    {
        var call = await factory.CreateCallAsync(Region, "Appel échéance " + Guid.NewGuid().ToString("N")[..6], CallsTestKit.Fields(Now.AddDays(-1), Now + closesIn));
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Lou Ponctuelle");
        var client = await applicant.ClientAsync(factory);
        var id = await client.StartApplicationAsync(Region, call);
        await client.FillApplicationAsync(Region, id, CallsTestKit.CompleteForm());
        return (call, client, id, applicant);
    }

    [Fact]
    public async Task One_second_before_the_deadline_is_in_time()
    {
        var (call, client, id, _) = await CompleteDraftAsync(TimeSpan.FromMinutes(30));
        var values = await client.SubmitValuesAsync(Region, id);
        MoveTo(call.Fields.ClosesUtc.AddSeconds(-1));
        var response = await client.PostSubmitAsync(Region, id, values);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(ApplicationStatus.Submitted, (await factory.ApplicationAsync(Region, id))!.Status);
    }

    [Fact]
    public async Task One_second_late_is_refused_with_a_clear_message_and_nothing_changes()
    {
        var (call, client, id, applicant) = await CompleteDraftAsync(TimeSpan.FromMinutes(30));
        var values = await client.SubmitValuesAsync(Region, id);
        MoveTo(call.Fields.ClosesUtc.AddSeconds(1));
        var response = await client.PostSubmitAsync(Region, id, values);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains("La date limite de dépôt était le", page.QuerySelector("#refus")!.TextContent);
        var application = (await factory.ApplicationAsync(Region, id))!;
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Null(application.Reference);
        Assert.Empty(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email)));
        // And the call's page no longer starts anything.
        var start = await client.GetDocumentAsync($"/{Region}/appels/{call.Item.Slug}/candidature");
        Assert.NotNull(start.QuerySelector("#appel-ferme"));
    }

    [Fact]
    public async Task Before_the_opening_a_draft_cannot_be_submitted()
    {
        var call = await factory.CreateCallAsync(Region, "Appel pas encore ouvert " + Guid.NewGuid().ToString("N")[..6], CallsTestKit.Fields(Now.AddHours(1), Now.AddDays(20)));
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Eden Pressée");
        var draft = await factory.AddDraftAsync(Region, call, applicant, CallsTestKit.CompleteForm());
        var client = await applicant.ClientAsync(factory);
        var response = await client.SubmitApplicationAsync(Region, draft.Id);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("ne peut pas encore être déposée", HtmlForms.Parse(await response.Content.ReadAsStringAsync()).QuerySelector("#refus")!.TextContent);
        Assert.Equal(ApplicationStatus.Draft, (await factory.ApplicationAsync(Region, draft.Id))!.Status);
    }
}
