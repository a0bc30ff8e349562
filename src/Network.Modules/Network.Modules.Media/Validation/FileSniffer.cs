using System.Buffers.Binary;
using System.Text;

namespace Network.Modules.Media.Validation;

/// <summary>What the first bytes of a file say it is, whatever its name.</summary>
public enum SniffedKind { Accepted, Executable, Archive, Markup, Text, Unknown }

/// <param name="Kind">Accepted when <paramref name="Format"/> is set; otherwise why the file is refused.</param>
/// <param name="Width">Image width read from the header, when the format is an image and the header could be read.</param>
public sealed record SniffResult(SniffedKind Kind, MediaFormat? Format, int? Width = null, int? Height = null);

/// <summary>
/// Recognises the accepted formats by their signatures and reads an image's dimensions from its header, without
/// decoding anything: the pixel limit is checked before a single pixel is allocated.
/// </summary>
public static class FileSniffer
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public static SniffResult Sniff(ReadOnlySpan<byte> data)
    {
        if (data.Length >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
            return WithSize(MediaFormat.Jpeg, JpegSize(data));
        if (data.StartsWith(PngSignature))
            return WithSize(MediaFormat.Png, PngSize(data));
        if (data.Length >= 12 && data.StartsWith("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8))
            return WithSize(MediaFormat.WebP, WebPSize(data));
        if (data.StartsWith("GIF87a"u8) || data.StartsWith("GIF89a"u8))
            return WithSize(MediaFormat.Gif, data.Length >= 10 ? (BinaryPrimitives.ReadUInt16LittleEndian(data[6..]), BinaryPrimitives.ReadUInt16LittleEndian(data[8..])) : null);
        if (data.StartsWith("%PDF-"u8))
            return new SniffResult(SniffedKind.Accepted, MediaFormat.Pdf);
        return new SniffResult(RefusedKind(data), null);
    }

    private static SniffResult WithSize(MediaFormat format, (int Width, int Height)? size)
        => new(SniffedKind.Accepted, format, size?.Width, size?.Height);

    private static SniffedKind RefusedKind(ReadOnlySpan<byte> data)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46])                                               // ELF (Linux)
            || data.StartsWith("MZ"u8)                                                                 // PE (Windows), DOS
            || data.StartsWith((ReadOnlySpan<byte>)[0xCF, 0xFA, 0xED, 0xFE]) || data.StartsWith((ReadOnlySpan<byte>)[0xCE, 0xFA, 0xED, 0xFE])  // Mach-O
            || data.StartsWith((ReadOnlySpan<byte>)[0xCA, 0xFE, 0xBA, 0xBE])                                               // Mach-O universal, Java class
            || data.StartsWith("#!"u8))                                                                // script with interpreter
            return SniffedKind.Executable;
        if (data.StartsWith("PK\x03\x04"u8) || data.StartsWith("PK\x05\x06"u8) || data.StartsWith((ReadOnlySpan<byte>)[0x1F, 0x8B])
            || data.StartsWith("Rar!"u8) || data.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
            return SniffedKind.Archive;
        var text = data[..Math.Min(data.Length, 4096)];
        if (text.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) text = text[3..];
        if (LooksLikeText(text))
        {
            var trimmed = text.TrimStart(" \t\r\n"u8);
            return trimmed.Length > 0 && trimmed[0] == (byte)'<' ? SniffedKind.Markup : SniffedKind.Text;
        }
        return SniffedKind.Unknown;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> data)
    {
        if (data.Length == 0) return false;
        // UTF-8 without control characters other than tab and line breaks (a cut multi-byte sequence at the end is fine).
        if (data.IndexOfAnyInRange((byte)0, (byte)8) >= 0 || data.IndexOfAnyInRange((byte)14, (byte)31) >= 0 || data.Contains((byte)11) || data.Contains((byte)12))
            return false;
        try
        {
            var chars = new char[Encoding.UTF8.GetMaxCharCount(data.Length)];
            new UTF8Encoding(false, throwOnInvalidBytes: true).GetDecoder().GetChars(data, chars, flush: false);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static (int, int)? PngSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data[12..16].SequenceEqual("IHDR"u8)) return null;
        return Positive(BinaryPrimitives.ReadUInt32BigEndian(data[16..]), BinaryPrimitives.ReadUInt32BigEndian(data[20..]));
    }

    private static (int, int)? WebPSize(ReadOnlySpan<byte> data)
    {
        if (data.Length < 30) return null;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
            return Positive((uint)(BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF), (uint)(BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF));
        if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            return Positive((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
        }
        if (chunk.SequenceEqual("VP8X"u8))
            return Positive(ReadUInt24(data[24..]) + 1, ReadUInt24(data[27..]) + 1);
        return null;
    }

    private static (int, int)? JpegSize(ReadOnlySpan<byte> data)
    {
        var position = 2;
        while (position + 4 <= data.Length)
        {
            if (data[position] != 0xFF) return null;
            var marker = data[position + 1];
            if (marker == 0xFF) { position++; continue; }                 // fill byte
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8)) { position += 2; continue; } // markers without a length
            if (marker is 0xD9 or 0xDA) return null;                     // end of image or scan before any frame header
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(position + 2)..]);
            if (length < 2) return null;
            var isFrame = marker is >= 0xC0 and <= 0xCF and not 0xC4 and not 0xC8 and not 0xCC;
            if (isFrame)
            {
                if (position + 9 > data.Length) return null;
                return Positive(BinaryPrimitives.ReadUInt16BigEndian(data[(position + 7)..]), BinaryPrimitives.ReadUInt16BigEndian(data[(position + 5)..]));
            }
            position += 2 + length;
        }
        return null;
    }

    private static uint ReadUInt24(ReadOnlySpan<byte> data) => (uint)(data[0] | data[1] << 8 | data[2] << 16);

    private static (int, int)? Positive(uint width, uint height)
        => width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? ((int)width, (int)height) : null;
}
