using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Network.Modules.Content.Data;
using Network.Modules.Content.Workflow;
using Network.Modules.News.Services;
using Network.Tests.Content;
using Network.Tests.Infrastructure;
using Network.Tests.Media;
using Network.Tests.Showcases;
using static Network.Tests.News.NewsTestKit;

namespace Network.Tests.News;

/// <summary>The news editor through HTTP as a contributor's browser uses it (no JavaScript), and the workflow it feeds.</summary>
public sealed class NewsEditorTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string New = "/hauts-de-france/admin/actualites/nouveau";

    private static string Editor(int id) => $"/hauts-de-france/admin/actualites/{id}";

    private Task<int> CountAsync(string title)
        => factory.InTenantAsync(Region, sp => sp.GetRequiredService<ContentDbContext>().Items.CountAsync(i => i.Title == title));

    private static MultipartFormDataContent Multipart(IHtmlDocument page, IDictionary<string, string> changes, byte[] file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(page, changes)) content.Add(new StringContent(value), name);
        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        content.Add(part, "Form.NewImage.File", "photo.jpg");
        return content;
    }

    private async Task AssertRefusedAsync(HttpResponseMessage response, string title, string message)
    {
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Rien n'a été enregistré", html);
        Assert.Contains(message, html);
        Assert.Equal(0, await CountAsync(title));
    }

    [Fact]
    public async Task A_contributor_writes_news_with_an_image_and_tags_submits_it_and_a_coordinator_publishes_it()
    {
        var (_, client) = await factory.SignedInWithRoleAsync(Region);
        var page = await client.GetDocumentAsync(New);
        Assert.Equal("Chapô", page.QuerySelector("label[for='common-summary']")!.FirstChild!.TextContent.Trim());
        var title = Unique("Ouverture de l'appel Cultures connectées");

        // An image without alternative text is refused, and nothing is written.
        var image = MediaTestImages.JpegWithOrientationAndGps();
        var noAlt = await client.PostAsync(New, Multipart(page, new Dictionary<string, string> { ["Common.Title"] = title, ["Common.Summary"] = "Chapô", ["Form.Body"] = "Texte" }, image));
        await AssertRefusedAsync(noAlt, title, "texte alternatif");

        var created = await client.PostAsync(New, Multipart(page, new Dictionary<string, string>
        {
            ["Common.Title"] = title,
            ["Common.Summary"] = "L'appel à projets régional est ouvert jusqu'au 15 mars.",
            ["Form.Body"] = "## Qui peut candidater\r\nLes structures culturelles de la région.",
            ["Form.Tags"] = " Appel à projets, médiation ,, APPEL A PROJETS ",
            ["Form.Signature"] = "Service communication de la DRAC",
            ["Form.ImageAlt"] = "Des visiteurs devant une borne numérique",
            ["Form.ImageCredit"] = "DRAC Hauts-de-France",
        }, image));
        var id = ShowcaseTestKit.IdFromLocation(created);
        var item = (await factory.FindItemAsync(Region, id))!;
        var fields = factory.Service<NewsType>().Read(item);
        Assert.Equal(["Appel à projets", "médiation"], fields.Tags);
        Assert.Equal("## Qui peut candidater\nLes structures culturelles de la région.", fields.Body);
        Assert.Equal("Des visiteurs devant une borne numérique", fields.Image!.Alt);
        Assert.Equal("Service communication de la DRAC", fields.Signature);
        Assert.True(item.SharedWithNetwork);
        Assert.Equal(ContentStatus.Draft, item.Status);

        // The image is kept when the article is saved again, with its texts editable.
        var editor = await client.GetDocumentAsync(Editor(id));
        Assert.Equal(fields.Image.MediaId.ToString(), ((IHtmlInputElement)editor.QuerySelector("input[name='Form.ImageMediaId']")!).Value);
        var saved = await client.PostNewsEditorAsync(Editor(id), editor, new Dictionary<string, string> { ["Form.ImageAlt"] = "Une borne numérique" });
        Assert.Equal(id, ShowcaseTestKit.IdFromLocation(saved));
        Assert.Equal("Une borne numérique", factory.Service<NewsType>().Read((await factory.FindItemAsync(Region, id))!).Image!.Alt);

        // Not public before publication.
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/hauts-de-france/actualites/{item.Slug}")).StatusCode);

        item = (await factory.FindItemAsync(Region, id))!;
        var author = ContentTestKit.Author with { UserId = item.AuthorId };
        var submitted = await factory.PerformAsync(Region, item, ContentAction.Submit, author);
        Assert.Equal(ContentStatus.Submitted, submitted.Item!.Status);
        // The same submission again (a double click on a stale page) is refused and changes nothing.
        Assert.False((await factory.PerformAsync(Region, item, ContentAction.Submit, author)).Succeeded);
        // A contributor does not publish.
        Assert.False((await factory.PerformAsync(Region, submitted.Item, ContentAction.Publish, author)).Succeeded);
        var published = await factory.PerformAsync(Region, submitted.Item, ContentAction.Publish);
        Assert.Equal(ContentStatus.Published, published.Item!.Status);
        var article = await factory.CreateClient().GetDocumentAsync($"/hauts-de-france/actualites/{item.Slug}");
        Assert.Contains("Service communication de la DRAC", article.QuerySelector("article")!.TextContent);
        Assert.NotNull(article.QuerySelector("article picture img[alt='Une borne numérique']"));
    }

    [Fact]
    public async Task Scheduled_news_is_published_at_its_time_by_the_worker()
    {
        var created = await factory.CreateNewsAsync(Region, Edit(Unique("Journée régionale Culture et Numérique"), Fields()));
        var at = DateTime.UtcNow.AddSeconds(2);
        var scheduled = await factory.PerformAsync(Region, created.Item!, ContentAction.Schedule, at: at);
        Assert.True(scheduled.Succeeded, string.Join("; ", scheduled.Errors.Select(e => e.Message)));
        Assert.Equal(ContentStatus.Scheduled, scheduled.Item!.Status);
        await factory.DrainAsync(Region);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/hauts-de-france/actualites/{scheduled.Item.Slug}")).StatusCode);

        await Task.Delay(at - DateTime.UtcNow + TimeSpan.FromMilliseconds(200) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero);
        await factory.DrainAsync(Region);
        var item = (await factory.FindItemAsync(Region, created.Item!.Id))!;
        Assert.Equal(ContentStatus.Published, item.Status);
        Assert.Equal(at, item.PublishedUtc);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync($"/hauts-de-france/actualites/{item.Slug}")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_a_french_message_and_nothing_is_written()
    {
        var (_, client) = await factory.SignedInWithRoleAsync(Region);
        var page = await client.GetDocumentAsync(New);
        Dictionary<string, string> Valid(string title) => new()
        {
            ["Common.Title"] = title, ["Common.Summary"] = "Un chapô.", ["Form.Body"] = "Un texte.",
        };

        var title = Unique("Sans chapô");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Common.Summary"] = "  " }), title, "Rédigez le chapô");

        title = Unique("Sans texte");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Form.Body"] = "" }), title, "Rédigez le texte de l'actualité.");

        title = Unique("Trop de mots-clés");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title))
        {
            ["Form.Tags"] = string.Join(",", Enumerable.Range(1, NewsType.MaxTags + 1).Select(i => $"mot {i}")),
        }), title, $"{NewsType.MaxTags} mots-clés au plus.");

        title = Unique("Mot-clé trop long");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Form.Tags"] = new string('x', 60) }), title, "dépasse 40 caractères");

        title = Unique("Texte trop long");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Form.Body"] = new string('a', NewsType.BodyMaxLength + 1) }), title, "Le texte ne peut dépasser");

        title = Unique("Chapô trop long");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Common.Summary"] = new string('a', 400) }), title, "Le résumé ne peut dépasser");

        title = Unique("Signature trop longue");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title)) { ["Form.Signature"] = new string('a', 300) }), title, "La signature ne peut dépasser");

        // A media number of another region's library (or a made-up one) is not this region's: refused.
        var foreign = await factory.InTenantAsync("nouvelle-aquitaine", async sp =>
        {
            var library = sp.GetRequiredService<Network.Modules.Media.Services.MediaLibrary>();
            var file = new Microsoft.AspNetCore.Http.FormFile(new MemoryStream(MediaTestImages.JpegWithOrientationAndGps()), 0, MediaTestImages.JpegWithOrientationAndGps().Length, "f", "aquitaine.jpg")
            { Headers = new Microsoft.AspNetCore.Http.HeaderDictionary(), ContentType = "image/jpeg" };
            var uploaded = await library.UploadAsync(file, "Image aquitaine", false, null, "test", CancellationToken.None);
            Assert.True(uploaded.Succeeded);
            return uploaded.Item!.Id;
        });
        title = Unique("Image forgée");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title))
        {
            ["Form.NewImage.MediaNumber"] = (foreign + 5000).ToString(), ["Form.ImageAlt"] = "Une image",
        }), title, "pas d'image portant ce numéro");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title))
        {
            ["Form.ImageMediaId"] = (foreign + 5000).ToString(), ["Form.ImageAlt"] = "Une image",
        }), title, "L'image choisie n'existe pas dans la médiathèque de ce site");
        await AssertRefusedAsync(await client.PostNewsEditorAsync(New, page, new Dictionary<string, string>(Valid(title))
        {
            ["Form.ImageMediaId"] = "abc",
        }), title, "L'image choisie n'existe pas dans la médiathèque de ce site");
    }

    [Fact]
    public async Task A_stale_save_is_refused_and_a_double_submit_creates_one_article()
    {
        var (_, client) = await factory.SignedInWithRoleAsync(Region);
        var page = await client.GetDocumentAsync(New);
        var title = Unique("Deux clics");
        var values = new Dictionary<string, string> { ["Common.Title"] = title, ["Common.Summary"] = "Chapô.", ["Form.Body"] = "Version 1" };
        var first = ShowcaseTestKit.IdFromLocation(await client.PostNewsEditorAsync(New, page, values));
        var second = ShowcaseTestKit.IdFromLocation(await client.PostNewsEditorAsync(New, page, values));
        Assert.Equal(first, second);
        Assert.Equal(1, await CountAsync(title));

        var tabA = await client.GetDocumentAsync(Editor(first));
        var tabB = await client.GetDocumentAsync(Editor(first));
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostNewsEditorAsync(Editor(first), tabA, new Dictionary<string, string> { ["Form.Body"] = "Onglet A" })).StatusCode);
        var stale = await client.PostNewsEditorAsync(Editor(first), tabB, new Dictionary<string, string> { ["Form.Body"] = "Onglet B" });
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Quelqu'un d'autre a modifié cette actualité", html);
        Assert.Contains("Onglet B", html);
        Assert.Equal("Onglet A", factory.Service<NewsType>().Read((await factory.FindItemAsync(Region, first))!).Body);

        // Another region's editor does not know this id.
        var elsewhere = await client.GetAsync($"/nouvelle-aquitaine/admin/actualites/{first}");
        Assert.True(elsewhere.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound);
        var (_, member) = await factory.SignedInWithRoleAsync(Region, Network.Core.Security.NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync(New)).StatusCode);
    }
}
