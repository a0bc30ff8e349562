using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Media;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Services;
using Network.Tests.Infrastructure;
using Network.Tests.Tenancy;

namespace Network.Tests.Media;

/// <summary>The media library through the real host: the admin forms, serving, tenant isolation, deletion guard, permissions.</summary>
public sealed class MediaAdminTests(MediaWebFactory factory) : IClassFixture<MediaWebFactory>
{
    private const string Region = "hauts-de-france";
    private const string Prefix = "/hauts-de-france";

    private async Task<HttpClient> CoordinatorAsync(string tenant = Region) => await factory.ClientWithRoleAsync(tenant, NetworkRoles.Coordinator);

    /// <summary>Uploads through the form and returns the stored item (the redirect is asserted).</summary>
    private async Task<Network.Modules.Media.Data.MediaItem> UploadAsync(HttpClient client, string fileName, byte[] bytes, string contentType, string prefix = Prefix, string tenant = Region)
    {
        var response = await client.UploadAsync(prefix, fileName, bytes, contentType);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        Assert.Equal($"{prefix}/admin/medias", response.Headers.Location!.OriginalString);
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..32];
        return (await factory.MediaItemsAsync(tenant)).Single(m => m.Key == key);
    }

    [Fact]
    public async Task A_coordinator_uploads_an_image_through_the_form_and_finds_it_in_the_library()
    {
        var client = await CoordinatorAsync();
        var photo = SampleImages.Jpeg(1400, 900, seed: 11);
        var item = await UploadAsync(client, "Salle de lecture.jpg", photo, "image/jpeg");

        Assert.Equal(("Salle de lecture.jpg", "image/jpeg", 1400, 900, "jpg"), (item.OriginalFileName, item.ContentType, item.Width, item.Height, item.Fallback));
        Assert.Equal([320, 640, 960, 1280, 1400], item.Widths);
        Assert.Equal(("Vue de la salle de lecture", false, "© DRAC, CC BY 4.0"), (item.Alt, item.Decorative, item.Credit));
        var files = factory.StoredFiles(Region).Where(f => f.StartsWith(item.Key, StringComparison.Ordinal)).ToList();
        Assert.Equal(10, files.Count);
        Assert.Contains(Path.Combine(item.Key, "1400.webp"), files);
        Assert.Contains(Path.Combine(item.Key, "320.jpg"), files);
        Assert.DoesNotContain(factory.StoredFiles(Region), f => f.StartsWith(".incoming", StringComparison.Ordinal));

        var list = await client.GetDocumentAsync($"{Prefix}/admin/medias");
        Assert.Contains("ajouté à la médiathèque sous le n°", list.QuerySelector("#media-status")!.TextContent);
        var card = list.QuerySelector($"#media-{item.Id}")!;
        Assert.Contains("Vue de la salle de lecture", card.QuerySelector(".fr-card__title")!.TextContent);
        Assert.Contains($"N° {item.Id}", card.TextContent);
        Assert.Contains(item.Key[..8], card.TextContent);
        var source = card.QuerySelector("picture source[type='image/webp']")!;
        Assert.StartsWith($"{Prefix}/media/{item.Key}/320.webp 320w", source.GetAttribute("srcset"));
        Assert.Equal("", card.QuerySelector("picture img")!.GetAttribute("alt"));
        Assert.Equal("lazy", card.QuerySelector("picture img")!.GetAttribute("loading"));
        Assert.Null(list.QuerySelector("[style]"));
    }

    [Fact]
    public async Task Variants_are_served_with_immutable_caching_an_etag_and_nosniff()
    {
        var client = await CoordinatorAsync();
        var item = await UploadAsync(client, "facade.jpg", SampleImages.Jpeg(700, 500, seed: 12), "image/jpeg");
        var anonymous = factory.CreateBrowserClient();

        var response = await anonymous.GetAsync($"{Prefix}/media/{item.Key}/640.webp");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/webp", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var etag = response.Headers.ETag!;
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(640, MediaTestImages.Inspect(bytes).Width);

        var jpeg = await anonymous.GetAsync($"{Prefix}/media/{item.Key}/700.jpg");
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);

        var conditional = new HttpRequestMessage(HttpMethod.Get, $"{Prefix}/media/{item.Key}/640.webp");
        conditional.Headers.IfNoneMatch.Add(etag);
        Assert.Equal(HttpStatusCode.NotModified, (await anonymous.SendAsync(conditional)).StatusCode);

        // No resizing from the query string: the same file whatever is asked.
        var resized = await anonymous.GetAsync($"{Prefix}/media/{item.Key}/640.webp?width=4000&w=4000&h=10");
        Assert.Equal(bytes, await resized.Content.ReadAsByteArrayAsync());

        foreach (var url in new[]
        {
            $"{Prefix}/media/{item.Key}/641.webp",          // not a generated width
            $"{Prefix}/media/{item.Key}/1920.webp",         // larger than the original: never generated
            $"{Prefix}/media/{item.Key}/640.png",           // not this image's fallback
            $"{Prefix}/media/{item.Key}/640.gif",
            $"{Prefix}/media/{item.Key.ToUpperInvariant()}/640.webp",
            $"{Prefix}/media/{item.Key[..31]}/640.webp",
            $"{Prefix}/media/{item.Key}/original.jpg",
            $"{Prefix}/media/{item.Key}/..%2F..%2Ftenant.db",
            $"{Prefix}/media/..%2F{item.Key}/640.webp",
            $"{Prefix}/media/{item.Key}/%2E%2E%2F640.webp",
            $"{Prefix}/media/{item.Key}/document.pdf",
        })
        {
            Assert.True((await anonymous.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        }
    }

    [Fact]
    public async Task A_region_cannot_serve_another_regions_media_even_with_its_key()
    {
        var client = await CoordinatorAsync();
        var item = await UploadAsync(client, "cathedrale.jpg", SampleImages.Jpeg(500, 400, seed: 13), "image/jpeg");
        var anonymous = factory.CreateBrowserClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"{Prefix}/media/{item.Key}/320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/nouvelle-aquitaine/media/{item.Key}/320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/media/{item.Key}/320.webp")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/nouvelle-aquitaine/media/..%2F..%2Fhauts-de-france%2Fmedia%2F{item.Key}/320.webp")).StatusCode);
        Assert.DoesNotContain(await factory.MediaItemsAsync("nouvelle-aquitaine"), m => m.Key == item.Key);

        // A coordinator of the other region cannot open the item's page there either: ids are per tenant.
        var other = await CoordinatorAsync("nouvelle-aquitaine");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/nouvelle-aquitaine/admin/medias/{item.Id + 1000}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"{Prefix}/admin/medias/{item.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_pdf_is_stored_as_is_and_served_inline_with_a_safe_name()
    {
        var client = await CoordinatorAsync();
        var response = await client.UploadAsync(Prefix, "Rapport d'activité 2024 (v2).pdf", MediaUploadValidatorTests.MinimalPdf, "application/pdf", alt: "Rapport d'activité 2024");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var item = (await factory.MediaItemsAsync(Region)).Single(m => m.ContentType == "application/pdf");
        Assert.Equal("rapport-d-activite-2024-v2", item.DocumentName);

        var pdf = await factory.CreateBrowserClient().GetAsync($"{Prefix}/media/{item.Key}/rapport-d-activite-2024-v2.pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);
        Assert.Equal("inline; filename=\"rapport-d-activite-2024-v2.pdf\"", pdf.Content.Headers.ContentDisposition!.ToString());
        Assert.Equal(MediaUploadValidatorTests.MinimalPdf, await pdf.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Prefix}/media/{item.Key}/autre-nom.pdf")).StatusCode);
    }

    public static TheoryData<string, string, byte[], string> BadFiles() => new()
    {
        { "x.pdf", "application/pdf", SampleImages.Png(60, 60, seed: 20), "est en réalité une image PNG" },
        { "notes.jpg", "image/jpeg", Encoding.UTF8.GetBytes("Ceci est un texte, pas une photo.\n"), "il contient du texte" },
        { "bombe.png", "image/png", MediaTestImages.PngHeaderOnly(20000, 20000), "20 000 pixels (400 mégapixels)" },
        { "coupee.jpg", "image/jpeg", SampleImages.Jpeg(900, 600, seed: 21)[..30000], "tronquée ou endommagée" },
        { "programme.png", "image/png", [0x7F, (byte)'E', (byte)'L', (byte)'F', 2, 1, 1, .. new byte[200]], "programme exécutable" },
        { "vide.jpg", "image/jpeg", [], "est vide" },
        { "grande.png", "image/png", [.. SampleImages.Png(20, 20), .. new byte[1_100_000]], "la limite est de 977 Ko" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task Bad_files_are_refused_with_a_clear_message_and_leave_nothing_behind(string fileName, string contentType, byte[] bytes, string expected)
    {
        var client = await CoordinatorAsync();
        var before = (Files: factory.StoredFiles(Region), Items: (await factory.MediaItemsAsync(Region)).Count);
        var response = await client.UploadAsync(Prefix, fileName, bytes, contentType);
        var errors = (await MediaForms.ErrorsOfAsync(response)).Replace('\u202F', ' ').Replace('\u00A0', ' ');
        Assert.Contains(fileName, errors);
        Assert.Contains(expected, errors);
        var document = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("true", document.QuerySelector("#media-fichier")!.GetAttribute("aria-invalid"));
        Assert.Equal(before.Files, factory.StoredFiles(Region));
        Assert.Equal(before.Items, (await factory.MediaItemsAsync(Region)).Count);
    }

    [Fact]
    public async Task Alternative_text_is_required_unless_the_image_is_decorative()
    {
        var client = await CoordinatorAsync();
        var photo = SampleImages.Jpeg(400, 300, seed: 30);
        var refused = await client.UploadAsync(Prefix, "sans-alt.jpg", photo, "image/jpeg", alt: "  ");
        Assert.Contains("texte alternatif", await MediaForms.ErrorsOfAsync(refused));
        Assert.DoesNotContain(await factory.MediaItemsAsync(Region), m => m.OriginalFileName == "sans-alt.jpg");

        var decorative = await client.UploadAsync(Prefix, "sans-alt.jpg", photo, "image/jpeg", alt: "ignoré", decorative: true);
        Assert.Equal(HttpStatusCode.Redirect, decorative.StatusCode);
        var item = (await factory.MediaItemsAsync(Region)).Single(m => m.OriginalFileName == "sans-alt.jpg");
        Assert.Equal((true, ""), (item.Decorative, item.Alt));
    }

    [Fact]
    public async Task The_same_file_uploaded_twice_is_one_entry()
    {
        var client = await CoordinatorAsync();
        var photo = SampleImages.Jpeg(350, 250, seed: 40);
        var first = await UploadAsync(client, "doublon.jpg", photo, "image/jpeg");
        var again = await client.UploadAsync(Prefix, "doublon-renomme.jpg", photo, "image/jpeg");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        var list = await client.GetDocumentAsync($"{Prefix}/admin/medias");
        Assert.Contains($"déjà dans la médiathèque, sous le n° {first.Id}", list.QuerySelector("#media-status")!.TextContent);
        Assert.Single(await factory.MediaItemsAsync(Region), m => m.Key == first.Key);

        // Two at the same moment: still one entry, both answered as success.
        var twin = SampleImages.Jpeg(360, 240, seed: 41);
        var responses = await Task.WhenAll(client.UploadAsync(Prefix, "a.jpg", twin, "image/jpeg"), (await CoordinatorAsync()).UploadAsync(Prefix, "b.jpg", twin, "image/jpeg"));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        var key = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(twin))[..32];
        Assert.Single(await factory.MediaItemsAsync(Region), m => m.Key == key);
        Assert.Equal(4, factory.StoredFiles(Region).Count(f => f.StartsWith(key, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Deleting_a_media_in_use_is_refused_with_the_list_of_usages()
    {
        var client = await CoordinatorAsync();
        var item = await UploadAsync(client, "utilisee.jpg", SampleImages.Jpeg(330, 220, seed: 50), "image/jpeg");
        factory.Usages.InUse[item.Id] = new MediaUsage("Projet e.Cathédrale", "/hauts-de-france/projets/e-cathedrale");
        try
        {
            var response = await client.SubmitFormAsync($"{Prefix}/admin/medias/{item.Id}", "#media-delete-form", new Dictionary<string, string>());
            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            var page = HtmlForms.Parse(await response.Content.ReadAsStringAsync());
            var link = page.QuerySelector("#media-in-use a")!;
            Assert.Equal(("Projet e.Cathédrale", "/hauts-de-france/projets/e-cathedrale"), (link.TextContent, link.GetAttribute("href")));
            Assert.Contains(await factory.MediaItemsAsync(Region), m => m.Id == item.Id);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"{Prefix}/media/{item.Key}/330.webp")).StatusCode);
        }
        finally
        {
            factory.Usages.InUse.TryRemove(item.Id, out _);
        }

        var deleted = await client.SubmitFormAsync($"{Prefix}/admin/medias/{item.Id}", "#media-delete-form", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.DoesNotContain(await factory.MediaItemsAsync(Region), m => m.Id == item.Id);
        Assert.DoesNotContain(factory.StoredFiles(Region), f => f.StartsWith(item.Key, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Prefix}/media/{item.Key}/330.webp")).StatusCode);
    }

    [Fact]
    public async Task A_coordinator_edits_the_texts_and_bad_input_changes_nothing()
    {
        var client = await CoordinatorAsync();
        var item = await UploadAsync(client, "texte.jpg", SampleImages.Jpeg(340, 200, seed: 60), "image/jpeg");
        var url = $"{Prefix}/admin/medias/{item.Id}";

        var saved = await client.SubmitFormAsync(url, "#media-texts-form", new Dictionary<string, string>
        {
            ["Input.Alt"] = "Lecteurs dans la salle patrimoniale",
            ["Input.Credit"] = "© Bibliothèque d'Amiens, Etalab 2.0",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = (await factory.MediaItemsAsync(Region)).Single(m => m.Id == item.Id);
        Assert.Equal(("Lecteurs dans la salle patrimoniale", "© Bibliothèque d'Amiens, Etalab 2.0"), (stored.Alt, stored.Credit));

        var refused = await client.SubmitFormAsync(url, "#media-texts-form", new Dictionary<string, string> { ["Input.Alt"] = "", ["Input.Credit"] = new string('c', 300) });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var page = HtmlForms.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Contains("texte alternatif", page.QuerySelector("#media-alt-messages")!.TextContent);
        Assert.Contains("250 caractères", page.QuerySelector("#media-credit-messages")!.TextContent);
        Assert.Equal(stored.Alt, (await factory.MediaItemsAsync(Region)).Single(m => m.Id == item.Id).Alt);
    }

    [Fact]
    public async Task Only_permitted_people_upload_and_only_coordinators_manage()
    {
        var coordinator = await CoordinatorAsync();
        var item = await UploadAsync(coordinator, "droits.jpg", SampleImages.Jpeg(320, 200, seed: 70), "image/jpeg");

        var anonymous = factory.CreateBrowserClient();
        var redirect = await anonymous.GetAsync($"{Prefix}/admin/medias/deposer");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.Contains("/compte/connexion", redirect.Headers.Location!.OriginalString);

        var member = await factory.ClientWithRoleAsync(Region, NetworkRoles.Member);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Prefix}/admin/medias")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await member.GetAsync($"{Prefix}/admin/medias/deposer")).StatusCode);
        // The member cannot post either, even with a valid antiforgery token taken from a page they can see.
        var post = await member.PostAsync($"{Prefix}/admin/medias/deposer", new MultipartFormDataContent { { new ByteArrayContent(SampleImages.Jpeg(10, 10)), "Upload", "a.jpg" } });
        Assert.True(post.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.BadRequest);

        // A contributor uploads but neither edits nor deletes.
        var contributor = await factory.ClientWithRoleAsync(Region, NetworkRoles.Contributor);
        var uploaded = await UploadAsync(contributor, "contribution.jpg", SampleImages.Jpeg(320, 210, seed: 71), "image/jpeg");
        Assert.Equal("contribution.jpg", uploaded.OriginalFileName);
        var list = await contributor.GetDocumentAsync($"{Prefix}/admin/medias");
        Assert.Null(list.QuerySelector($"a[href='{Prefix}/admin/medias/{item.Id}']"));
        Assert.Equal(HttpStatusCode.Forbidden, (await contributor.GetAsync($"{Prefix}/admin/medias/{item.Id}")).StatusCode);

        // Roles are per tenant: a Hauts-de-France coordinator has no media rights in Nouvelle-Aquitaine.
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/nouvelle-aquitaine/admin/medias/deposer")).StatusCode);
    }

    [Fact]
    public async Task Upload_without_the_antiforgery_token_is_refused()
    {
        var client = await CoordinatorAsync();
        var before = (await factory.MediaItemsAsync(Region)).Count;
        var response = await client.UploadAsync(Prefix, "jeton.jpg", SampleImages.Jpeg(330, 230, seed: 80), "image/jpeg", withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await factory.MediaItemsAsync(Region)).Count);
    }

    [Fact]
    public async Task The_upload_form_shows_the_limits_and_the_menu_links_the_library()
    {
        var client = await CoordinatorAsync();
        var form = await client.GetDocumentAsync($"{Prefix}/admin/medias/deposer");
        Assert.Contains("Taille maximale : 977 Ko", form.QuerySelector("label[for=media-fichier]")!.TextContent);
        Assert.Contains("image/webp", form.QuerySelector("#media-fichier")!.GetAttribute("accept"));
        Assert.NotNull(form.QuerySelector($"a.fr-sidemenu__link[href='{Prefix}/admin/medias']"));
    }

    [Fact]
    public async Task A_tenant_without_the_media_module_serves_nothing()
    {
        // Content and the modules built on it need Media: they go first.
        foreach (var module in TenancyAssertions.ContentModules.Append("Media"))
            await factory.Service<TenantManager>().DisableFeatureAsync("nouvelle-aquitaine", module);
        try
        {
            var coordinator = await CoordinatorAsync("nouvelle-aquitaine");
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.GetAsync("/nouvelle-aquitaine/admin/medias")).StatusCode);
        }
        finally
        {
            foreach (var module in TenancyAssertions.ContentModules.Reverse().Prepend("Media"))
                await factory.Service<TenantManager>().EnableFeatureAsync("nouvelle-aquitaine", module);
        }
    }
}
