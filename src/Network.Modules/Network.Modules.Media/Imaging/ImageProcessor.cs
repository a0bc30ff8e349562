using Microsoft.Extensions.Options;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;

namespace Network.Modules.Media.Imaging;

/// <summary>One generated file: a width in one format.</summary>
public sealed record ImageVariant(int Width, int Height, string Extension, byte[] Bytes)
{
    public string FileName => $"{Width}.{Extension}";
}

/// <param name="Width">Width of the original once its orientation is applied.</param>
/// <param name="Fallback">"jpg", or "png" for images with transparency.</param>
public sealed record ProcessedImage(int Width, int Height, bool HasAlpha, string Fallback, IReadOnlyList<int> Widths, IReadOnlyList<ImageVariant> Variants);

/// <summary>The image was refused while decoding: truncated, corrupt, not what its signature says, or too large.</summary>
public sealed class ImageRejectedException(MediaMessage userMessage, string detail) : Exception(detail)
{
    public MediaMessage UserMessage { get; } = userMessage;
}

/// <summary>How the variants are produced (measured by bench/images).</summary>
public enum ThumbnailStrategy
{
    /// <summary>vips_thumbnail_buffer: JPEG and WebP are decoded directly at a reduced scale (shrink-on-load).</summary>
    ShrinkOnLoad,

    /// <summary>vips_image_new_from_buffer then vips_thumbnail_image: the whole original is decoded.</summary>
    DecodeThenShrink,
}

/// <summary>
/// The libvips pipeline: the largest width is made from the upload (orientation applied, decoded completely with
/// fail-on-error, so truncated files are refused), kept in memory, and every smaller width is resized from it.
/// Each width is saved as WebP and as a JPEG (PNG when the image has transparency), metadata stripped (EXIF, GPS,
/// XMP, ICC after conversion to sRGB). At most one image per two cores is processed at a time, which bounds memory.
/// </summary>
public sealed class ImageProcessor
{
    private readonly MediaOptions _options;
    private readonly SemaphoreSlim _slots;
    private readonly int _encoders;

    public ImageProcessor(IOptions<MediaOptions> options)
    {
        _options = options.Value;
        // Two cores: libvips gets both for decoding and resizing; the encoders of the widths run two at a time.
        var cores = Math.Max(1, Environment.ProcessorCount);
        _encoders = Math.Min(2, cores);
        _slots = new SemaphoreSlim(Math.Max(1, cores / 2));
        Vips.EnsureInitialized(Math.Min(2, cores));
    }

    public ThumbnailStrategy Strategy { get; set; } = ThumbnailStrategy.ShrinkOnLoad;

    public async Task<ProcessedImage> ProcessAsync(byte[] data, MediaFormat format, string displayName, CancellationToken cancellationToken = default)
    {
        await _slots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => Process(data, format, displayName), cancellationToken);
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Synchronous core of <see cref="ProcessAsync"/> (no concurrency limit: the benchmark and tests call it directly).</summary>
    public ProcessedImage Process(byte[] data, MediaFormat format, string displayName)
    {
        if (!format.IsImage) throw new ArgumentException("Not an image format.", nameof(format));
        using var pinned = new PinnedBuffer(data);
        int width, height, orientedWidth, orientedHeight;
        bool hasAlpha;
        using (var header = Load(pinned, displayName))
        {
            // The header only: libvips decodes pixels when they are asked for.
            var loader = Vips.GetString(header, "vips-loader");
            if (loader != format.VipsLoader)
                throw Corrupt(displayName, $"libvips read it with {loader}, expected {format.VipsLoader}");
            width = VipsNative.vips_image_get_width(header);
            height = VipsNative.vips_image_get_height(header);
            if ((double)width * height / 1_000_000 > _options.MaxMegapixels)
                throw new ImageRejectedException(new MediaMessage("L'image « {0} » dépasse la limite de {1} mégapixels.", displayName, _options.MaxMegapixels), $"{width}x{height}");
            hasAlpha = VipsNative.vips_image_hasalpha(header) != 0;
            var swap = VipsNative.vips_image_get_orientation_swap(header) != 0;
            (orientedWidth, orientedHeight) = swap ? (height, width) : (width, height);
        }

        var widths = MediaOptions.WidthsFor(orientedWidth, _options.EffectiveWidths);
        var fallback = hasAlpha ? "png" : "jpg";
        using var largest = Largest(pinned, widths[^1], displayName);
        var variants = new ImageVariant[widths.Count * 2];
        Exception? failure = null;
        Parallel.For(0, widths.Count, new ParallelOptions { MaxDegreeOfParallelism = _encoders }, i =>
        {
            try
            {
                var target = widths[i];
                if (target == widths[^1])
                {
                    Encode(largest, fallback, variants, i * 2);
                    return;
                }
                using var resized = Thumbnail(largest, target);
                Encode(resized, fallback, variants, i * 2);
            }
            catch (Exception exception)
            {
                Interlocked.CompareExchange(ref failure, exception, null);
            }
        });
        if (failure is not null) throw failure is VipsException ? Corrupt(displayName, failure.Message) : failure;
        return new ProcessedImage(orientedWidth, orientedHeight, hasAlpha, fallback, widths, variants);
    }

