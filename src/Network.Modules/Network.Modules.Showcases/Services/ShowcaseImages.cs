using Network.Modules.Media;

namespace Network.Modules.Showcases.Services;

/// <param name="PathBase">The path base of the tenant that owns the image files.</param>
/// <param name="Decorative">Rendered with alt="" whatever the image's own text (a card repeats its title).</param>
public sealed record ShowcaseImageView(ImageRef Image, string PathBase, string Sizes, bool Lazy, bool Decorative = false);

/// <summary>Media addresses (the Media module's URL scheme: <c>{pathBase}/media/{key}/{width}.{ext}</c>).</summary>
public static class ShowcaseImages
{
    private static readonly int[] DefaultWidths = [320, 640, 960, 1280, 1920];

    public static IReadOnlyList<int> WidthsOf(ImageRef image)
    {
        var widths = DefaultWidths.Where(w => w < image.Width).ToList();
        if (widths.Count == 0 || image.Width <= DefaultWidths[^1]) widths.Add(Math.Min(image.Width, DefaultWidths[^1]));
        return widths.Where(w => w > 0).Distinct().Order().ToList() is { Count: > 0 } list ? list : [DefaultWidths[0]];
    }

    public static int WidthNear(IReadOnlyList<int> widths, int preferred) => widths.Where(w => w <= preferred).DefaultIfEmpty(widths.Min()).Max();

    public static string Variant(string pathBase, string key, int width, string extension) => $"{pathBase}/media/{key}/{width}.{extension}";

    public static string Srcset(ImageRef image, string pathBase, string extension, IReadOnlyList<int> widths)
        => string.Join(", ", widths.Select(w => $"{Variant(pathBase, image.Key, w, extension)} {w}w"));

    public static string Single(ImageRef image, string pathBase) => Variant(pathBase, image.Key, WidthNear(WidthsOf(image), 1280), image.Fallback);
}
