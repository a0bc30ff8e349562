using Microsoft.Extensions.Options;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Services;
using Network.Modules.Media.Validation;

namespace Network.Tests.Media;

/// <summary>The libvips pipeline with the real library: widths, formats, orientation, metadata stripping, corrupt input.</summary>
public sealed class ImagePipelineTests
{
    private static ImageProcessor Processor(Action<MediaOptions>? configure = null)
    {
        var options = new MediaOptions();
        configure?.Invoke(options);
        return new ImageProcessor(Options.Create(options));
    }

    [Theory]
    [InlineData(ThumbnailStrategy.ShrinkOnLoad)]
    [InlineData(ThumbnailStrategy.DecodeThenShrink)]
    public void A_large_photo_gets_every_configured_width_in_webp_and_jpeg(ThumbnailStrategy strategy)
    {
        var processor = Processor();
        processor.Strategy = strategy;
        var result = processor.Process(SampleImages.Jpeg(2400, 1600), MediaFormat.Jpeg, "photo.jpg");

        Assert.Equal([320, 640, 960, 1280, 1920], result.Widths);
        Assert.Equal((2400, 1600, "jpg", false), (result.Width, result.Height, result.Fallback, result.HasAlpha));
        Assert.Equal(10, result.Variants.Count);
        foreach (var width in result.Widths)
        {
            var webp = result.Variants.Single(v => v.Width == width && v.Extension == "webp");
            var jpeg = result.Variants.Single(v => v.Width == width && v.Extension == "jpg");
            var webpInfo = MediaTestImages.Inspect(webp.Bytes);
            var jpegInfo = MediaTestImages.Inspect(jpeg.Bytes);
            Assert.Equal("webpload_buffer", webpInfo.Loader);
            Assert.Equal("jpegload_buffer", jpegInfo.Loader);
            Assert.Equal(width, webpInfo.Width);
            Assert.Equal(width, jpegInfo.Width);
            Assert.InRange(webpInfo.Height, width * 2 / 3 - 1, width * 2 / 3 + 1);
        }
    }

    [Fact]
    public void A_small_image_is_never_upscaled_and_keeps_its_own_width()
    {
        var result = Processor().Process(SampleImages.Jpeg(500, 300), MediaFormat.Jpeg, "petite.jpg");
        Assert.Equal([320, 500], result.Widths);
        Assert.Equal(500, result.Variants.Max(v => v.Width));

        var tiny = Processor().Process(SampleImages.Jpeg(200, 100), MediaFormat.Jpeg, "vignette.jpg");
        Assert.Equal([200], tiny.Widths);
        Assert.All(tiny.Variants, v => Assert.Equal(200, MediaTestImages.Inspect(v.Bytes).Width));
    }

    [Fact]
    public void Configured_widths_are_used()
    {
        var result = Processor(o => o.Widths = [100, 250]).Process(SampleImages.Jpeg(800, 600), MediaFormat.Jpeg, "photo.jpg");
        Assert.Equal([100, 250], result.Widths);
    }

    [Fact]
    public void An_image_with_transparency_falls_back_to_png_and_keeps_its_alpha()
    {
        var result = Processor().Process(SampleImages.Png(700, 400, alpha: true), MediaFormat.Png, "logo.png");
        Assert.Equal(("png", true), (result.Fallback, result.HasAlpha));
        Assert.Equal([320, 640, 700], result.Widths);
        var png = result.Variants.Single(v => v.Width == 640 && v.Extension == "png");
        var info = MediaTestImages.Inspect(png.Bytes);
        Assert.Equal(("pngload_buffer", true), (info.Loader, info.HasAlpha));
        Assert.True(MediaTestImages.Inspect(result.Variants.Single(v => v.Width == 640 && v.Extension == "webp").Bytes).HasAlpha);
        Assert.DoesNotContain(result.Variants, v => v.Extension == "jpg");
    }