    private static VipsImageHandle Load(PinnedBuffer pinned, string displayName)
    {
        var image = VipsNative.vips_image_new_from_buffer(pinned.Pointer, pinned.Length, "",
            "fail_on", Vips.FailOnError, "access", Vips.AccessSequential, IntPtr.Zero);
        if (image.IsInvalid)
        {
            image.Dispose();
            throw Corrupt(displayName, Vips.Error("vips_image_new_from_buffer").Message);
        }
        return image;
    }

    /// <summary>The largest width, oriented, fully decoded into memory (this is where truncation and corruption surface).</summary>
    private VipsImageHandle Largest(PinnedBuffer pinned, int width, string displayName)
    {
        VipsImageHandle thumbnail;
        int result;
        if (Strategy == ThumbnailStrategy.ShrinkOnLoad)
        {
            result = VipsNative.vips_thumbnail_buffer(pinned.Pointer, pinned.Length, out thumbnail, width,
                "height", Vips.MaxCoordinate, "size", Vips.SizeDown, "option_string", "fail_on=error", IntPtr.Zero);
        }
        else
        {
            using var source = Load(pinned, displayName);
            result = VipsNative.vips_thumbnail_image(source, out thumbnail, width, "height", Vips.MaxCoordinate, "size", Vips.SizeDown, IntPtr.Zero);
        }
        using (thumbnail)
        {
            if (result != 0) throw Corrupt(displayName, Vips.Error("vips_thumbnail").Message);
            var memory = VipsNative.vips_image_copy_memory(thumbnail);
            if (memory.IsInvalid)
            {
                memory.Dispose();
                throw Corrupt(displayName, Vips.Error("vips_image_copy_memory").Message);
            }
            StripMetadata(memory);
            return memory;
        }
    }

    private static readonly HashSet<string> HeaderFields = new(StringComparer.Ordinal)
    {
        "width", "height", "bands", "format", "coding", "interpretation", "xoffset", "yoffset", "xres", "yres", "filename",
    };

    /// <summary>
    /// Removes every metadata field (EXIF and its GPS block, XMP, IPTC, ICC profile, orientation...) from the in-memory
    /// image the variants are made from. The savers' own "strip" is also set, but libvips 8.14.1's WebP saver ignores
    /// it: what is not there cannot be written.
    /// </summary>
    private static void StripMetadata(VipsImageHandle image)
    {
        foreach (var field in Vips.FieldNames(image))
        {
            if (!HeaderFields.Contains(field)) VipsNative.vips_image_remove(image, field);
        }
    }

    private static VipsImageHandle Thumbnail(VipsImageHandle source, int width)
    {
        Vips.Check(VipsNative.vips_thumbnail_image(source, out var resized, width, "height", Vips.MaxCoordinate, "size", Vips.SizeDown, IntPtr.Zero), "vips_thumbnail_image");
        return resized;
    }

    private void Encode(VipsImageHandle image, string fallback, ImageVariant[] into, int index)
    {
        var width = VipsNative.vips_image_get_width(image);
        var height = VipsNative.vips_image_get_height(image);
        into[index] = new ImageVariant(width, height, "webp", SaveWebp(image));
        into[index + 1] = new ImageVariant(width, height, fallback, fallback == "png" ? SavePng(image) : SaveJpeg(image));
    }

    private byte[] SaveWebp(VipsImageHandle image)
    {
        Vips.Check(VipsNative.vips_webpsave_buffer(image, out var buffer, out var length,
            "Q", _options.WebpQuality, "strip", 1, "effort", _options.WebpEffort, IntPtr.Zero), "vips_webpsave_buffer");
        using (buffer) return WebPMetadata.Strip(Vips.ToArray(buffer, length));
    }

    private byte[] SaveJpeg(VipsImageHandle image)
    {
        Vips.Check(VipsNative.vips_jpegsave_buffer(image, out var buffer, out var length,
            "Q", _options.JpegQuality, "strip", 1, "interlace", 1, IntPtr.Zero), "vips_jpegsave_buffer");
        using (buffer) return Vips.ToArray(buffer, length);
    }

    private static byte[] SavePng(VipsImageHandle image)
    {
        Vips.Check(VipsNative.vips_pngsave_buffer(image, out var buffer, out var length, "strip", 1, "compression", 6, IntPtr.Zero), "vips_pngsave_buffer");
        using (buffer) return Vips.ToArray(buffer, length);
    }

    private static ImageRejectedException Corrupt(string displayName, string detail)
        => new(new MediaMessage("L'image « {0} » est tronquée ou endommagée : elle ne peut pas être lue entièrement. Enregistrez-la à nouveau depuis votre logiciel d'image puis recommencez.", displayName), detail);
}
