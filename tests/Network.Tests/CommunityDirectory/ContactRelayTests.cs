using System.Net;
using Network.Modules.Directory.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Mail;
using static Network.Tests.CommunityDirectory.DirectoryTestKit;

namespace Network.Tests.CommunityDirectory;

/// <summary>The contact relay: no address disclosed until the recipient replies, limits, bad input, reports.</summary>
public sealed class ContactRelayTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static Task<HttpResponseMessage> WriteAsync(HttpClient client, string key, string subject, string body)
        => client.SubmitFormAsync($"/{Hdf}/annuaire/membres/{key}/contact", "#formulaire-contact", new Dictionary<string, string> { ["Subject"] = subject, ["Body"] = body });

    [Fact]
    public async Task A_message_reaches_the_recipient_without_either_address_until_the_recipient_replies()
    {
        var sender = await factory.PersonAsync(Hdf, "Member", "Sacha Expéditeur");
        var recipient = await factory.PersonAsync(Hdf, "Member", "Romane Destinataire");
        var profile = await factory.ProfileAsync(Hdf, recipient.User.Id, "Romane Destinataire", isPublic: true);
        var senderClient = await sender.ClientAsync(factory);
        var subject = Unique("Relevé 3D");

        var sent = await WriteAsync(senderClient, profile.Key, subject, "Bonjour, pourrions-nous échanger sur votre relevé de la cathédrale ?");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var conversation = sent.Headers.Location!.OriginalString.Split('?')[0];

        var first = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Subject.Contains(subject))));
        Assert.Equal(recipient.Email, first.To);
        Assert.Null(first.ReplyTo);
        foreach (var text in new[] { first.Subject, first.TextBody, first.HtmlBody, first.To, first.ReplyTo ?? "" })
            Assert.DoesNotContain(sender.Email, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Sacha Expéditeur", first.TextBody);
        Assert.Contains(conversation.Replace($"/{Hdf}", ""), first.TextBody);
        // The sender's page does not show the recipient's address either, and the sender may not write again yet.
        var senderView = await senderClient.GetDocumentAsync(conversation);
        Assert.DoesNotContain(recipient.Email, senderView.DocumentElement.OuterHtml, StringComparison.OrdinalIgnoreCase);
        Assert.Null(senderView.QuerySelector("#formulaire-reponse"));
        Assert.Empty(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == sender.Email)));

        // Someone else cannot read the conversation.
        var stranger = await factory.PersonAsync(Hdf, "Member", "Inconnu");
        Assert.Equal(HttpStatusCode.NotFound, (await (await stranger.ClientAsync(factory)).GetAsync(conversation)).StatusCode);

        // The recipient replies: the sender's mail carries the recipient's address as Reply-To, and both pages show the other's address.
        var recipientClient = await recipient.ClientAsync(factory);
        var replied = await recipientClient.SubmitFormAsync(conversation, "#formulaire-reponse", new Dictionary<string, string> { ["Body"] = "Avec plaisir, appelez-moi la semaine prochaine." });
        Assert.Equal(HttpStatusCode.Redirect, replied.StatusCode);
        var answer = Assert.Single(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.To == sender.Email)));
        Assert.Equal(recipient.Email, answer.ReplyTo);
        Assert.Equal(recipient.Email, (await senderClient.GetDocumentAsync(conversation)).QuerySelector("#adresse-echangee")!.TextContent);
        Assert.Equal(sender.Email, (await recipientClient.GetDocumentAsync(conversation)).QuerySelector("#adresse-echangee")!.TextContent);
    }

    [Fact]
    public async Task Bad_messages_are_refused_with_clear_messages_and_nothing_is_sent()
    {
        var sender = await factory.PersonAsync(Hdf, "Member", "Sacha Expéditeur");
        var recipient = await factory.PersonAsync(Hdf, "Member", "Romane Destinataire");
        var profile = await factory.ProfileAsync(Hdf, recipient.User.Id, "Romane", isPublic: true);
        var client = await sender.ClientAsync(factory);
        var subject = Unique("Refusé");
        foreach (var (body, expected) in new[]
        {
            ("", "Écrivez votre message."),
            (new string('x', 3_001), "ne peut dépasser"),
            ("Offres : https://a.example https://b.example https://c.example", "liens"),
        })
        {
            var response = await WriteAsync(client, profile.Key, subject, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.Contains(expected, page.QuerySelector("#erreurs")!.TextContent);
        }
        Assert.Empty(await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Subject.Contains(subject))));

        // A profile closed to contact, a private one and an unknown key have no contact page.
        var closed = await factory.PersonAsync(Hdf, "Member", "Fermé");
        var closedProfile = await factory.ProfileAsync(Hdf, closed.User.Id, "Fermé", isPublic: true, open: false);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/annuaire/membres/{closedProfile.Key}/contact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/{Hdf}/annuaire/membres/inconnu/contact")).StatusCode);
        // Not signed in: sent to sign in.
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowserClient().GetAsync($"/{Hdf}/annuaire/membres/{profile.Key}/contact")).StatusCode);
    }

    [Fact]
    public async Task A_sender_starts_at_most_five_conversations_an_hour()
    {
        var sender = await factory.PersonAsync(Hdf, "Member", "Sacha Pressé");
        var recipient = await factory.PersonAsync(Hdf, "Member", "Romane Sollicitée");
        var profile = await factory.ProfileAsync(Hdf, recipient.User.Id, "Romane", isPublic: true);
        var client = await sender.ClientAsync(factory);
        var subject = Unique("Limite");
        for (var i = 0; i < ContactRelay.MaxNewConversationsPerWindow; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await WriteAsync(client, profile.Key, subject, $"Message numéro {i} pour tester la limite.")).StatusCode);
        var refused = await WriteAsync(client, profile.Key, subject, "Un message de trop pour la limite horaire.");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("dans l'heure", HtmlForms.Parse(await refused.Content.ReadAsStringAsync()).QuerySelector("#refus")!.TextContent);
        Assert.Equal(ContactRelay.MaxNewConversationsPerWindow, (await MailTestSupport.RowsAsync(factory, q => q.Where(m => m.Subject.Contains(subject)))).Count);
    }

    [Fact]
    public async Task A_recipient_reports_a_conversation_and_coordinators_see_it()
    {
        var sender = await factory.PersonAsync(Hdf, "Member", "Sacha Insistant");
        var recipient = await factory.PersonAsync(Hdf, "Member", "Romane Dérangée");
        var coordinator = await factory.PersonAsync(Hdf, "Coordinator", "Claude Coordinatrice");
        var profile = await factory.ProfileAsync(Hdf, recipient.User.Id, "Romane", isPublic: true);
        var subject = Unique("Démarchage");
        var sent = await WriteAsync(await sender.ClientAsync(factory), profile.Key, subject, "Achetez nos formations en ligne, offre limitée !");
        var conversation = sent.Headers.Location!.OriginalString.Split('?')[0];

        var recipientClient = await recipient.ClientAsync(factory);
        var reported = await recipientClient.SubmitFormAsync(conversation, "#formulaire-signalement", new Dictionary<string, string> { ["Reason"] = "Démarchage commercial" });
        Assert.Equal(HttpStatusCode.Redirect, reported.StatusCode);
        var reports = await (await coordinator.ClientAsync(factory)).GetDocumentAsync($"/{Hdf}/admin/annuaire/signalements");
        var list = reports.QuerySelector("#signalements")!.TextContent;
        Assert.Contains(subject, list);
        Assert.Contains("Démarchage commercial", list);
        Assert.DoesNotContain(sender.Email, list);
        // A plain member cannot see the reports.
        Assert.Equal(HttpStatusCode.Forbidden, (await recipientClient.GetAsync($"/{Hdf}/admin/annuaire/signalements")).StatusCode);
    }
}
