using System.Runtime.InteropServices;
using System.Text;

namespace Network.Modules.Search.Analysis;

/// <summary>
/// A Snowball stemmer from Debian's <c>libstemmer0d</c> (the stemmers Lucene's analyzers use), called by P/Invoke.
/// One instance is not thread-safe: <see cref="TextAnalyzer"/> keeps one per thread.
/// </summary>
public sealed unsafe class SnowballStemmer : IDisposable
{
    private const string Library = "libstemmer.so.0d";
    private nint _handle;
    private byte[] _buffer = new byte[256];

    /// <param name="algorithm">"french" or "english".</param>
    public SnowballStemmer(string algorithm)
    {
        _handle = sb_stemmer_new(algorithm, "UTF_8");
        if (_handle == 0) throw new InvalidOperationException($"libstemmer has no '{algorithm}' stemmer.");
    }

    /// <summary>The stem of one lower-case word.</summary>
    public string Stem(ReadOnlySpan<char> word)
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        var max = Encoding.UTF8.GetMaxByteCount(word.Length);
        if (_buffer.Length < max) _buffer = new byte[Math.Max(max, _buffer.Length * 2)];
        var length = Encoding.UTF8.GetBytes(word, _buffer);
        fixed (byte* input = _buffer)
        {
            var stem = sb_stemmer_stem(_handle, input, length);
            if (stem == null) throw new OutOfMemoryException("libstemmer could not stem a word.");
            return Encoding.UTF8.GetString(stem, sb_stemmer_length(_handle));
        }
    }

    public void Dispose()
    {
        if (_handle == 0) return;
        sb_stemmer_delete(_handle);
        _handle = 0;
    }

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern nint sb_stemmer_new([MarshalAs(UnmanagedType.LPStr)] string algorithm, [MarshalAs(UnmanagedType.LPStr)] string encoding);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern void sb_stemmer_delete(nint stemmer);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern byte* sb_stemmer_stem(nint stemmer, byte* word, int size);

    [DllImport(Library, CallingConvention = CallingConvention.Cdecl)]
    private static extern int sb_stemmer_length(nint stemmer);
}
