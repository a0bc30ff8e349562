using System.Net;
using AngleSharp.Html.Dom;
using Network.Core.Security;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;

namespace Network.Tests.Calls;

/// <summary>The coordinators' call editor and list through HTTP, as a browser without JavaScript uses them.</summary>
public sealed class CallEditorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string Hdf = ShowcaseTestKit.Hdf;
    private const string New = "/hauts-de-france/admin/appels/nouveau";

    private static string Editor(int id) => $"/hauts-de-france/admin/appels/{id}";

    private Task<(string UserId, HttpClient Client)> CoordinatorAsync() => factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);

    private static List<KeyValuePair<string, string>> Values(IHtmlDocument page, IDictionary<string, string>? changes = null, params string[] remove)
        => HtmlForms.FormValues(page, "#call-editor-form", changes, remove);

    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string url, IHtmlDocument page, IDictionary<string, string>? changes = null, string? handler = null, params string[] remove)
        => client.PostAsync(handler is null ? url : url + (url.Contains('?') ? "&" : "?") + "handler=" + handler, new FormUrlEncodedContent(Values(page, changes, remove)));

    /// <summary>Every field of a complete call, as typed.</summary>
    private static Dictionary<string, string> Complete(string title) => new()
    {
        ["Common.Title"] = title,
        ["Common.Summary"] = "Soutenir les dispositifs numériques innovants des lieux culturels.",
        ["Form.Programme"] = "ADNI",
        ["Form.Year"] = "2026",
        ["Form.Description"] = "## Objectifs\r\n\r\nFaire émerger des **dispositifs numériques**.",
        ["Form.EligibleApplicants"] = "association",
        ["Form.EligibleExpenses"] = "Développement, matériel dédié.",
        ["Form.Territory"] = "Région Hauts-de-France",
        ["Form.TotalEnvelope"] = "300 000",
        ["Form.MaxAmountPerProject"] = "40000",
        ["Form.MaxFundingRatePercent"] = "50",
        ["Form.OpensDate"] = "2026-03-02",
        ["Form.OpensTime"] = "09:00",
        ["Form.ClosesDate"] = "2026-04-15",
        ["Form.ClosesTime"] = "12:00",
        ["Form.Criteria[0].Label"] = "Caractère innovant",
        ["Form.Criteria[0].Key"] = "",
        ["Form.Criteria[0].Weight"] = "2",
        ["Form.Criteria[0].MaxScore"] = "10",
        ["Form.Criteria[0].Description"] = "Nouveauté pour les publics.",
        ["Form.ContactEmail"] = "appels@drac.example.fr",
    };

    private async Task<(HttpClient Client, int Id)> CreateAsync(string? title = null)
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var created = await PostAsync(client, New, page, Complete(title ?? "Appel ADNI " + Guid.NewGuid().ToString("N")[..6]));
        return (client, ShowcaseTestKit.IdFromLocation(created));
    }

    [Fact]
    public async Task A_coordinator_creates_a_call_with_paris_dates_stored_in_utc_and_the_form_round_trips()
    {
        var (client, id) = await CreateAsync();
        var item = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Equal(ContentStatus.Draft, item.Status);
        var fields = factory.Service<CallType>().Read(item);
        // 12:00 in Paris on 15 April 2026 is summer time (UTC+2); 9:00 on 2 March is winter time (UTC+1).
        Assert.Equal(new DateTime(2026, 4, 15, 10, 0, 0, DateTimeKind.Utc), fields.ClosesUtc);
        Assert.Equal(new DateTime(2026, 3, 2, 8, 0, 0, DateTimeKind.Utc), fields.OpensUtc);
        Assert.Equal(300_000m, fields.TotalEnvelope);
        Assert.Equal("caractere-innovant", Assert.Single(fields.Criteria).Key);
        Assert.Equal(["association"], fields.EligibleApplicants);

        var saved = await client.GetDocumentAsync(Editor(id));
        Assert.Contains("Le brouillon est créé.", (await client.GetDocumentAsync(Editor(id) + "?cree=1")).Body!.TextContent);
        Assert.Equal("12:00", ((IHtmlInputElement)saved.QuerySelector("#form-closestime")!).Value);
        Assert.Contains($"/admin/appels/{id}/candidatures", saved.Body!.InnerHtml);
        Assert.Contains($"/admin/contenus/{id}", saved.Body.InnerHtml);
        var again = await PostAsync(client, Editor(id), saved);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(again));
        var after = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Equal(item.FieldsJson, after.FieldsJson);

        var list = await client.GetDocumentAsync("/hauts-de-france/admin/appels");
        var row = list.QuerySelectorAll("#appels-admin tbody tr").Single(r => r.TextContent.Contains(item.Title));
        Assert.Contains("Brouillon", row.TextContent);
        Assert.Contains("15/04/2026 12:00", row.TextContent);
        Assert.NotNull(row.QuerySelector($"a[href='/hauts-de-france/admin/appels/{id}/decisions']"));
    }

    [Fact]
    public async Task Criteria_and_questions_rows_are_added_and_removed_by_posting_the_form_without_saving()
    {
        var (client, id) = await CreateAsync();
        var page = await client.GetDocumentAsync(Editor(id));
        var added = await PostAsync(client, Editor(id), page, handler: "AddCriterion");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var withRow = HtmlForms.Parse(await added.Content.ReadAsStringAsync());
        Assert.NotNull(withRow.QuerySelector("input[name='Form.Criteria[1].Label']"));
        var question = await PostAsync(client, Editor(id), withRow, new Dictionary<string, string>
        {
            ["Form.Criteria[1].Label"] = "Publics touchés",
            ["Form.Criteria[1].Weight"] = "1,5",
            ["Form.Criteria[1].MaxScore"] = "5",
        }, handler: "AddQuestion");
        var withQuestion = HtmlForms.Parse(await question.Content.ReadAsStringAsync());
        Assert.Equal("Publics touchés", ((IHtmlInputElement)withQuestion.QuerySelector("input[name='Form.Criteria[1].Label']")!).Value);
        Assert.NotNull(withQuestion.QuerySelector("input[name='Form.Questions[0].Label']"));
        Assert.Equal(1, factory.Service<CallType>().Read((await factory.FindItemAsync(Hdf, id))!).Criteria.Count);

        var removed = await PostAsync(client, Editor(id) + "?index=0", withQuestion, new Dictionary<string, string> { ["Form.Questions[0].Label"] = "Accessibilité ?" }, handler: "RemoveCriterion");
        var afterRemove = HtmlForms.Parse(await removed.Content.ReadAsStringAsync());
        Assert.Equal("Publics touchés", ((IHtmlInputElement)afterRemove.QuerySelector("input[name='Form.Criteria[0].Label']")!).Value);
        var saved = await PostAsync(client, Editor(id), afterRemove);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(saved));
        var fields = factory.Service<CallType>().Read((await factory.FindItemAsync(Hdf, id))!);
        var criterion = Assert.Single(fields.Criteria);
        Assert.Equal(("publics-touches", 1.5m, 5), (criterion.Key, criterion.Weight, criterion.MaxScore));
        Assert.Equal("accessibilite", Assert.Single(fields.Questions).Key);
    }

    [Theory]
    [InlineData("Form.Programme", "", "Form.Programme")]
    [InlineData("Form.Year", "deux mille", "Form.Year")]
    [InlineData("Form.Year", "1850", "Form.Year")]
    [InlineData("Form.ClosesDate", "2026-03-01", "Form.ClosesDate")]
    [InlineData("Form.ClosesTime", "25:99", "Form.ClosesDate")]
    [InlineData("Form.OpensDate", "", "Form.OpensDate")]
    [InlineData("Form.TotalEnvelope", "beaucoup", "Form.TotalEnvelope")]
    [InlineData("Form.TotalEnvelope", "-5", "Form.TotalEnvelope")]
    [InlineData("Form.MaxAmountPerProject", "400000", "Form.MaxAmountPerProject")]
    [InlineData("Form.MaxFundingRatePercent", "150", "Form.MaxFundingRatePercent")]
    [InlineData("Form.MaxFundingRatePercent", "0", "Form.MaxFundingRatePercent")]
    [InlineData("Form.Criteria[0].Weight", "lourd", "Form.Criteria[0].Weight")]
    [InlineData("Form.Criteria[0].MaxScore", "1000", "Form.Criteria[0].MaxScore")]
    [InlineData("Form.Criteria[0].Label", "", "Form.Criteria[0].Label")]
    [InlineData("Form.EligibleApplicants", "pirates", "Form.EligibleApplicants")]
    [InlineData("Form.Domains", "inconnu", "Form.Domains")]
    [InlineData("Form.ContactEmail", "pas-une-adresse", "Form.ContactEmail")]
    [InlineData("Common.Title", "", "Common.Title")]
    public async Task Bad_input_is_refused_next_to_its_field_and_nothing_is_written(string field, string value, string errorField)
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Appel refusé " + Guid.NewGuid().ToString("N")[..6];
        var changes = Complete(title);
        changes[field] = value;
        if (field == "Common.Title") title = "";
        var response = await PostAsync(client, New, page, changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.NotNull(html.QuerySelector(".fr-alert--error"));
        var id = "#" + errorField.ToLowerInvariant().Replace('.', '-').Replace('[', '-').Replace(']', '-');
        Assert.True(html.QuerySelector(id + "-messages .fr-message--error") is not null || html.QuerySelector(id + " .fr-message--error") is not null,
            $"No message next to {errorField} ({id}).");
        if (title.Length > 0) Assert.Equal(0, await factory.CountItemsAsync(Hdf, title));
    }

    [Fact]
    public async Task Two_criteria_with_the_same_key_are_refused()
    {
        var (_, client) = await CoordinatorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Appel en double " + Guid.NewGuid().ToString("N")[..6];
        var changes = Complete(title);
        changes["Form.Criteria[1].Label"] = "Caractère innovant";
        changes["Form.Criteria[1].Weight"] = "1";
        changes["Form.Criteria[1].MaxScore"] = "5";
        var response = await PostAsync(client, New, page, changes);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Deux critères ont la même clé.", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await factory.CountItemsAsync(Hdf, title));
    }

    [Fact]
    public async Task Documents_are_pdfs_of_this_sites_library_and_forged_or_foreign_ids_are_refused()
    {
        var (client, id) = await CreateAsync();
        var pdf = await factory.UploadPdfAsync(Hdf, "Règlement 2026");
        var page = await client.GetDocumentAsync(Editor(id));
        var added = await PostAsync(client, Editor(id), page, new Dictionary<string, string>
        {
            ["Form.NewDocument.MediaNumber"] = pdf.ToString(),
            ["Form.NewDocument.Title"] = "Règlement de l'appel",
        }, handler: "AddDocument");
        var withDocument = HtmlForms.Parse(await added.Content.ReadAsStringAsync());
        Assert.Equal(pdf.ToString(), ((IHtmlInputElement)withDocument.QuerySelector("input[name='Form.Documents[0].MediaId']")!).Value);
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), withDocument)));
        var fields = factory.Service<CallType>().Read((await factory.FindItemAsync(Hdf, id))!);
        Assert.Equal(new CallDocument(pdf, "Règlement de l'appel"), Assert.Single(fields.Documents));

        // Another region's PDF, a number that does not exist: refused, the stored documents unchanged.
        var foreign = await factory.UploadPdfAsync(ShowcaseTestKit.Na, "Règlement aquitain");
        var current = await client.GetDocumentAsync(Editor(id));
        foreach (var forged in new[] { foreign, 987_654 }.Where(m => m != pdf))
        {
            var response = await PostAsync(client, Editor(id), current, new Dictionary<string, string>
            {
                ["Form.Documents[0].MediaId"] = forged.ToString(),
            });
            if (response.StatusCode == HttpStatusCode.Redirect)
            {
                // Only when the number happens to be a PDF of this site too (each library numbers from 1).
                Assert.Equal(foreign, forged);
                continue;
            }
            Assert.Contains("n'est pas un PDF de la médiathèque de ce site", HtmlForms.Parse(await response.Content.ReadAsStringAsync()).Body!.TextContent);
        }
        Assert.Equal(fields.Documents, factory.Service<CallType>().Read((await factory.FindItemAsync(Hdf, id))!).Documents);

        var notPdf = await PostAsync(client, Editor(id), current, new Dictionary<string, string>
        {
            ["Form.NewDocument.MediaNumber"] = "abc",
            ["Form.NewDocument.Title"] = "Modèle",
        }, handler: "AddDocument");
        Assert.Contains("en chiffres", await notPdf.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_save_based_on_an_old_version_is_refused_and_keeps_the_input()
    {
        var (client, id) = await CreateAsync();
        var first = await client.GetDocumentAsync(Editor(id));
        var second = await client.GetDocumentAsync(Editor(id));
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(await PostAsync(client, Editor(id), first, new Dictionary<string, string> { ["Form.Territory"] = "Département du Nord" })));
        var late = await PostAsync(client, Editor(id), second, new Dictionary<string, string> { ["Form.Territory"] = "Département de la Somme" });
        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var html = await late.Content.ReadAsStringAsync();
        Assert.Contains("Quelqu&#x27;un d&#x27;autre a modifié cet appel", html);
        Assert.Contains("Département de la Somme", html);
        Assert.Equal("Département du Nord", factory.Service<CallType>().Read((await factory.FindItemAsync(Hdf, id))!).Territory);
    }

    [Fact]
    public async Task Only_accounts_that_manage_calls_reach_the_editor_and_the_list()
    {
        var (_, id) = await CreateAsync();
        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var url in new[] { "/hauts-de-france/admin/appels", New, Editor(id) })
        {
            var response = await contributor.GetAsync(url);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect or HttpStatusCode.Found, $"{url}: {response.StatusCode}");
            if (response.Headers.Location is { } location) Assert.DoesNotContain("/admin/appels", location.OriginalString.Split('?')[0]);
            var visitor = await anonymous.GetAsync(url);
            Assert.True(visitor.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden, $"{url}: {visitor.StatusCode}");
        }
        // A coordinator of another region does not find this region's call.
        var (_, otherCoordinator) = await factory.SignedInWithRoleAsync(ShowcaseTestKit.Na, NetworkRoles.Coordinator);
        var elsewhere = await otherCoordinator.GetAsync($"/nouvelle-aquitaine/admin/appels/{id}");
        Assert.True(elsewhere.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, elsewhere.StatusCode.ToString());
    }
}
