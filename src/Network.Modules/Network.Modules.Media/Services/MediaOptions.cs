namespace Network.Modules.Media.Services;

/// <summary>The <c>Media</c> section of appsettings.json.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    public static readonly IReadOnlyList<int> DefaultWidths = [320, 640, 960, 1280, 1920];

    /// <summary>Largest accepted file, in bytes (20 MB).</summary>
    public long MaxFileBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest accepted image, in millions of pixels, read from the header before decoding.</summary>
    public double MaxMegapixels { get; set; } = 50;

    /// <summary>Widths generated for every image (never larger than the original). Null or empty: <see cref="DefaultWidths"/>.</summary>
    public int[]? Widths { get; set; }

    public int WebpQuality { get; set; } = 80;
    public int JpegQuality { get; set; } = 82;

    /// <summary>
    /// libwebp's effort, 0 (fastest) to 6 (smallest files). 2 rather than libwebp's default 4: the 1920-pixel WebP
    /// takes about a quarter of the time for files a few percent larger (bench/images).
    /// </summary>
    public int WebpEffort { get; set; } = 2;

    /// <summary>The widths to generate, sorted, without duplicates.</summary>
    public IReadOnlyList<int> EffectiveWidths => Widths is { Length: > 0 } widths
        ? widths.Where(w => w is > 0 and <= 10_000).Distinct().Order().ToArray()
        : DefaultWidths;

    /// <summary>
    /// The widths of an image <paramref name="originalWidth"/> pixels wide: the configured ones below it, plus its
    /// own width when it is narrower than the largest configured one (so a small image is kept at full size).
    /// </summary>
    public static IReadOnlyList<int> WidthsFor(int originalWidth, IReadOnlyList<int> configured)
    {
        var widths = configured.Where(w => w < originalWidth).ToList();
        if (configured.Count == 0 || originalWidth <= configured[^1]) widths.Add(originalWidth);
        else if (!widths.Contains(configured[^1])) widths.Add(configured[^1]);
        return widths.Distinct().Order().ToArray();
    }
}
