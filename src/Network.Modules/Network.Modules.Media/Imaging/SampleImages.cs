using System.Runtime.InteropServices;

namespace Network.Modules.Media.Imaging;

/// <summary>
/// Generated pictures (no downloads): soft gradients, a few discs and bands, and film-like grain so encoders
/// see something like a photograph. Used by the sample content of the recipes, the tests and the benchmark.
/// </summary>
public static class SampleImages
{
    public static byte[] Jpeg(int width, int height, int seed = 1, int quality = 90) => Encode(Pixels(width, height, 3, seed), width, height, 3, "jpg", quality);

    public static byte[] Png(int width, int height, bool alpha = false, int seed = 1) => Encode(Pixels(width, height, alpha ? 4 : 3, seed), width, height, alpha ? 4 : 3, "png", 0);

    public static byte[] WebP(int width, int height, int seed = 1, int quality = 85) => Encode(Pixels(width, height, 3, seed), width, height, 3, "webp", quality);

    public static byte[] Gif(int width, int height, int seed = 1) => Encode(Pixels(width, height, 3, seed), width, height, 3, "gif", 0);

    /// <summary>Raw interleaved 8-bit pixels (3 bands RGB, 4 bands RGBA with a transparent margin).</summary>
    public static byte[] Pixels(int width, int height, int bands, int seed)
    {
        var random = new Random(seed);
        var pixels = GC.AllocateUninitializedArray<byte>(checked(width * height * bands));
        // A palette drawn from the seed: two gradient ends and three shape colours.
        var colours = Enumerable.Range(0, 5).Select(_ => (R: random.Next(256), G: random.Next(256), B: random.Next(256))).ToArray();
        var discs = Enumerable.Range(0, 3).Select(i => (X: random.Next(width), Y: random.Next(height), R: (int)(Math.Min(width, height) * (0.12 + random.NextDouble() * 0.2)), C: colours[2 + i])).ToArray();
        var grain = new byte[4096];
        random.NextBytes(grain);
        var margin = Math.Max(1, Math.Min(width, height) / 10);
        Parallel.For(0, height, y =>
        {
            var row = y * width * bands;
            for (var x = 0; x < width; x++)
            {
                var t = (x + y) / (double)(width + height);
                double r = colours[0].R + (colours[1].R - colours[0].R) * t, g = colours[0].G + (colours[1].G - colours[0].G) * t, b = colours[0].B + (colours[1].B - colours[0].B) * t;
                foreach (var disc in discs)
                {
                    long dx = x - disc.X, dy = y - disc.Y;
                    if (dx * dx + dy * dy < (long)disc.R * disc.R) { r = disc.C.R; g = disc.C.G; b = disc.C.B; }
                }
                if ((y / Math.Max(1, height / 12)) % 5 == 0) { r *= 0.85; g *= 0.85; b *= 0.85; }
                var noise = grain[(x * 31 + y * 17) & 4095] / 16 - 8;
                var offset = row + x * bands;
                pixels[offset] = Clamp(r + noise);
                pixels[offset + 1] = Clamp(g + noise);
                pixels[offset + 2] = Clamp(b + noise);
                if (bands == 4) pixels[offset + 3] = (byte)(x < margin || y < margin || x >= width - margin || y >= height - margin ? 0 : 255);
            }
        });
        return pixels;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)value, 0, 255);

    internal static VipsImageHandle FromPixels(byte[] pixels, int width, int height, int bands)
    {
        Vips.EnsureInitialized(2);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            return Vips.Check(VipsNative.vips_image_new_from_memory_copy(handle.AddrOfPinnedObject(), (nuint)pixels.Length, width, height, bands, Vips.FormatUChar), "vips_image_new_from_memory_copy");
        }
        finally
        {
            handle.Free();
        }
    }

    internal static byte[] Save(VipsImageHandle image, string extension, int quality, bool strip = true)
    {
        int result;
        GLibBuffer buffer;
        nuint length;
        var keep = strip ? 1 : 0;
        result = extension switch
        {
            "jpg" => VipsNative.vips_jpegsave_buffer(image, out buffer, out length, "Q", quality, "strip", keep, "interlace", 0, IntPtr.Zero),
            "gif" => VipsNative.vips_gifsave_buffer(image, out buffer, out length, IntPtr.Zero),
            "webp" => VipsNative.vips_webpsave_buffer(image, out buffer, out length, "Q", quality, "strip", keep, "effort", 4, IntPtr.Zero),
            _ => VipsNative.vips_pngsave_buffer(image, out buffer, out length, "strip", keep, "compression", 6, IntPtr.Zero),
        };
        using (buffer)
        {
            Vips.Check(result, "save " + extension);
            return Vips.ToArray(buffer, length);
        }
    }

    /// <summary>Encodes raw interleaved 8-bit pixels with libvips ("jpg", "png", "webp" or "gif"); the sample content draws its own pictures.</summary>
    public static byte[] Encode(byte[] pixels, int width, int height, int bands, string extension, int quality)
    {
        using var image = FromPixels(pixels, width, height, bands);
        return Save(image, extension, quality);
    }
}
