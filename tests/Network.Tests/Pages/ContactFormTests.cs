using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Tests.Accounts;
using Network.Tests.Infrastructure;

namespace Network.Tests.Pages;

/// <summary>A host whose mail goes to a real SMTP server, with the contact form's rate limit out of the way.</summary>
public sealed class ContactSmtpFixture : IDisposable
{
    public ContactSmtpFixture()
    {
        Smtp = new SmtpServerFixture();
        Factory = new NetworkWebFactory();
        Smtp.ConfigureHost(Factory);
        // Every request of the tests comes from one client address.
        Factory.Settings["Pages:ContactRateLimit:PermitLimit"] = "100000";
        _ = Factory.Services;
    }

    public SmtpServerFixture Smtp { get; }
    public NetworkWebFactory Factory { get; }

    public void Dispose()
    {
        Factory.Dispose();
        Smtp.Dispose();
    }
}

/// <summary>The contact page's form: one message to the tenant's contact address with Reply-To the visitor, and nothing for bad input, bots or repeats.</summary>
public sealed class ContactFormTests(ContactSmtpFixture fixture) : IClassFixture<ContactSmtpFixture>
{
    private NetworkWebFactory Factory => fixture.Factory;

    [Fact]
    public async Task A_message_reaches_the_contact_address_of_the_region_with_the_sender_as_reply_to()
    {
        var contact = Factory.Tenant("hauts-de-france").ContactEmail;
        var client = Factory.CreateBrowserClient();
        var page = await client.GetDocumentAsync("/hauts-de-france/contact");
        Assert.Equal("Nous contacter", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("main form a[href='/hauts-de-france/donnees-personnelles']"));

        var token = Guid.NewGuid().ToString("N");
        var response = await client.SubmitFormAsync("/hauts-de-france/contact", "main form", Valid($"Bonjour, je voudrais présenter notre projet {token} au réseau."));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/hauts-de-france/contact/envoye", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/contact/envoye")).StatusCode);

        var mail = await fixture.Smtp.WaitForMessageAsync(m => m.TextBody?.Contains(token) == true);
        Assert.Equal(contact, mail.ToAddress);
        Assert.Equal("camille.dupont@exemple.test", mail.Header("Reply-To")?.Trim().Trim('<', '>'));
        Assert.StartsWith("[" + Factory.Tenant("hauts-de-france").SiteName + "]", mail.Subject);
        Assert.Contains("Un projet", mail.Subject);
        Assert.Contains("Camille Dupont", mail.TextBody);
        Assert.Contains(token, mail.HtmlBody);
        Assert.DoesNotContain("ne pas y répondre", mail.TextBody);
        // No copy to the sender: the form must not relay mail to any address typed in it.
        Assert.Empty(await Factory.OutboxForAsync("camille.dupont@exemple.test"));
    }

    [Fact]
    public async Task Posting_the_same_form_again_sends_nothing_more()
    {
        var contact = Factory.Tenant("hauts-de-france").ContactEmail;
        var client = Factory.CreateBrowserClient();
        var document = await client.GetDocumentAsync("/hauts-de-france/contact");
        var token = Guid.NewGuid().ToString("N");
        var values = HtmlForms.FormValues(document, "main form", Valid($"Un message envoyé deux fois {token}."));
        for (var i = 0; i < 3; i++)
        {
            var response = await client.PostAsync("/hauts-de-france/contact", new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.Single(await Factory.OutboxForAsync(contact), m => m.TextBody.Contains(token));
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { "Input.Name", "", "#input-name-messages" },
        { "Input.Name", new string('n', 101), "#input-name-messages" },
        { "Input.Email", "", "#input-email-messages" },
        { "Input.Email", "pas-une-adresse", "#input-email-messages" },
        { "Input.Email", "a@b.fr\r\nBcc: victime@exemple.test", "#input-email-messages" },
        { "Input.Email", "Quelqu'un <a@b.fr>", "#input-email-messages" },
        { "Input.Subject", "", "#input-subject-messages" },
        { "Input.Subject", "spam", "#input-subject-messages" },
        { "Input.Message", "", "#input-message-messages" },
        { "Input.Message", "Trop court.", "#input-message-messages" },
        { "Input.Message", new string('m', 5001), "#input-message-messages" },
        { "Input.FormId", "pas-un-guid", "#erreurs" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_reported_on_its_field_and_nothing_is_sent(string field, string value, string messageSelector)
    {
        var contact = Factory.Tenant("hauts-de-france").ContactEmail;
        var token = Guid.NewGuid().ToString("N");
        var fields = Valid($"Ce message ne doit pas partir {token}.");
        fields[field] = value;
        var response = await Factory.CreateBrowserClient().SubmitFormAsync("/hauts-de-france/contact", "main form", fields);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(document.QuerySelector(messageSelector)?.TextContent), $"No message in {messageSelector}");
        Assert.NotNull(document.QuerySelector("#erreurs"));
        // What was typed is given back (except where it was the problem).
        if (field != "Input.Name") Assert.Equal("Camille Dupont", document.QuerySelector("#input-name")!.GetAttribute("value"));
        Assert.DoesNotContain(await Factory.OutboxForAsync(contact), m => m.TextBody.Contains(token));
    }

    [Fact]
    public async Task The_honeypot_filled_in_sends_nothing_but_looks_like_success()
    {
        var contact = Factory.Tenant("hauts-de-france").ContactEmail;
        var token = Guid.NewGuid().ToString("N");
        var fields = Valid($"Message d'un robot {token}.");
        fields["Input.Website"] = "https://spam.example";
        var response = await Factory.CreateBrowserClient().SubmitFormAsync("/hauts-de-france/contact", "main form", fields);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain(await Factory.OutboxForAsync(contact), m => m.TextBody.Contains(token));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_400()
    {
        var token = Guid.NewGuid().ToString("N");
        var values = Valid($"Message sans jeton {token}.");
        values["Input.FormId"] = Guid.NewGuid().ToString();
        var response = await Factory.CreateBrowserClient().PostAsync("/hauts-de-france/contact", new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain(await Factory.OutboxForAsync(Factory.Tenant("hauts-de-france").ContactEmail), m => m.TextBody.Contains(token));
    }

    [Fact]
    public async Task Without_a_contact_address_the_form_is_not_shown_and_a_post_is_refused()
    {
        var tenants = Factory.Service<TenantManager>();
        var previous = Factory.Tenant("nouvelle-aquitaine").ContactEmail;
        await tenants.UpdateSettingsAsync("nouvelle-aquitaine", record => record.ContactEmail = "");
        try
        {
            var client = Factory.CreateBrowserClient();
            var page = await client.GetDocumentAsync("/nouvelle-aquitaine/contact");
            Assert.Null(page.QuerySelector("main form"));
            Assert.Contains("pas disponible", page.QuerySelector("main")!.TextContent);

            // A token from another form of the same visitor is valid: the refusal comes from the missing address.
            var antiforgery = (await client.GetDocumentAsync("/nouvelle-aquitaine/compte/connexion")).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var values = Valid("Un message qui n'a personne à qui parvenir.");
            values["__RequestVerificationToken"] = antiforgery;
            values["Input.FormId"] = Guid.NewGuid().ToString();
            var response = await client.PostAsync("/nouvelle-aquitaine/contact", new FormUrlEncodedContent(values));
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        }
        finally
        {
            await tenants.UpdateSettingsAsync("nouvelle-aquitaine", record => record.ContactEmail = previous);
        }
        Assert.NotNull((await Factory.CreateBrowserClient().GetDocumentAsync("/nouvelle-aquitaine/contact")).QuerySelector("main form"));
    }

    [Fact]
    public async Task An_English_visitor_reads_the_form_in_English()
    {
        var english = Factory.CreateBrowserClient();
        english.DefaultRequestHeaders.Add("Cookie", ".Network.Culture=c%3Den%7Cuic%3Den");
        var page = await english.GetDocumentAsync("/hauts-de-france/contact");
        Assert.Equal("Contact us", page.QuerySelector("main h1")!.TextContent.Trim());
        Assert.Contains("Send the message", page.QuerySelector("main form button")!.TextContent);
    }

    [Theory]
    [InlineData("a@b.fr\r\nBcc: victime@exemple.test")]
    [InlineData("Quelqu'un <a@b.fr>")]
    [InlineData("a@b.fr, c@d.fr")]
    public async Task The_outbox_refuses_a_reply_to_that_is_not_one_bare_address(string replyTo)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IMailOutbox>();
        await Assert.ThrowsAsync<ArgumentException>(() => outbox.EnqueueAsync(new OutgoingMail("ok@exemple.fr", "Objet", "x", "<p>x</p>", "network", ReplyTo: replyTo)));
    }

    private static Dictionary<string, string> Valid(string message) => new()
    {
        ["Input.Name"] = "Camille Dupont",
        ["Input.Email"] = "camille.dupont@exemple.test",
        ["Input.Subject"] = "projet",
        ["Input.Message"] = message,
    };
}

/// <summary>Submissions of the contact form are limited per client address.</summary>
public sealed class ContactRateLimitTests(ContactRateLimitTests.LowLimitFactory factory) : IClassFixture<ContactRateLimitTests.LowLimitFactory>
{
    public sealed class LowLimitFactory : NetworkWebFactory
    {
        public LowLimitFactory()
        {
            Settings["Pages:ContactRateLimit:PermitLimit"] = "3";
            Settings["Pages:ContactRateLimit:WindowSeconds"] = "600";
        }
    }

    [Fact]
    public async Task Too_many_messages_get_a_French_429_while_the_form_still_shows()
    {
        var client = factory.CreateBrowserClient();
        for (var i = 0; i < 3; i++)
        {
            var response = await client.SubmitFormAsync("/hauts-de-france/contact", "main form", new Dictionary<string, string>
            {
                ["Input.Name"] = "Camille Dupont", ["Input.Email"] = "camille.dupont@exemple.test", ["Input.Subject"] = "autre",
                ["Input.Message"] = $"Message numéro {i} envoyé pour tester la limite.",
            });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        var limited = await client.SubmitFormAsync("/hauts-de-france/contact", "main form", new Dictionary<string, string>
        {
            ["Input.Name"] = "Camille Dupont", ["Input.Email"] = "camille.dupont@exemple.test", ["Input.Subject"] = "autre",
            ["Input.Message"] = "Le message de trop, qui ne doit pas partir.",
        });
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.Contains("Trop de demandes", await limited.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await factory.OutboxForAsync(factory.Tenant("hauts-de-france").ContactEmail), m => m.TextBody.Contains("Le message de trop"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hauts-de-france/contact")).StatusCode);
    }
}