    [Fact]
    public void Webp_and_gif_uploads_are_read_gif_through_its_first_frame()
    {
        var webp = Processor().Process(SampleImages.WebP(640, 480), MediaFormat.WebP, "image.webp");
        Assert.Equal([320, 640], webp.Widths);
        var gif = Processor().Process(SampleImages.Gif(330, 200), MediaFormat.Gif, "anim.gif");
        Assert.Equal([320, 330], gif.Widths);
        Assert.Equal("jpegload_buffer", MediaTestImages.Inspect(gif.Variants.Single(v => v.Width == 330 && v.Extension == "jpg").Bytes).Loader);
    }

    [Fact]
    public void Orientation_is_applied_and_exif_gps_and_xmp_are_stripped()
    {
        var photo = MediaTestImages.JpegWithOrientationAndGps();
        // The fixture really carries what a phone leaks.
        var source = MediaTestImages.Inspect(photo);
        Assert.Equal(6, MediaTestImages.OrientationOf(photo));
        Assert.Contains("exif-data", source.Fields);
        Assert.Contains("xmp-data", source.Fields);
        Assert.Contains(source.Fields, f => f.StartsWith("exif-ifd3-GPSLatitude", StringComparison.Ordinal));

        var result = Processor().Process(photo, MediaFormat.Jpeg, "telephone.jpg");

        Assert.Equal((200, 400), (result.Width, result.Height));
        Assert.Equal([200], result.Widths);
        foreach (var variant in result.Variants)
        {
            var info = MediaTestImages.Inspect(variant.Bytes);
            Assert.Equal((200, 400), (info.Width, info.Height));
            Assert.True(!info.Fields.Any(f => f.StartsWith("exif", StringComparison.Ordinal)), variant.FileName + ": " + string.Join(", ", info.Fields));
            Assert.DoesNotContain(info.Fields, f => f.StartsWith("exif", StringComparison.Ordinal) || f.Contains("gps", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain("xmp-data", info.Fields);
            Assert.DoesNotContain("icc-profile-data", info.Fields);
            Assert.Null(MediaTestImages.OrientationOf(variant.Bytes));
            // Rotated 90° clockwise: the white left half of the stored pixels is now the top half.
            Assert.True(MediaTestImages.PixelAt(variant.Bytes, 100, 60) > 200, $"{variant.FileName}: top should be white");
            Assert.True(MediaTestImages.PixelAt(variant.Bytes, 100, 340) < 55, $"{variant.FileName}: bottom should be black");
            // No EXIF or XMP marker left in the bytes either.
            Assert.Equal(-1, variant.Bytes.AsSpan().IndexOf("Exif\0\0"u8));
            Assert.Equal(-1, variant.Bytes.AsSpan().IndexOf("xmpmeta"u8));
        }
    }

    [Fact]
    public void A_truncated_jpeg_is_refused()
    {
        var jpeg = SampleImages.Jpeg(1200, 800);
        var truncated = jpeg[..(jpeg.Length * 6 / 10)];
        var exception = Assert.Throws<ImageRejectedException>(() => Processor().Process(truncated, MediaFormat.Jpeg, "coupee.jpg"));
        Assert.Contains("tronquée ou endommagée", exception.UserMessage.ToString());
    }

    [Fact]
    public void A_truncated_png_is_refused()
    {
        var png = SampleImages.Png(900, 600);
        var exception = Assert.Throws<ImageRejectedException>(() => Processor().Process(png[..(png.Length / 2)], MediaFormat.Png, "coupee.png"));
        Assert.Contains("coupee.png", exception.UserMessage.ToString());
    }

    [Fact]
    public void Garbage_after_a_valid_signature_is_refused()
    {
        var bytes = new byte[5000];
        new Random(3).NextBytes(bytes);
        SampleImages.Jpeg(64, 64).AsSpan(0, 200).CopyTo(bytes);
        Assert.Throws<ImageRejectedException>(() => Processor().Process(bytes, MediaFormat.Jpeg, "bruit.jpg"));
    }

    [Fact]
    public void A_file_whose_content_is_not_the_announced_format_is_refused_by_the_loader_check()
    {
        // A PNG handed over as a JPEG (the validator prevents it; the processor checks again with libvips' loader).
        Assert.Throws<ImageRejectedException>(() => Processor().Process(SampleImages.Png(50, 50), MediaFormat.Jpeg, "x.jpg"));
    }
}
