using System.Globalization;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.AspNetCore.Razor.TagHelpers;
using Microsoft.Extensions.Options;
using Network.Modules.Media.Services;

namespace Network.Modules.Media.Rendering;

/// <summary>
/// <c>&lt;media-picture image="@imageRef" sizes="(min-width: 62em) 33vw, 100vw" lazy="true" path-base="/hauts-de-france" class="…"&gt;</c>
/// renders a responsive <c>&lt;picture&gt;</c>: a WebP source and a JPEG/PNG &lt;img&gt; with srcset over the generated widths,
/// sizes, width and height (no layout shift), the alternative text (alt="" when decorative), decoding="async" and,
/// when <see cref="Lazy"/>, loading="lazy" (for images below the fold). No inline style. Views enable it with
/// <c>@addTagHelper *, Network.Modules.Media</c>.
/// </summary>
[HtmlTargetElement("media-picture", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaPictureTagHelper(IOptions<MediaOptions> options) : TagHelper
{
    /// <summary>The width of the &lt;img&gt; src for browsers without srcset, and of its width/height attributes.</summary>
    public const int DefaultSrcWidth = 640;

    public ImageRef? Image { get; set; }

    /// <summary>The sizes attribute; "100vw" when not given.</summary>
    public string? Sizes { get; set; }

    public bool Lazy { get; set; }

    /// <summary>The image the page is about (a hero above the fold): fetchpriority="high", never lazy.</summary>
    public bool Priority { get; set; }

    /// <summary>Path base of the tenant that owns the image; the current request's when not given.</summary>
    public string? PathBase { get; set; }

    /// <summary>Classes of the &lt;img&gt;; "fr-responsive-img" (DSFR: full width, proportional height) when not given.</summary>
    public string? Class { get; set; }

    [ViewContext]
    [HtmlAttributeNotBound]
    public ViewContext ViewContext { get; set; } = null!;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Image is not { } image)
        {
            output.SuppressOutput();
            return;
        }
        var pathBase = PathBase ?? ViewContext.HttpContext.Request.PathBase.Value ?? "";
        var widths = MediaUrls.WidthsOf(image, options.Value.EffectiveWidths);
        var srcWidth = MediaUrls.WidthNear(widths, DefaultSrcWidth);
        var srcHeight = image.Width > 0 ? Math.Max(1, (int)Math.Round((double)image.Height * srcWidth / image.Width)) : image.Height;
        var sizes = string.IsNullOrWhiteSpace(Sizes) ? "100vw" : Sizes;

        output.TagName = "picture";
        output.TagMode = TagMode.StartTagAndEndTag;
        output.Attributes.Clear();

        var source = new TagBuilder("source") { TagRenderMode = TagRenderMode.SelfClosing };
        source.Attributes["type"] = "image/webp";
        source.Attributes["srcset"] = MediaUrls.Srcset(image, pathBase, "webp", widths);
        source.Attributes["sizes"] = sizes;

        var img = new TagBuilder("img") { TagRenderMode = TagRenderMode.SelfClosing };
        img.Attributes["src"] = MediaUrls.Variant(pathBase, image.Key, srcWidth, image.Fallback);
        img.Attributes["srcset"] = MediaUrls.Srcset(image, pathBase, image.Fallback, widths);
        img.Attributes["sizes"] = sizes;
        img.Attributes["width"] = srcWidth.ToString(CultureInfo.InvariantCulture);
        img.Attributes["height"] = srcHeight.ToString(CultureInfo.InvariantCulture);
        img.Attributes["alt"] = image.Decorative ? "" : image.Alt;
        if (Priority) img.Attributes["fetchpriority"] = "high";
        else if (Lazy) img.Attributes["loading"] = "lazy";
        img.Attributes["decoding"] = "async";
        img.Attributes["class"] = string.IsNullOrWhiteSpace(Class) ? "fr-responsive-img" : Class;

        output.Content.AppendHtml(source);
        output.Content.AppendHtml(img);
    }
}
