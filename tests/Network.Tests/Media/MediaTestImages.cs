using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Network.Modules.Media.Imaging;

namespace Network.Tests.Media;

/// <summary>Images made for the tests with libvips itself or by hand (never downloaded), and ways to look inside them.</summary>
internal static class MediaTestImages
{
    /// <summary>
    /// A JPEG 400×200 whose left half is white and right half black, carrying EXIF orientation 6 (display rotated
    /// 90° clockwise), a GPS position and an XMP packet: what a phone photo leaks.
    /// </summary>
    public static byte[] JpegWithOrientationAndGps()
    {
        const int width = 400, height = 200;
        var pixels = new byte[width * height * 3];
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width / 2; x++)
                pixels.AsSpan((y * width + x) * 3, 3).Fill(255);
        using var image = SampleImages.FromPixels(pixels, width, height, 3);
        VipsNative.vips_image_set_blob_copy(image, "exif-data", ExifWithGps, (nuint)ExifWithGps.Length);
        VipsNative.vips_image_set_int(image, "orientation", 6);
        var xmp = "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description xmlns:exif=\"http://ns.adobe.com/exif/1.0/\" exif:GPSLatitude=\"50,37.0N\"/></rdf:RDF></x:xmpmeta>"u8.ToArray();
        VipsNative.vips_image_set_blob_copy(image, "xmp-data", xmp, (nuint)xmp.Length);
        return SampleImages.Save(image, "jpg", 92, strip: false);
    }

    /// <summary>"Exif\0\0" + a little-endian TIFF: IFD0 with Orientation = 6 and a GPS IFD (latitude 50° 37' N).</summary>
    private static readonly byte[] ExifWithGps = BuildExif();

    private static byte[] BuildExif()
    {
        var tiff = new byte[92];
        var s = tiff.AsSpan();
        "II"u8.CopyTo(s);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], 42);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], 8);
        // IFD0 at 8: two entries.
        BinaryPrimitives.WriteUInt16LittleEndian(s[8..], 2);
        Entry(s[10..], 0x0112, 3, 1, 6);        // Orientation, SHORT
        Entry(s[22..], 0x8825, 4, 1, 38);       // GPS IFD pointer, LONG
        BinaryPrimitives.WriteUInt32LittleEndian(s[34..], 0);
        // GPS IFD at 38: two entries.
        BinaryPrimitives.WriteUInt16LittleEndian(s[38..], 2);
        Entry(s[40..], 0x0001, 2, 2, 'N');      // GPSLatitudeRef, ASCII "N\0"
        Entry(s[52..], 0x0002, 5, 3, 68);       // GPSLatitude, 3 RATIONAL at 68
        BinaryPrimitives.WriteUInt32LittleEndian(s[64..], 0);
        uint[] rationals = [50, 1, 37, 1, 0, 1];
        for (var i = 0; i < rationals.Length; i++) BinaryPrimitives.WriteUInt32LittleEndian(s[(68 + i * 4)..], rationals[i]);
        return [.. "Exif\0\0"u8, .. tiff];
    }

    private static void Entry(Span<byte> s, ushort tag, ushort type, uint count, uint value)
    {
        BinaryPrimitives.WriteUInt16LittleEndian(s, tag);
        BinaryPrimitives.WriteUInt16LittleEndian(s[2..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(s[4..], count);
        BinaryPrimitives.WriteUInt32LittleEndian(s[8..], value);
    }

    /// <summary>A PNG header announcing <paramref name="width"/>×<paramref name="height"/> pixels, with a tiny IDAT: a decompression bomb's shape.</summary>
    public static byte[] PngHeaderOnly(int width, int height)
    {
        var stream = new MemoryStream();
        stream.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var ihdr = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(ihdr, width);
        BinaryPrimitives.WriteInt32BigEndian(ihdr.AsSpan(4), height);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
        Chunk(stream, "IHDR", ihdr);
        Chunk(stream, "IDAT", [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        Chunk(stream, "IEND", []);
        return stream.ToArray();
    }

    private static void Chunk(Stream stream, string type, byte[] data)
    {
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(length, data.Length);
        stream.Write(length);
        var typeAndData = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        stream.Write(typeAndData);
        Span<byte> crc = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typeAndData));
        stream.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }

    /// <summary>What libvips reads from a file: loader, size, bands, alpha, metadata field names.</summary>
    public static (string? Loader, int Width, int Height, int Bands, bool HasAlpha, IReadOnlyList<string> Fields) Inspect(byte[] data)
    {
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            using var image = VipsNative.vips_image_new_from_buffer(handle.AddrOfPinnedObject(), (nuint)data.Length, "", "fail_on", Vips.FailOnError, "access", 0, IntPtr.Zero);
            Assert.False(image.IsInvalid, Vips.Error("load").Message);
            return (Vips.GetString(image, "vips-loader"), VipsNative.vips_image_get_width(image), VipsNative.vips_image_get_height(image),
                VipsNative.vips_image_get_bands(image), VipsNative.vips_image_hasalpha(image) != 0, Vips.FieldNames(image));
        }
        finally
        {
            handle.Free();
        }
    }

    public static int? OrientationOf(byte[] data) => WithImage(data, image => Vips.GetInt(image, "orientation"));

    /// <summary>The first band's value at (x, y).</summary>
    public static double PixelAt(byte[] data, int x, int y) => WithImage(data, image =>
    {
        Vips.Check(VipsNative.vips_getpoint(image, out var vector, out var count, x, y, IntPtr.Zero), "vips_getpoint");
        try
        {
            Assert.True(count > 0);
            var values = new double[count];
            Marshal.Copy(vector, values, 0, count);
            return values[0];
        }
        finally
        {
            VipsNative.g_free(vector);
        }
    });

    private static T WithImage<T>(byte[] data, Func<VipsImageHandle, T> read)
    {
        var handle = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            using var image = VipsNative.vips_image_new_from_buffer(handle.AddrOfPinnedObject(), (nuint)data.Length, "", "fail_on", Vips.FailOnError, "access", 0, IntPtr.Zero);
            Assert.False(image.IsInvalid, Vips.Error("load").Message);
            return read(image);
        }
        finally
        {
            handle.Free();
        }
    }
}
