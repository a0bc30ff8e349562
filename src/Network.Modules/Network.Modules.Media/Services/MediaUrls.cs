using Network.Core.Tenancy;
using Network.Modules.Media.Data;

namespace Network.Modules.Media.Services;

/// <summary>
/// Addresses of media files. A file belongs to one tenant and is only served under that tenant's path base: an image
/// of a region's item shown on the hub uses the region's path base ("/hauts-de-france/media/&lt;key&gt;/640.webp").
/// The URLs are content-hashed (the key), so they are cached for a year.
/// </summary>
public static class MediaUrls
{
    /// <summary>The width used for a single image (og:image, JSON-LD, the &lt;img&gt; src): the largest up to this one.</summary>
    public const int PreferredSingleWidth = 1280;

    public static string Variant(string pathBase, string key, int width, string extension) => $"{pathBase}/media/{key}/{width}.{extension}";

    public static string Document(string pathBase, string key, string documentName) => $"{pathBase}/media/{key}/{documentName}.pdf";

    /// <summary>The widths of an image: those it was generated with, else those the configured widths give for its width.</summary>
    public static IReadOnlyList<int> WidthsOf(ImageRef image, IReadOnlyList<int>? configured = null)
        => image.Widths is { Count: > 0 } widths ? widths : MediaOptions.WidthsFor(image.Width, configured ?? MediaOptions.DefaultWidths);

    /// <summary>The largest generated width not above <paramref name="preferred"/> (the smallest one if all are above).</summary>
    public static int WidthNear(IReadOnlyList<int> widths, int preferred)
        => widths.Where(w => w <= preferred).DefaultIfEmpty(widths.Min()).Max();

    /// <summary>One URL for an image (og:image, JSON-LD, a feed): the JPEG or PNG fallback near <see cref="PreferredSingleWidth"/>.</summary>
    public static string Single(ImageRef image, string pathBase, int preferredWidth = PreferredSingleWidth)
        => Variant(pathBase, image.Key, WidthNear(WidthsOf(image), preferredWidth), image.Fallback);

    /// <summary>The same as an absolute URL (og:image must be absolute), under the tenant that owns the image.</summary>
    public static string AbsoluteSingle(TenantUrls urls, TenantInfo owner, ImageRef image, int preferredWidth = PreferredSingleWidth)
        => urls.Absolute(owner, Single(image, "", preferredWidth));

    /// <summary>"…/320.webp 320w, …/640.webp 640w".</summary>
    public static string Srcset(ImageRef image, string pathBase, string extension, IReadOnlyList<int>? widths = null)
        => string.Join(", ", (widths ?? WidthsOf(image)).Select(w => $"{Variant(pathBase, image.Key, w, extension)} {w}w"));

    /// <summary>The URL of a library item: the image near the preferred width, or the PDF.</summary>
    public static string Of(MediaItem item, string pathBase, int preferredWidth = PreferredSingleWidth)
        => item.Kind == MediaKind.Document
            ? Document(pathBase, item.Key, item.DocumentName ?? "document")
            : Variant(pathBase, item.Key, WidthNear(item.Widths, preferredWidth), item.Fallback ?? "jpg");
}
