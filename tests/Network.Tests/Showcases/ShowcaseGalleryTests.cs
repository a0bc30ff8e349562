using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Dom;
using Network.Tests.Infrastructure;
using Network.Tests.Media;
using static Network.Tests.Showcases.ShowcaseTestKit;

namespace Network.Tests.Showcases;

/// <summary>The editor's gallery with the real media library (libvips): an image without alternative text is refused.</summary>
public sealed class ShowcaseGalleryTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private const string New = "/hauts-de-france/admin/projets/nouveau";

    private static MultipartFormDataContent Multipart(IHtmlDocument page, IDictionary<string, string> changes, byte[]? file)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in FormValues(page, changes)) content.Add(new StringContent(value), name);
        if (file is not null)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            content.Add(part, "Form.NewImage.File", "photo.jpg");
        }
        return content;
    }

    [Fact]
    public async Task An_image_needs_alternative_text_or_the_decorative_mark_and_is_kept_with_the_draft()
    {
        await factory.EnsureVocabulariesAsync(Hdf);
        var (_, client) = await factory.SignedInWithRoleAsync(Hdf);
        var page = await client.GetDocumentAsync(New);
        var image = MediaTestImages.JpegWithOrientationAndGps();

        // No alternative text, not decorative: refused, nothing added.
        var refused = await client.PostAsync($"{New}?handler=AddImage", Multipart(page, new Dictionary<string, string> { ["Common.Title"] = "Galerie" }, image));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusedPage = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("texte alternatif", refusedPage.QuerySelector("#form-newimage-alt-messages")!.TextContent);
        Assert.Empty(refusedPage.QuerySelectorAll("input[name$='.MediaId']"));

        // With a text: added to the gallery shown, then saved with the draft.
        var added = await client.PostAsync($"{New}?handler=AddImage", Multipart(page, new Dictionary<string, string>
        {
            ["Common.Title"] = "Galerie " + Guid.NewGuid(),
            ["Form.NewImage.Alt"] = "La nef restaurée",
            ["Form.NewImage.Credit"] = "Ville d'Amiens",
        }, image));
        var addedPage = HtmlForms.Parse(await added.Content.ReadAsStringAsync());
        Assert.Single(addedPage.QuerySelectorAll("input[name='Form.Gallery[0].MediaId']"));
        Assert.Equal("La nef restaurée", ((IHtmlInputElement)addedPage.QuerySelector("#form-gallery-0--alt")!).Value);
        var saved = await client.PostEditorAsync(New, addedPage);
        var id = IdFromLocation(saved);
        var item = (await factory.FindItemAsync(Hdf, id))!;
        Assert.Contains("La nef restaurée", item.FieldsJson);

        // Emptying the text of a saved image without marking it decorative is refused; marking it decorative is accepted.
        var editor = await client.GetDocumentAsync($"/hauts-de-france/admin/projets/{id}");
        var emptied = await client.PostEditorAsync($"/hauts-de-france/admin/projets/{id}", editor, new Dictionary<string, string> { ["Form.Gallery[0].Alt"] = "" });
        Assert.Equal(HttpStatusCode.OK, emptied.StatusCode);
        Assert.Contains("texte alternatif", HtmlForms.Parse(await emptied.Content.ReadAsStringAsync()).QuerySelector("#form-gallery-0--alt-messages")!.TextContent);
        Assert.Equal(item.Version, (await factory.FindItemAsync(Hdf, id))!.Version);
        var decorative = await client.PostEditorAsync($"/hauts-de-france/admin/projets/{id}", editor, new Dictionary<string, string>
        {
            ["Form.Gallery[0].Alt"] = "",
            ["Form.Gallery[0].Decorative"] = "true",
        });
        Assert.Equal(id, IdFromLocation(decorative));

        // A media number from another region's library (or unknown) is not found here.
        var unknown = await client.PostEditorAsync(New, page, new Dictionary<string, string> { ["Common.Title"] = "Inconnue", ["Form.NewImage.MediaNumber"] = "987654", ["Form.NewImage.Alt"] = "x" }, handler: "AddImage");
        Assert.Contains("pas d'image portant ce numéro", HtmlForms.Parse(await unknown.Content.ReadAsStringAsync()).QuerySelector("#form-newimage-medianumber-messages")!.TextContent);
    }
}
