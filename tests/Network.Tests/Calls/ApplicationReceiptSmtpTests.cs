using Network.Core.Security;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;

namespace Network.Tests.Calls;

/// <summary>The submission receipt through the real SMTP server (aiosmtpd), and kept in the outbox while SMTP is down.</summary>
public sealed class ApplicationReceiptSmtpTests(SmtpHostFixture fixture) : IClassFixture<SmtpHostFixture>
{
    private const string Region = "hauts-de-france";
    private NetworkWebFactory Factory => fixture.Factory;
    private SmtpServerFixture Smtp => fixture.Smtp;

    private async Task<(HttpClient Client, int Id, Person Applicant)> CompleteDraftAsync(string? culture = null)
    {
        var call = await Factory.CreateOpenCallAsync(Region, "Appel courriel " + Guid.NewGuid().ToString("N")[..6]);
        var applicant = await Factory.PersonAsync(Region, NetworkRoles.Member, "Noa Destinataire", culture);
        var client = await applicant.ClientAsync(Factory);
        var id = await client.StartApplicationAsync(Region, call);
        await client.FillApplicationAsync(Region, id, CallsTestKit.CompleteForm("Parcours sonore du port"));
        return (client, id, applicant);
    }

    [Fact]
    public async Task The_receipt_with_its_reference_and_summary_arrives_through_smtp()
    {
        var (client, id, applicant) = await CompleteDraftAsync();
        await client.SubmitApplicationAsync(Region, id);
        var reference = (await Factory.ApplicationAsync(Region, id))!.Reference!;
        var received = await Smtp.WaitForMessageAsync(m => m.ToAddress == applicant.Email);
        Assert.Contains(reference, received.Subject);
        Assert.Contains("Parcours sonore du port", received.TextBody);
        Assert.Contains("Association Les Amis du Beffroi", received.TextBody);
        Assert.Contains($"/compte/candidatures/{id}/recu", received.TextBody);
    }

    [Fact]
    public async Task An_applicant_using_the_site_in_english_gets_the_receipt_in_english()
    {
        var (client, id, applicant) = await CompleteDraftAsync("en");
        // The receipt is written in the language the applicant uses the site in when submitting (the language switch's cookie).
        await client.GetAsync($"/{Region}/langue/en?retour=/{Region}/");
        await client.SubmitApplicationAsync(Region, id);
        var reference = (await Factory.ApplicationAsync(Region, id))!.Reference!;
        var received = await Smtp.WaitForMessageAsync(m => m.ToAddress == applicant.Email);
        Assert.Equal($"Acknowledgement of receipt of your application {reference}", received.Subject);
        Assert.Contains("Parcours sonore du port", received.TextBody);
        Assert.Contains("(Paris time)", received.TextBody);
        Assert.DoesNotContain("Votre candidature", received.TextBody);
        Assert.Contains("lang=\"en\"", received.HtmlBody);
    }

    [Fact]
    public async Task With_smtp_down_at_the_deadline_the_receipt_waits_in_the_outbox_and_leaves_when_it_is_back()
    {
        var (client, id, applicant) = await CompleteDraftAsync();
        Smtp.Stop();
        try
        {
            await client.SubmitApplicationAsync(Region, id);
            Assert.Equal(Network.Modules.Calls.Data.ApplicationStatus.Submitted, (await Factory.ApplicationAsync(Region, id))!.Status);
            await MailTestSupport.WaitUntilAsync(async () => (await MailTestSupport.RowsAsync(Factory, q => q.Where(m => m.To == applicant.Email))).Single().Attempts >= 1, "the receipt has been tried");
            var row = (await MailTestSupport.RowsAsync(Factory, q => q.Where(m => m.To == applicant.Email))).Single();
            Assert.Null(row.SentUtc);
            Assert.NotNull(row.NextAttemptUtc);
        }
        finally
        {
            Smtp.Start();
        }
        await Smtp.WaitForMessageAsync(m => m.ToAddress == applicant.Email);
    }
}
