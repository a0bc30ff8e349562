using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Localization;
using Network.Core.Mail;
using Network.Core.Tenancy;
using Network.Modules.Mail;
using Network.Modules.Mail.Composition;
using Network.Modules.Mail.Services;
using Network.Tests.Infrastructure;

namespace Network.Tests.Mail;

/// <summary>Localized, accessible messages with the tenant's name and absolute links.</summary>
public sealed class MailComposerTests
{
    private readonly MailComposer _composer = new(
        new LocalizationCatalog([typeof(MailModule).Assembly]),
        new TenantUrls(new HttpContextAccessor(), Options.Create(new NetworkOptions { PublicBaseUrl = "https://reseau.culture.test" })));

    [Fact]
    public void French_is_the_default_with_the_tenants_name_and_absolute_links()
    {
        var mail = Compose(TestTenants.Region, "Camille Durand", culture: null);

        Assert.Equal("camille@exemple.fr", mail.To);
        Assert.Equal("Camille Durand", mail.ToName);
        Assert.Equal("hauts-de-france", mail.TenantName);
        Assert.Equal("Courriel de test de Culture et numérique en Hauts-de-France", mail.Subject);
        Assert.StartsWith("Courriel de test de Culture et numérique en Hauts-de-France\n\nBonjour Camille Durand,\n\n", mail.TextBody);
        Assert.Contains("Ouvrir la file d'envoi des courriels :\nhttps://reseau.culture.test/hauts-de-france/admin/courriels?statut=echecs&p=2", mail.TextBody);
        Assert.Contains("Ce message automatique vous est envoyé par Culture et numérique en Hauts-de-France (https://reseau.culture.test/hauts-de-france/).", mail.TextBody);
        Assert.Contains("contact@hauts-de-france.test", mail.TextBody);

        var html = HtmlForms.Parse(mail.HtmlBody);
        Assert.Equal("fr", html.DocumentElement.GetAttribute("lang"));
        Assert.Equal(mail.Subject, html.Title);
        Assert.Equal(mail.Subject, html.QuerySelector("h1")!.TextContent);
        var link = html.QuerySelectorAll("a").Single(a => a.TextContent == "Ouvrir la file d'envoi des courriels");
        Assert.Equal("https://reseau.culture.test/hauts-de-france/admin/courriels?statut=echecs&p=2", link.GetAttribute("href"));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "https://reseau.culture.test/hauts-de-france/" && a.TextContent == "Culture et numérique en Hauts-de-France");
        Assert.Contains(html.QuerySelectorAll("a"), a => a.GetAttribute("href") == "mailto:contact@hauts-de-france.test");
        OutgoingMailRules.Validate(mail);
    }

    [Fact]
    public void English_when_the_recipient_reads_english()
    {
        var mail = Compose(TestTenants.Hub, "Sam", culture: "en-GB");

        Assert.Equal("Test e-mail from Réseau Culture et Numérique", mail.Subject);
        Assert.Contains("Hello Sam,", mail.TextBody);
        Assert.Contains("Open the mail outbox:\nhttps://reseau.culture.test/admin/courriels?statut=echecs&p=2", mail.TextBody);
        Assert.Contains("This automatic message was sent to you by Réseau Culture et Numérique", mail.TextBody);
        var html = HtmlForms.Parse(mail.HtmlBody);
        Assert.Equal("en", html.DocumentElement.GetAttribute("lang"));
        Assert.Contains(html.QuerySelectorAll("a"), a => a.TextContent == "Open the mail outbox");
    }

    [Fact]
    public void Values_typed_by_users_are_encoded_in_html_and_folded_in_the_subject()
    {
        var mail = _composer.Create(TestTenants.Region, "camille@exemple.fr", "<b>Camille</b> & Cie")
            .Subject("Courriel de test de {0}", "Projet\r\nBcc: tous@exemple.fr")
            .Paragraph("Courriel de test de {0}", "<script>alert('x')</script>")
            .Paragraph("Ce courriel de test a été demandé depuis l'administration du réseau. S'il vous parvient, l'envoi des courriels fonctionne.")
            .Build();

        Assert.Equal("Courriel de test de Projet Bcc: tous@exemple.fr", mail.Subject);
        Assert.DoesNotContain("<script>", mail.HtmlBody);
        Assert.DoesNotContain("<b>Camille", mail.HtmlBody);
        var html = HtmlForms.Parse(mail.HtmlBody);
        Assert.Contains(html.QuerySelectorAll("p"), p => p.TextContent == "Bonjour <b>Camille</b> & Cie,");
        Assert.Contains(html.QuerySelectorAll("p"), p => p.TextContent == "Courriel de test de <script>alert('x')</script>");
        Assert.Contains("Bonjour <b>Camille</b> & Cie,", mail.TextBody);
        OutgoingMailRules.Validate(mail);
    }

    [Fact]
    public void A_message_without_a_subject_is_a_programming_error()
    {
        Assert.Throws<InvalidOperationException>(() => _composer.Create(TestTenants.Hub, "a@exemple.fr").Paragraph("Bonjour,").Build());
    }

    private OutgoingMail Compose(TenantInfo tenant, string name, string? culture)
        => _composer.Create(tenant, "camille@exemple.fr", name, culture)
            .Subject("Courriel de test de {0}", tenant.SiteName)
            .Paragraph("Ce courriel de test a été demandé depuis l'administration du réseau. S'il vous parvient, l'envoi des courriels fonctionne.")
            .Link("Ouvrir la file d'envoi des courriels", "/admin/courriels?statut=echecs&p=2")
            .Build();
}
