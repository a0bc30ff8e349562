using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Tests.Content;
using Network.Modules.Content.Data;
using Network.Modules.Showcases.Data;
using Network.Tests.Infrastructure;
using static Network.Tests.Showcases.ShowcaseTestKit;

namespace Network.Tests.Showcases;

/// <summary>The showcase editor through HTTP, as a contributor's browser uses it (no JavaScript).</summary>
public sealed class ShowcaseEditorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string New = "/hauts-de-france/admin/projets/nouveau";

    private static string Editor(int id) => $"/hauts-de-france/admin/projets/{id}";

    private async Task<HttpClient> ContributorAsync()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        return (await factory.SignedInWithRoleAsync(Hdf)).Client;
    }

    [Fact]
    public async Task A_contributor_creates_a_draft_with_every_kind_of_field_and_saves_it_again()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Numérisation 3D de la cathédrale " + Guid.NewGuid().ToString("N")[..6];
        var created = await client.PostEditorAsync(New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = title,
            ["Common.Summary"] = "Relevés 3D et visite virtuelle.",
            ["Form.Description"] = "## Le projet\r\n\r\nUn **jumeau numérique**.",
            ["Form.LeadOrganisation"] = "Ville d'Amiens",
            ["Form.Partners[0].Name"] = "Université de Picardie",
            ["Form.Partners[0].Role"] = "Relevés",
            ["Form.ContactEmail"] = "contact@amiens.fr",
            ["Form.ShowContact"] = "true",
            ["Form.Department"] = "80",
            ["Form.Domains"] = "monuments-historiques",
            ["Form.Technologies"] = "numerisation-3d",
            ["Form.Audiences"] = "grand public, scolaires",
            ["Form.Maturity"] = "pilote",
            ["Form.StartDate"] = "2023-01-15",
            ["Form.EndDate"] = "15/06/2024",
            ["Form.Programme"] = "PNV",
            ["Form.Year"] = "2023",
            ["Form.AmountGranted"] = "15 000,50",
            ["Form.TotalBudget"] = "60000",
            ["Form.CoFunders"] = "Région\nDépartement",
            ["Form.Links[0].Kind"] = "website",
            ["Form.Links[0].Label"] = "Visite virtuelle",
            ["Form.Links[0].Url"] = "https://exemple.fr/visite",
        }, remove: "Common.SharedWithNetwork");
        var id = IdFromLocation(created);
        Assert.Contains("cree=1", created.Headers.Location!.OriginalString);

        var item = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Equal(title, item.Title);
        Assert.Equal(ContentStatus.Draft, item.Status);
        Assert.False(item.SharedWithNetwork);
        Assert.StartsWith("numerisation-3d-de-la-cathedrale-", item.Slug);
        var saved = await client.GetDocumentAsync(created.Headers.Location!.OriginalString);
        Assert.Contains("Le brouillon est créé.", saved.Body!.TextContent);
        Assert.Equal("15000.5", ((AngleSharp.Html.Dom.IHtmlInputElement)saved.QuerySelector("#form-amountgranted")!).Value);
        Assert.Equal("2024-06-15", ((AngleSharp.Html.Dom.IHtmlInputElement)saved.QuerySelector("#form-enddate")!).Value);
        Assert.True(((AngleSharp.Html.Dom.IHtmlInputElement)saved.QuerySelector("input[name='Form.Domains'][value='monuments-historiques']")!).IsChecked);
        Assert.Contains("/admin/contenus/" + id, saved.Body.InnerHtml);

        // Saving again without changes keeps every field (the form round-trips).
        var again = await client.PostEditorAsync(Editor(id), saved);
        Assert.Equal(id, IdFromLocation(again));
        var after = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Equal(item.FieldsJson, after.FieldsJson);
        Assert.Equal(item.Version + 1, after.Version);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_message_per_field_and_nothing_is_written()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var marker = "Mauvais " + Guid.NewGuid().ToString("N")[..6];
        var response = await client.PostEditorAsync(New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = "",
            ["Common.Summary"] = new string('a', 301),
            ["Form.LeadOrganisation"] = marker,
            ["Form.AmountGranted"] = "abc",
            ["Form.TotalBudget"] = "-5",
            ["Form.Year"] = "deux mille",
            ["Form.StartDate"] = "31/02/2024",
            ["Form.ContactEmail"] = "pas-une-adresse",
            ["Form.Department"] = "999",
            ["Form.Maturity"] = "inconnue",
            ["Form.Domains"] = "domaine-invente",
            ["Form.Links[0].Label"] = "Piège",
            ["Form.Links[0].Url"] = "javascript:alert(1)",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        string ErrorOf(string id) => document.QuerySelector($"#{id}-messages")?.TextContent.Trim() ?? "";
        Assert.Contains("Indiquez un titre", ErrorOf("common-title"));
        Assert.Contains("300 caractères", ErrorOf("common-summary"));
        Assert.Contains("montant en euros", ErrorOf("form-amountgranted"));
        Assert.Contains("Indiquez l'année en chiffres", ErrorOf("form-year"));
        Assert.Contains("date valide", ErrorOf("form-startdate"));
        Assert.Contains("adresse électronique valide", ErrorOf("form-contactemail"));
        Assert.Contains("numéro du département", ErrorOf("form-department"));
        Assert.Contains("maturité", ErrorOf("form-maturity"));
        Assert.Contains("ne fait pas partie de la liste", ErrorOf("form-domains"));
        Assert.Contains("https://", ErrorOf("form-links-0--url"));
        // The summary at the top links to the fields, the typed values are still there, and nothing was created.
        Assert.NotNull(document.QuerySelector("#erreurs a[href='#form-amountgranted']"));
        Assert.Equal("abc", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#form-amountgranted")!).Value);
        Assert.Equal("javascript:alert(1)", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#form-links-0--url")!).Value);
        Assert.Null(document.QuerySelector("a[href^='javascript']"));
        Assert.Equal(0, await factory.InTenantCountAsync(marker));

        // A negative amount (well-formed) is refused by the type's rules, and the amount above the budget as well.
        var negative = await client.PostEditorAsync(New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = marker,
            ["Form.AmountGranted"] = "-100",
        });
        Assert.Contains("nombre positif", HtmlForms.Parse(await negative.Content.ReadAsStringAsync()).QuerySelector("#form-amountgranted-messages")!.TextContent);
        var aboveBudget = await client.PostEditorAsync(New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = marker,
            ["Form.AmountGranted"] = "70000",
            ["Form.TotalBudget"] = "60000",
            ["Form.StartDate"] = "2024-05-01",
            ["Form.EndDate"] = "2024-04-01",
        });
        var aboveDocument = HtmlForms.Parse(await aboveBudget.Content.ReadAsStringAsync());
        Assert.Contains("ne peut dépasser le budget", aboveDocument.QuerySelector("#form-amountgranted-messages")!.TextContent);
        Assert.Contains("doit suivre la date de début", aboveDocument.QuerySelector("#form-enddate-messages")!.TextContent);
        Assert.Equal(0, await factory.InTenantCountAsync(marker));
    }

    [Fact]
    public async Task Repeatable_rows_are_added_without_javascript_and_nothing_typed_is_lost()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        Assert.Equal(2, page.QuerySelectorAll("input[name$='].Name'][name^='Form.Partners']").Length);
        var response = await client.PostEditorAsync(New, page, new Dictionary<string, string>
        {
            ["Common.Title"] = "Lignes",
            ["Form.Partners[0].Name"] = "Premier",
            ["Form.Partners[1].Name"] = "Second",
        }, handler: "AddPartner");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(4, document.QuerySelectorAll("input[name^='Form.Partners'][name$='].Name']").Length);
        Assert.Equal("Second", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#form-partners-1--name")!).Value);
        Assert.Equal("Lignes", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#common-title")!).Value);
        Assert.Null(document.QuerySelector("#erreurs"));
        Assert.Equal(0, await factory.InTenantCountAsync("Lignes"));
    }

    [Fact]
    public async Task A_stale_version_gets_the_conflict_message_with_the_users_input_kept()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var id = IdFromLocation(await client.PostEditorAsync(New, page, new Dictionary<string, string> { ["Common.Title"] = "Concurrence " + Guid.NewGuid() }));
        var first = await client.GetDocumentAsync(Editor(id));
        var second = await client.GetDocumentAsync(Editor(id));
        IdFromLocation(await client.PostEditorAsync(Editor(id), first, new Dictionary<string, string> { ["Form.Commune"] = "Lille" }));
        var refused = await client.PostEditorAsync(Editor(id), second, new Dictionary<string, string> { ["Form.Commune"] = "Amiens", ["Form.Description"] = "Mon long texte" });
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var document = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("Quelqu'un d'autre a modifié ce projet", document.Body!.TextContent);
        Assert.Equal("Amiens", ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#form-commune")!).Value);
        Assert.Equal("Mon long texte", document.QuerySelector("#form-description")!.TextContent);
        Assert.Contains("\"commune\":\"Lille\"", (await factory.FindItemAsync(Hdf, id))!.FieldsJson);
    }

    [Fact]
    public async Task Ids_of_another_region_or_type_are_not_found_and_other_authors_drafts_are_forbidden()
    {
        await factory.EnsureVocabulariesAsync(Na);
        // An item of Nouvelle-Aquitaine whose id Hauts-de-France does not have: its number leads nowhere in Hauts-de-France.
        var hdfMax = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<ContentDbContext>().Items.MaxAsync(i => (int?)i.Id)) ?? 0;
        ContentItem foreign;
        do foreign = await factory.PublishAsync(Na, "Aquitain " + Guid.NewGuid(), new ShowcaseFields(), publish: false);
        while (foreign.Id <= hdfMax);
        var client = await ContributorAsync();
        Assert.Null(await factory.FindItemAsync(Hdf, foreign.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Editor(foreign.Id))).StatusCode);
        var blank = await client.GetDocumentAsync(New);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostEditorAsync(Editor(foreign.Id), blank, new Dictionary<string, string> { ["Common.Title"] = "Piraté" })).StatusCode);
        Assert.NotEqual("Piraté", (await factory.FindItemAsync(Na, foreign.Id))!.Title);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Editor(987654))).StatusCode);

        // Another contributor's draft of the same region: forbidden, to read and to post.
        var (_, otherAuthor) = await factory.SignedInWithRoleAsync(Hdf);
        var page = await otherAuthor.GetDocumentAsync(New);
        var id = IdFromLocation(await otherAuthor.PostEditorAsync(New, page, new Dictionary<string, string> { ["Common.Title"] = "Brouillon d'autrui " + Guid.NewGuid() }));
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync(Editor(id))).StatusCode);
        var own = await client.GetDocumentAsync(New);
        var forged = await client.PostEditorAsync(Editor(id), own, new Dictionary<string, string> { ["Common.Title"] = "Piraté" });
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        Assert.DoesNotContain("Piraté", (await factory.FindItemAsync(Hdf, id))!.Title);

        // A member without the contributor role cannot open the editor at all.
        var (_, member) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(New)).StatusCode);
    }

    [Fact]
    public async Task A_double_submit_of_the_new_form_opens_the_first_draft_instead_of_making_a_copy()
    {
        var client = await ContributorAsync();
        var page = await client.GetDocumentAsync(New);
        var title = "Double envoi " + Guid.NewGuid();
        var changes = new Dictionary<string, string> { ["Common.Title"] = title, ["Form.Commune"] = "Arras" };
        var first = IdFromLocation(await client.PostEditorAsync(New, page, changes));
        var second = IdFromLocation(await client.PostEditorAsync(New, page, changes));
        Assert.Equal(first, second);
        Assert.Equal(1, await factory.InTenantCountAsync(title));
    }
}

internal static class ShowcaseEditorTestExtensions
{
    public static Task<int> InTenantCountAsync(this NetworkWebFactory factory, string title) => factory.CountItemsAsync(Hdf, title);
}
