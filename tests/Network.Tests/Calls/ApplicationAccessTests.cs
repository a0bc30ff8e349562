using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using Network.Tests.Showcases;

namespace Network.Tests.Calls;

/// <summary>Who may read an application, and the coordinators' pages: list, detail, reopening for correction.</summary>
public sealed class ApplicationAccessTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Region = "hauts-de-france";

    [Fact]
    public async Task Only_the_applicant_and_the_coordinators_read_an_application_everyone_else_gets_404()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel accès " + Guid.NewGuid().ToString("N")[..6]);
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Porteur Accès");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, applicant);
        var attachmentId = await AddAttachmentAsync(application.Id);

        var receipt = $"/{Region}/compte/candidatures/{application.Id}/recu";
        var editor = CallsTestKit.EditorUrl(Region, application.Id);
        var admin = $"/{Region}/admin/appels/{call.Id}/candidatures/{application.Id}";
        var file = $"/{Region}{ApplicationFileEndpoints.PathOf(application.Id, attachmentId)}";

        var owner = await applicant.ClientAsync(factory);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync(file)).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await owner.GetAsync(admin)).StatusCode);

        var (_, other) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Member);
        var (_, reviewer) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Reviewer);
        foreach (var stranger in new[] { other, reviewer })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(receipt)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(editor)).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(file)).StatusCode);
            Assert.NotEqual(HttpStatusCode.OK, (await stranger.GetAsync(admin)).StatusCode);
        }

        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync(receipt)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(file)).StatusCode);

        var (_, coordinator) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(admin)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.GetAsync(file)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync(editor)).StatusCode);
        var redirected = await coordinator.GetAsync(receipt);
        Assert.Equal(HttpStatusCode.Redirect, redirected.StatusCode);
        Assert.EndsWith($"/admin/appels/{call.Id}/candidatures/{application.Id}", redirected.Headers.Location!.OriginalString);

        // The same ids in another region: nothing there, whoever asks (a coordinator of that region included).
        const string Other = "nouvelle-aquitaine";
        var (_, otherCoordinator) = await factory.SignedInWithRoleAsync(Other, NetworkRoles.Coordinator);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/{Other}/admin/appels/{call.Id}/candidatures/{application.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherCoordinator.GetAsync($"/{Other}{ApplicationFileEndpoints.PathOf(application.Id, attachmentId)}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync($"/{Other}/compte/candidatures/{application.Id}/recu")).StatusCode);
        // An application of another call under this call's address.
        var otherCall = await factory.CreateOpenCallAsync(Region, "Appel voisin " + Guid.NewGuid().ToString("N")[..6]);
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/{Region}/admin/appels/{otherCall.Id}/candidatures/{application.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_reviewer_assigned_to_the_application_reads_its_attachments()
    {
        var call = await factory.CreateOpenCallAsync(Region, "Appel relecteur " + Guid.NewGuid().ToString("N")[..6]);
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Porteur Relu");
        var application = await factory.AddSubmittedApplicationAsync(Region, call, applicant);
        var (reviewerId, reviewer) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Reviewer);
        var attachmentId = await AddAttachmentAsync(application.Id);
        var file = $"/{Region}{ApplicationFileEndpoints.PathOf(application.Id, attachmentId)}";
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync(file)).StatusCode);
        await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<CallsDbContext>();
            db.Reviews.Add(new ReviewAssignment { CallId = call.Id, ApplicationId = application.Id, ReviewerUserId = reviewerId, ReviewerName = "R", AssignedUtc = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.OK, (await reviewer.GetAsync(file)).StatusCode);
        // The applicant's own pages stay the applicant's.
        Assert.Equal(HttpStatusCode.NotFound, (await reviewer.GetAsync($"/{Region}/compte/candidatures/{application.Id}/recu")).StatusCode);
    }

    [Fact]
    public async Task Coordinators_list_filter_and_reopen_an_application_which_is_submitted_again_with_its_reference()
    {
        var call = await factory.CreateCallAsync(Region, "Appel rouvert " + Guid.NewGuid().ToString("N")[..6],
            CallsTestKit.Fields(DateTime.UtcNow.AddDays(-1), DateTime.UtcNow.AddDays(10), programme: "Rouvrir " + Guid.NewGuid().ToString("N")[..4]));
        var applicant = await factory.PersonAsync(Region, NetworkRoles.Member, "Camille Corrige");
        var client = await applicant.ClientAsync(factory);
        var id = await client.StartApplicationAsync(Region, call);
        await client.FillApplicationAsync(Region, id, CallsTestKit.CompleteForm("Balade numérique"));
        await client.SubmitApplicationAsync(Region, id);
        var draftId = await client.StartApplicationAsync(Region, call);
        var reference = (await factory.ApplicationAsync(Region, id))!.Reference!;

        var (_, coordinator) = await factory.SignedInWithRoleAsync(Region, NetworkRoles.Coordinator);
        var list = await coordinator.GetDocumentAsync($"/{Region}/admin/appels/{call.Id}/candidatures");
        Assert.Equal(2, list.QuerySelectorAll("#candidatures tbody tr").Length);
        list = await coordinator.GetDocumentAsync($"/{Region}/admin/appels/{call.Id}/candidatures?statut=deposee");
        var row = Assert.Single(list.QuerySelectorAll("#candidatures tbody tr"));
        Assert.Contains(reference, row.TextContent);
        Assert.Contains("Association Les Amis du Beffroi", row.TextContent);
        Assert.Contains("20 000", row.TextContent.Replace('\u202F', ' ').Replace('\u00A0', ' '));
        Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/{Region}/admin/appels/999999/candidatures")).StatusCode);

        var detailUrl = $"/{Region}/admin/appels/{call.Id}/candidatures/{id}";
        var refused = await coordinator.SubmitFormAsync(detailUrl, "#rouvrir", new Dictionary<string, string> { ["Reason"] = "  " });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Indiquez le motif", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#erreurs")!.TextContent);
        Assert.Equal(ApplicationStatus.Submitted, (await factory.ApplicationAsync(Region, id))!.Status);

        var reopened = await coordinator.SubmitFormAsync(detailUrl, "#rouvrir", new Dictionary<string, string> { ["Reason"] = "Le budget détaillé manque." });
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Equal(ApplicationStatus.Reopened, (await factory.ApplicationAsync(Region, id))!.Status);
        var detail = await coordinator.GetDocumentAsync(detailUrl);
        Assert.Contains("Le budget détaillé manque.", detail.QuerySelector("#journal")!.TextContent);
        var mails = await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email));
        Assert.Contains(mails, m => m.Subject.Contains("rouverte pour correction") && m.TextBody.Contains("Le budget détaillé manque."));
        // A second reopen of a reopened application is refused.
        Assert.Null((await coordinator.GetDocumentAsync(detailUrl)).QuerySelector("#rouvrir"));

        var mine = await client.GetDocumentAsync($"/{Region}/compte/candidatures");
        Assert.Contains("Rouverte pour correction", mine.QuerySelector("#mes-candidatures")!.TextContent);
        var response = await client.PostStepAsync(Region, id, ApplicationSteps.Project, new Dictionary<string, string> { ["Form.ProjectTitle"] = "Balade numérique corrigée" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SubmitApplicationAsync(Region, id)).StatusCode);
        var resubmitted = (await factory.ApplicationAsync(Region, id))!;
        Assert.Equal(ApplicationStatus.Submitted, resubmitted.Status);
        Assert.Equal(reference, resubmitted.Reference);
        Assert.Equal("Balade numérique corrigée", resubmitted.ProjectTitle);
        var log = await factory.InTenantAsync(Region, sp => sp.GetRequiredService<CallsDbContext>().AuditEntries.AsNoTracking().Where(e => e.ApplicationId == id).Select(e => e.Action).ToListAsync());
        Assert.Equal([CallAuditActions.Submitted, CallAuditActions.Reopened, CallAuditActions.Submitted], log);
        Assert.Equal(2, (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == applicant.Email && m.Subject.Contains("Accusé")))).Count);
        Assert.Null((await factory.ApplicationAsync(Region, draftId))!.Reference);
    }

    private async Task<int> AddAttachmentAsync(int applicationId)
    {
        var stored = Guid.NewGuid().ToString("N") + ".pdf";
        var folder = Path.Combine(factory.DataPath, "tenants", Region, "calls");
        Directory.CreateDirectory(folder);
        await File.WriteAllBytesAsync(Path.Combine(folder, stored), CallsTestKit.SmallPdf());
        return await factory.InTenantAsync(Region, async sp =>
        {
            var db = sp.GetRequiredService<CallsDbContext>();
            var attachment = new ApplicationAttachment { ApplicationId = applicationId, FileName = "budget.pdf", StoredName = stored, Length = 100, UploadedUtc = DateTime.UtcNow };
            db.Attachments.Add(attachment);
            await db.SaveChangesAsync();
            return attachment.Id;
        });
    }
}
