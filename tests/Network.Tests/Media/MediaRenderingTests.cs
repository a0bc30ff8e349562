using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Network.Core.Localization;
using Network.Modules.Media;
using Network.Modules.Media.Rendering;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;
using Network.Tests.Infrastructure;

namespace Network.Tests.Media;

/// <summary>The &lt;media-picture&gt; tag helper, single URLs for og:image, and the module's English translations.</summary>
public sealed partial class MediaRenderingTests(NetworkWebFactory factory) : IClassFixture<NetworkWebFactory>
{
    private static readonly ImageRef Photo = new(12, "0123456789abcdef0123456789abcdef", 1400, 933, "jpg", "Salle de lecture de la bibliothèque", false, "© DRAC");

    private static string Render(ImageRef image, string? sizes = null, bool lazy = false, string? pathBase = null, string? cssClass = null, string requestPathBase = "/nouvelle-aquitaine")
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = requestPathBase;
        var helper = new MediaPictureTagHelper(Options.Create(new MediaOptions()))
        {
            Image = image, Sizes = sizes, Lazy = lazy, PathBase = pathBase, Class = cssClass,
            ViewContext = new ViewContext { HttpContext = http },
        };
        var context = new TagHelperContext([], new Dictionary<object, object>(), "id");
        var output = new TagHelperOutput("media-picture", [], (_, _) => Task.FromResult<TagHelperContent>(new DefaultTagHelperContent()));
        helper.Process(context, output);
        using var writer = new StringWriter();
        output.WriteTo(writer, System.Text.Encodings.Web.HtmlEncoder.Default);
        return writer.ToString();
    }

    [Fact]
    public void The_picture_has_a_webp_source_a_fallback_img_with_srcset_sizes_dimensions_and_alt()
    {
        var html = HtmlForms.Parse(Render(Photo with { Widths = [320, 640, 960, 1280, 1400] }, "(min-width: 62em) 33vw, 100vw", lazy: true, pathBase: "/hauts-de-france"));
        var source = html.QuerySelector("picture > source")!;
        Assert.Equal("image/webp", source.GetAttribute("type"));
        Assert.Equal("/hauts-de-france/media/0123456789abcdef0123456789abcdef/320.webp 320w, /hauts-de-france/media/0123456789abcdef0123456789abcdef/640.webp 640w, "
            + "/hauts-de-france/media/0123456789abcdef0123456789abcdef/960.webp 960w, /hauts-de-france/media/0123456789abcdef0123456789abcdef/1280.webp 1280w, "
            + "/hauts-de-france/media/0123456789abcdef0123456789abcdef/1400.webp 1400w", source.GetAttribute("srcset"));
        Assert.Equal("(min-width: 62em) 33vw, 100vw", source.GetAttribute("sizes"));
        var img = html.QuerySelector("picture > img")!;
        Assert.Equal("/hauts-de-france/media/0123456789abcdef0123456789abcdef/640.jpg", img.GetAttribute("src"));
        Assert.EndsWith("/1400.jpg 1400w", img.GetAttribute("srcset"));
        Assert.Equal(("640", "427"), (img.GetAttribute("width"), img.GetAttribute("height")));
        Assert.Equal("Salle de lecture de la bibliothèque", img.GetAttribute("alt"));
        Assert.Equal(("lazy", "async", "fr-responsive-img"), (img.GetAttribute("loading"), img.GetAttribute("decoding"), img.GetAttribute("class")));
        Assert.Null(html.QuerySelector("[style]"));
    }

    [Fact]
    public void Decorative_images_get_an_empty_alt_eager_images_no_loading_and_the_request_path_base_by_default()
    {
        var html = HtmlForms.Parse(Render(Photo with { Decorative = true, Alt = "" }, cssClass: "reseau-vignette"));
        var img = html.QuerySelector("img")!;
        Assert.True(img.HasAttribute("alt"));
        Assert.Equal("", img.GetAttribute("alt"));
        Assert.Null(img.GetAttribute("loading"));
        Assert.Equal("reseau-vignette", img.GetAttribute("class"));
        Assert.Equal("100vw", img.GetAttribute("sizes"));
        // Widths derived from the width when the reference does not carry them: 1400 wide → 320 … 1280 and 1400.
        Assert.StartsWith("/nouvelle-aquitaine/media/", img.GetAttribute("src"));
        Assert.EndsWith("1280.jpg 1280w, /nouvelle-aquitaine/media/0123456789abcdef0123456789abcdef/1400.jpg 1400w", img.GetAttribute("srcset"));
        Assert.Equal("", Render(null!));
    }

    [Fact]
    public void A_single_url_serves_og_image_and_json_ld()
    {
        Assert.Equal("/hauts-de-france/media/0123456789abcdef0123456789abcdef/1280.jpg", MediaUrls.Single(Photo, "/hauts-de-france"));
        Assert.Equal("/media/0123456789abcdef0123456789abcdef/320.png", MediaUrls.Single(Photo with { Width = 330, Fallback = "png" }, "", 200));
        var hub = factory.Tenant("hauts-de-france");
        Assert.Equal("http://localhost:5000/hauts-de-france/media/0123456789abcdef0123456789abcdef/1280.jpg",
            MediaUrls.AbsoluteSingle(factory.Service<Network.Core.Tenancy.TenantUrls>(), hub, Photo));
    }

    [Fact]
    public void Every_string_of_the_media_module_is_translated()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Network.sln"))) root = root.Parent;
        var folder = Path.Combine(root!.FullName, "src", "Network.Modules", "Network.Modules.Media");
        var files = Directory.EnumerateFiles(folder, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal));
        var keys = files.SelectMany(f => LocalizedString().Matches(File.ReadAllText(f)).Select(m => m.Groups["key"].Value))
            .Concat(MediaFormat.All.Select(f => f.Label))
            .Concat(new MediaModule() is var module ? [module.Name, module.Description, .. module.Permissions.Select(p => p.Description), .. module.AdminMenu.Select(i => i.Label)] : [])
            .Distinct().ToList();
        Assert.True(keys.Count > 60, $"only {keys.Count} strings found");
        var catalog = factory.Service<LocalizationCatalog>();
        var missing = keys.Where(k => catalog.Translate(k, CultureInfo.GetCultureInfo("en")) is null).ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }

    // T["…"], new MediaMessage("…"), and the refusal phrases of the validator ("c'est …", "il contient …", "son contenu …").
    [GeneratedRegex(@"(?:T\[|new MediaMessage\()""(?<key>(?:[^""\\]|\\.)+)""|=> ""(?<key>(?:c'est|il contient|son contenu)[^""]*)""")]
    private static partial Regex LocalizedString();
}
