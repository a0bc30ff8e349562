using System.Buffers.Binary;

namespace Network.Modules.Media.Imaging;

/// <summary>
/// Drops the metadata chunks (EXIF, XMP, ICC profile) of a WebP file. libvips 8.14.1's WebP saver ignores "strip"
/// and always writes an EXIF block it synthesizes (resolution, orientation, dimensions): harmless, but the promise
/// is "no EXIF", so the chunks are removed from the RIFF container and the extended header's flags cleared.
/// </summary>
public static class WebPMetadata
{
    private const byte IccFlag = 0x20, ExifFlag = 0x08, XmpFlag = 0x04;

    public static byte[] Strip(byte[] webp)
    {
        var data = webp.AsSpan();
        if (data.Length < 20 || !data.StartsWith("RIFF"u8) || !data[8..12].SequenceEqual("WEBP"u8)) return webp;
        var output = new byte[data.Length];
        data[..12].CopyTo(output);
        var written = 12;
        var position = 12;
        var removed = false;
        while (position + 8 <= data.Length)
        {
            var type = data[position..(position + 4)];
            var size = (int)BinaryPrimitives.ReadUInt32LittleEndian(data[(position + 4)..]);
            var total = 8 + size + (size & 1); // chunks are padded to an even size
            if (size < 0 || position + total > data.Length) return webp; // malformed: leave it to the caller's own checks
            if (type.SequenceEqual("EXIF"u8) || type.SequenceEqual("XMP "u8) || type.SequenceEqual("ICCP"u8))
            {
                removed = true;
            }
            else
            {
                data.Slice(position, total).CopyTo(output.AsSpan(written));
                if (type.SequenceEqual("VP8X"u8)) output[written + 8] &= unchecked((byte)~(IccFlag | ExifFlag | XmpFlag));
                written += total;
            }
            position += total;
        }
        if (!removed) return webp;
        BinaryPrimitives.WriteUInt32LittleEndian(output.AsSpan(4), (uint)(written - 8));
        return output[..written];
    }
}
