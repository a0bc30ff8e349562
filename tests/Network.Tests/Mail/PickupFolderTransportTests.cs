using System.Text;
using Network.Core.Tenancy;
using Network.Modules.Mail.Composition;
using Network.Modules.Mail.Transport;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>The default transport: .eml files under &lt;DataPath&gt;/mail, readable by a person and by a mail client.</summary>
public sealed class PickupFolderTransportTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    [Fact]
    public async Task The_default_transport_writes_one_complete_eml_file_per_message()
    {
        Assert.IsType<PickupFolderMailTransport>(factory.Service<IMailTransport>());
        var subject = UniqueSubject("Dépôt d'un dossier");
        await EnqueueAsync(factory, NewMail(subject, to: "helene.martin@exemple.fr", toName: "Hélène Martin"));

        var mail = await WaitForFileAsync(m => m.Subject == subject);
        var row = await RowAsync(factory, subject);
        Assert.Equal(row.MessageId, mail.MessageId);
        Assert.Contains(row.MessageId.Split('@')[0], Path.GetFileName(mail.Path));
        Assert.Equal("helene.martin@exemple.fr", mail.ToAddress);
        Assert.Contains("Hélène Martin", mail.To);
        Assert.Equal("Hauts-de-France via Réseau Culture et Numérique", mail.FromName);
        Assert.StartsWith("multipart/alternative", mail.Header("Content-Type"));
        Assert.Equal($"Texte de « {subject} ».", mail.TextBody);
        Assert.Contains($"<h1>{subject}</h1>", mail.HtmlBody);
        // Files appear whole (written aside, then moved in): nothing is left in the staging folder.
        var staging = Path.Combine(factory.MailPickupFolder, ".tmp");
        Assert.True(!Directory.Exists(staging) || Directory.GetFiles(staging, "*", SearchOption.AllDirectories).Length == 0);
        await WaitUntilAsync(async () => (await RowAsync(factory, subject)).SentUtc is not null, "the message is marked sent");
    }

    [Fact]
    public async Task A_composed_message_keeps_its_link_readable_in_the_file()
    {
        var tenant = factory.Tenant("hauts-de-france");
        var mail = factory.Service<MailComposer>().Create(tenant, "lecteur@exemple.fr", "Léa")
            .Subject("Courriel de test de {0}", tenant.SiteName + " " + Guid.NewGuid().ToString("N")[..6])
            .Paragraph("Ce courriel de test a été demandé depuis l'administration du réseau. S'il vous parvient, l'envoi des courriels fonctionne.")
            .Link("Ouvrir la file d'envoi des courriels", "/admin/courriels?statut=echecs&p=2")
            .Build();
        await EnqueueAsync(factory, mail);

        var received = await WaitForFileAsync(m => m.Subject == mail.Subject);
        const string url = "http://localhost:5000/hauts-de-france/admin/courriels?statut=echecs&p=2";
        // The plain-text part is 8-bit UTF-8: a person opening the file can copy the link as it is.
        Assert.Contains(url, Encoding.UTF8.GetString(Encoding.Latin1.GetBytes(received.Raw)));
        Assert.Contains("Bonjour Léa,", received.TextBody);
        var link = HtmlForms.Parse(received.HtmlBody!).QuerySelectorAll("a").Single(a => a.TextContent == "Ouvrir la file d'envoi des courriels");
        Assert.Equal(url, link.GetAttribute("href"));
    }

    private async Task<ReceivedMail> WaitForFileAsync(Func<ReceivedMail, bool> predicate)
    {
        ReceivedMail? found = null;
        await WaitUntilAsync(() =>
        {
            found = Directory.Exists(factory.MailPickupFolder)
                ? Directory.GetFiles(factory.MailPickupFolder, "*.eml").Select(ReceivedMail.Load).FirstOrDefault(predicate)
                : null;
            return Task.FromResult(found is not null);
        }, "the .eml file is written");
        return found!;
    }
}
