using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Showcases;
using static Network.Tests.Pages.PageTestKit;

namespace Network.Tests.Pages;

/// <summary>The admin page list and editor through HTTP, as a coordinator's browser uses them (no JavaScript).</summary>
public sealed class PageEditorTests(PagesWebFactory factory) : IClassFixture<PagesWebFactory>
{
    private const string New = "/hauts-de-france/admin/pages/nouveau";

    private static List<KeyValuePair<string, string>> Values(AngleSharp.Html.Dom.IHtmlDocument page, IDictionary<string, string> changes)
        => HtmlForms.FormValues(page, "#page-editor-form", changes);

    private Task<HttpResponseMessage> PostAsync(HttpClient client, string url, AngleSharp.Html.Dom.IHtmlDocument page, IDictionary<string, string> changes)
        => client.PostAsync(url, new FormUrlEncodedContent(Values(page, changes)));

    [Fact]
    public async Task A_page_takes_an_image_of_its_library_by_number_and_refuses_a_number_it_does_not_have()
    {
        var mediaId = await factory.InTenantAsync(Hdf, async sp =>
        {
            var bytes = Network.Tests.Media.MediaTestImages.JpegWithOrientationAndGps();
            var file = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream(bytes), 0, bytes.Length, "f", "page.jpg")
            { Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(), ContentType = "image/jpeg" };
            var uploaded = await sp.GetRequiredService<Network.Modules.Media.Services.MediaLibrary>().UploadAsync(file, "Image de page", false, null, "test", CancellationToken.None);
            Assert.True(uploaded.Succeeded);
            return uploaded.Item!.Id;
        });
        var (_, client) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);
        Dictionary<string, string> Input(string title, string number) => new()
        {
            ["Common.Title"] = title, ["Common.Summary"] = "Une page illustrée.", ["Form.Body"] = "Le texte de la page.",
            ["Form.NewImageNumber"] = number, ["Form.ImageAlt"] = "La façade du bâtiment", ["Form.ImageCredit"] = "Photo DRAC",
        };

        var title = Unique("Page illustrée");
        var created = await PostAsync(client, New, await client.GetDocumentAsync(New), Input(title, $"n° {mediaId}"));
        var item = (await factory.ReloadAsync(Hdf, ShowcaseTestKit.IdFromLocation(created)))!;
        var image = factory.Service<PageType>().Read(item).Image!;
        Assert.Equal(mediaId, image.MediaId);
        Assert.Equal("La façade du bâtiment", image.Alt);
        Assert.Equal("Photo DRAC", image.Credit);

        var refusedTitle = Unique("Page à l'image inconnue");
        var refused = await PostAsync(client, New, await client.GetDocumentAsync(New), Input(refusedTitle, (mediaId + 5000).ToString()));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("image portant ce numéro", await refused.Content.ReadAsStringAsync());
        Assert.False(await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<ContentDbContext>().Items.AnyAsync(i => i.Title == refusedTitle)));
    }

    [Fact]
    public async Task A_coordinator_creates_a_sub_page_and_the_list_shows_the_tree()
    {
        var parent = await factory.PublishedPageAsync(Hdf, Page(Unique("À propos")));
        var (_, client) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);
        var form = await client.GetDocumentAsync(New);
        Assert.NotNull(form.QuerySelector($"#form-parentid option[value='{parent.Id}']"));
        var title = Unique("L'équipe");
        var created = await PostAsync(client, New, form, new Dictionary<string, string>
        {
            ["Common.Title"] = title,
            ["Common.Slug"] = "equipe",
            ["Common.Summary"] = "Les personnes du service.",
            ["Form.ParentId"] = parent.Id.ToString(),
            ["Form.Body"] = "## Qui fait quoi\n\nLe service compte **six** personnes.",
            ["Form.Position"] = "2",
        });
        var id = ShowcaseTestKit.IdFromLocation(created);
        var item = (await factory.ReloadAsync(Hdf, id))!;
        Assert.Equal(parent.Slug + "/equipe", item.Slug);
        Assert.False(item.SharedWithNetwork);

        // A double submit of the "new" form opens the first page instead of making a copy.
        var duplicate = await PostAsync(client, New, form, new Dictionary<string, string>
        {
            ["Common.Title"] = title, ["Common.Slug"] = "equipe", ["Common.Summary"] = "Les personnes du service.",
            ["Form.ParentId"] = parent.Id.ToString(), ["Form.Body"] = "## Qui fait quoi\n\nLe service compte **six** personnes.", ["Form.Position"] = "2",
        });
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(duplicate));

        // The editor shows the segment only, and saving again round-trips every field.
        var saved = await client.GetDocumentAsync(created.Headers.Location!.OriginalString);
        Assert.Equal("equipe", ((AngleSharp.Html.Dom.IHtmlInputElement)saved.QuerySelector("#common-slug")!).Value);
        Assert.Null(saved.QuerySelector($"#form-parentid option[value='{id}']"));
        var again = await PostAsync(client, $"/hauts-de-france/admin/pages/{id}", saved, new Dictionary<string, string>());
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(again));
        var after = (await factory.ReloadAsync(Hdf, id))!;
        Assert.Equal(item.FieldsJson, after.FieldsJson);
        Assert.Equal(item.Slug, after.Slug);

        var list = await client.GetDocumentAsync("/hauts-de-france/admin/pages");
        var rows = list.QuerySelectorAll("tbody tr th").Select(th => th.TextContent).ToList();
        var parentRow = rows.FindIndex(r => r.Contains(parent.Title));
        Assert.True(parentRow >= 0);
        Assert.Contains(title, rows[parentRow + 1]);
        Assert.Contains("—", rows[parentRow + 1]);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_french_messages_and_writes_nothing()
    {
        var (_, client) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);
        var form = await client.GetDocumentAsync(New);
        var title = Unique("Page refusée");
        foreach (var (changes, field) in new (Dictionary<string, string>, string)[]
        {
            (new() { ["Common.Title"] = title, ["Form.Body"] = "" }, "form-body"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = new string('x', PageType.BodyMaxLength + 1) }, "form-body"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = "Texte", ["Form.ParentId"] = "abc" }, "form-parentid"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = "Texte", ["Form.ParentId"] = "987654" }, "form-parentid"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = "Texte", ["Common.Slug"] = "projets" }, "common-slug"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = "Texte", ["Form.Position"] = "beaucoup" }, "form-position"),
            (new() { ["Common.Title"] = title, ["Form.Body"] = "Texte", ["Form.TitleEn"] = "Only a title" }, "form-bodyen"),
        })
        {
            var response = await PostAsync(client, New, form, changes);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            Assert.NotNull(page.QuerySelector($"#{field}-messages .fr-message--error, #{field}-desc-error, .fr-input-group--error #{field}, .fr-select-group--error #{field}"));
        }
        Assert.Equal(0, await ShowcaseTestKit.CountItemsAsync(factory, Hdf, title));
    }

    [Fact]
    public async Task Contributors_may_not_edit_pages_and_another_tenants_page_is_not_found()
    {
        var (_, contributor) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Contributor);
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync(New)).StatusCode);

        var foreign = await factory.PublishedPageAsync(Na, Page(Unique("Page aquitaine")));
        var hdfIds = await factory.InTenantAsync(Hdf, sp => sp.GetRequiredService<ContentDbContext>().Items.Where(i => i.ContentType == PageType.TypeName).Select(i => i.Id).ToListAsync());
        var (_, coordinator) = await factory.SignedInWithRoleAsync(Hdf, NetworkRoles.Coordinator);
        if (!hdfIds.Contains(foreign.Id))
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync($"/hauts-de-france/admin/pages/{foreign.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_role_page_keeps_its_address_and_place_when_edited()
    {
        var created = await factory.CreateAsync(Na, Page("Accessibilité", role: PageRoles.Accessibility));
        var role = created.Succeeded ? created.Item! : await factory.InTenantAsync(Na, sp => sp.GetRequiredService<ContentDbContext>().Items.FirstAsync(i => i.ContentType == PageType.TypeName && i.Slug == PageRoles.Accessibility));
        var (_, client) = await factory.SignedInWithRoleAsync(Na, NetworkRoles.Coordinator);
        var url = $"/nouvelle-aquitaine/admin/pages/{role.Id}";
        var form = await client.GetDocumentAsync(url);
        Assert.Null(form.QuerySelector("#form-parentid"));
        var other = await factory.PublishedPageAsync(Na, Page(Unique("Autre")));
        var response = await PostAsync(client, url, form, new Dictionary<string, string> { ["Common.Slug"] = "ailleurs", ["Form.ParentId"] = other.Id.ToString() });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var after = (await factory.ReloadAsync(Na, role.Id))!;
        Assert.Equal(PageRoles.Accessibility, after.Slug);
        Assert.Null(factory.Service<PageType>().Read(after).ParentId);

        // The workflow page offers neither archiving nor deletion of a legal page.
        var workflow = await client.GetDocumentAsync($"/nouvelle-aquitaine/admin/contenus/{role.Id}");
        Assert.DoesNotContain("Supprimer définitivement", workflow.Body!.TextContent);
        Assert.DoesNotContain("Archiver", workflow.Body!.TextContent);
    }
}
