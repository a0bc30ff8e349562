using System.Net;
using System.Security.Claims;
using AngleSharp.Html.Dom;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Mail.Data;
using Network.Tests.Infrastructure;
using static Network.Tests.Mail.MailTestSupport;

namespace Network.Tests.Mail;

/// <summary>A host whose messages are given up after two attempts, to exercise the failed list and "retry now".</summary>
public sealed class GiveUpHostFixture : IDisposable
{
    public GiveUpHostFixture()
    {
        Smtp = new SmtpServerFixture();
        Factory = new NetworkWebFactory();
        Smtp.ConfigureHost(Factory);
        UseFastRetries(Factory);
        Factory.Settings["Mail:MaxAttempts"] = "2";
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

/// <summary>/admin/courriels: the network administrator's view of the outbox.</summary>
public sealed class MailAdminPageTests(GiveUpHostFixture fixture) : IClassFixture<GiveUpHostFixture>
{
    private const string PageUrl = "/admin/courriels";
    private NetworkWebFactory Factory => fixture.Factory;
    private SmtpServerFixture Smtp => fixture.Smtp;

    [Fact]
    public async Task Only_the_network_administrator_opens_it_and_only_on_the_hub()
    {
        var anonymous = await Factory.CreateBrowserClient().GetAsync(PageUrl);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.Contains("/compte/connexion", anonymous.Headers.Location!.OriginalString);

        var member = await TestSignIn.ClientAsync(Factory, "membre@exemple.fr", administrator: false);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(PageUrl)).StatusCode);

        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PageUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/hauts-de-france" + PageUrl)).StatusCode);
    }

    [Fact]
    public async Task The_admin_menu_shows_the_outbox_to_administrators_on_the_hub_only()
    {
        var admin = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "a"), new Claim(ClaimTypes.Role, NetworkRoles.Administrator)], "test", ClaimTypes.Name, ClaimTypes.Role));
        var someone = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "c"), new Claim(ClaimTypes.NameIdentifier, "inconnu")], "test"));
        Assert.Contains(await MenuAsync(admin, "network"), i => i.Path == PageUrl);
        Assert.DoesNotContain(await MenuAsync(admin, "hauts-de-france"), i => i.Path == PageUrl);
        Assert.DoesNotContain(await MenuAsync(someone, "network"), i => i.Path == PageUrl);
    }

    private async Task<IReadOnlyList<AdminMenuItem>> MenuAsync(ClaimsPrincipal user, string tenantName)
    {
        var tenant = Factory.Tenant(tenantName);
        await using var scope = Factory.Service<TenantScopeFactory>().CreateScope(tenant);
        return await scope.ServiceProvider.GetRequiredService<IAdminMenu>().BuildAsync(user, tenant);
    }

    [Fact]
    public async Task A_given_up_message_is_listed_with_its_error_and_retry_now_delivers_it()
    {
        var subject = UniqueSubject("Abandonné");
        Smtp.Stop();
        OutboxMessage row;
        try
        {
            await EnqueueAsync(Factory, NewMail(subject));
            await WaitUntilAsync(async () => (await RowAsync(Factory, subject)).Status == OutboxMessageStatus.Failed, "the message is given up");
            row = await RowAsync(Factory, subject);
            Assert.Equal(2, row.Attempts);
            Assert.NotNull(row.LastError);
            Assert.Equal(HttpStatusCode.OK, (await Factory.CreateBrowserClient().GetAsync("/health")).StatusCode);
        }
        finally
        {
            Smtp.Start();
        }

        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);
        var failedList = PageUrl + "?statut=echecs";
        var document = await admin.GetDocumentAsync(failedList);
        var cells = RowCells(document, row.Id);
        Assert.Equal(subject, cells[3]);
        Assert.Equal("Échec", cells[5]);
        Assert.Equal("2", cells[6]);
        Assert.StartsWith(row.LastError![..40], cells[7]);
        // The table is announced with a caption, every column with a header.
        Assert.NotNull(document.QuerySelector(".fr-table table caption"));
        Assert.All(document.QuerySelectorAll(".fr-table thead th"), th => Assert.Equal("col", th.GetAttribute("scope")));

        var response = await admin.SubmitFormAsync(failedList, $"#relancer-{row.Id}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var received = await Smtp.WaitForMessageAsync(m => m.MessageId == row.MessageId);
        Assert.Equal(subject, received.Subject);
        await WaitUntilAsync(async () => (await RowAsync(Factory, subject)).Status == OutboxMessageStatus.Sent, "the message is marked sent");
        Assert.Equal(3, (await RowAsync(Factory, subject)).Attempts);

        var after = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains($"n° {row.Id}", after.QuerySelector(".fr-alert--success")!.TextContent);
    }

    [Fact]
    public async Task Retrying_a_sent_or_unknown_message_changes_nothing_and_says_why()
    {
        var subject = UniqueSubject("Déjà envoyé");
        await EnqueueAsync(Factory, NewMail(subject));
        await WaitUntilAsync(async () => (await RowAsync(Factory, subject)).Status == OutboxMessageStatus.Sent, "the message is sent");
        var sent = await RowAsync(Factory, subject);
        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);

        foreach (var id in new[] { sent.Id.ToString(), "999999", "pas-un-nombre" })
        {
            var response = await PostWithTokenAsync(admin, PageUrl + "?handler=Retry", new() { ["id"] = id });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
            Assert.NotNull(page.QuerySelector(".fr-alert--error"));
        }
        var unchanged = await RowAsync(Factory, subject);
        Assert.Equal(sent.SentUtc, unchanged.SentUtc);
        Assert.Equal(sent.Attempts, unchanged.Attempts);
        Assert.Single(Smtp.Messages, m => m.MessageId == sent.MessageId);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_rejected()
    {
        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);
        var response = await admin.PostAsync(PageUrl + "?handler=Test", new FormUrlEncodedContent([new("adresse", "quelquun@exemple.fr")]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("", "Saisissez l'adresse électronique du destinataire.")]
    [InlineData("pas-une-adresse", "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    [InlineData("a@exemple.fr, b@exemple.fr", "Saisissez une adresse électronique valide, par exemple nom@exemple.fr.")]
    public async Task A_bad_test_address_is_explained_next_to_the_field_and_nothing_is_queued(string address, string message)
    {
        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);
        var before = (await RowsAsync(Factory)).Count;
        var response = await admin.SubmitFormAsync(PageUrl, "#test-form", new Dictionary<string, string> { ["adresse"] = address });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        var input = page.QuerySelector("#adresse")!;
        Assert.Contains("fr-input--error", input.ClassName);
        Assert.Equal("adresse-messages", input.GetAttribute("aria-describedby"));
        Assert.Equal(message, page.QuerySelector("#adresse-messages .fr-message--error")!.TextContent.Trim());
        Assert.Equal("email", input.GetAttribute("autocomplete"));
        Assert.NotNull(page.QuerySelector("label[for=adresse]"));
        Assert.Equal(before, (await RowsAsync(Factory)).Count);
    }

    [Fact]
    public async Task A_test_message_goes_through_the_outbox_in_the_administrators_language()
    {
        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);
        var address = $"test-{Guid.NewGuid():N}@exemple.fr";
        var response = await admin.SubmitFormAsync(PageUrl, "#test-form", new Dictionary<string, string> { ["adresse"] = address });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var received = await Smtp.WaitForMessageAsync(m => m.ToAddress == address);
        Assert.Equal("Courriel de test de Réseau Culture et Numérique", received.Subject);
        Assert.Equal("Réseau Culture et Numérique", received.FromName);
        Assert.Contains("http://localhost/admin/courriels", received.TextBody);
        var page = await admin.GetDocumentAsync(response.Headers.Location!.OriginalString);
        Assert.Contains(address, page.QuerySelector(".fr-alert--success")!.TextContent);

        await admin.GetAsync("/langue/en?retour=/");
        var english = $"test-{Guid.NewGuid():N}@exemple.fr";
        await admin.SubmitFormAsync(PageUrl, "#test-form", new Dictionary<string, string> { ["adresse"] = english });
        var translated = await Smtp.WaitForMessageAsync(m => m.ToAddress == english);
        Assert.Equal("Test e-mail from Réseau Culture et Numérique", translated.Subject);
        Assert.Contains("Open the mail outbox", translated.HtmlBody);
        await admin.GetAsync("/langue/fr?retour=/");
    }

    [Fact]
    public async Task The_list_is_paginated_and_filtered()
    {
        var label = UniqueSubject("Page");
        for (var i = 0; i < 25; i++) await EnqueueAsync(Factory, NewMail($"{label} {i:00}"));
        await WaitUntilAsync(async () => (await RowsAsync(Factory, q => q.Where(m => m.Subject.StartsWith(label)))).All(r => r.SentUtc != null), "all sent");
        var admin = await TestSignIn.ClientAsync(Factory, "admin-courriels@exemple.fr", administrator: true);

        var first = await admin.GetDocumentAsync(PageUrl + "?statut=envoyes");
        Assert.Equal(20, first.QuerySelectorAll(".fr-table tbody tr").Length);
        Assert.Equal("page", first.QuerySelector(".fr-tags-group a[aria-current]")!.GetAttribute("aria-current"));
        var next = first.QuerySelector("a.fr-pagination__link--next") as IHtmlAnchorElement;
        Assert.NotNull(next);
        var second = await admin.GetDocumentAsync(next.GetAttribute("href")!);
        Assert.NotEmpty(second.QuerySelectorAll(".fr-table tbody tr"));
        Assert.Equal("2", second.QuerySelector(".fr-pagination__link[aria-current=page]")!.TextContent);
        Assert.All(second.QuerySelectorAll(".fr-table tbody tr"), tr => Assert.Equal("Envoyé", tr.Children[5].QuerySelector(".fr-badge")!.TextContent));

        // Out-of-range or malformed paging and filters fall back to something valid.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PageUrl + "?p=9999&statut=inconnu")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PageUrl + "?p=-3")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync(PageUrl + "?p=abc")).StatusCode);
    }

    private static string[] RowCells(IHtmlDocument document, long id)
    {
        var row = document.QuerySelectorAll(".fr-table tbody tr").Single(tr => tr.Children[0].TextContent.Trim() == id.ToString());
        return row.Children.Select(td => string.Join(" ", td.QuerySelector(".fr-badge")?.TextContent ?? td.TextContent.Trim())).ToArray();
    }

    /// <summary>Posts fields with a valid antiforgery token taken from the page (for forms the page does not render).</summary>
    private static async Task<HttpResponseMessage> PostWithTokenAsync(HttpClient client, string action, Dictionary<string, string> fields)
    {
        var page = await client.GetDocumentAsync(PageUrl);
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        fields["__RequestVerificationToken"] = token;
        return await client.PostAsync(action, new FormUrlEncodedContent(fields));
    }
}
