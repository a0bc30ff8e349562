using System.Globalization;
using System.Text;

namespace Network.Modules.Search.Analysis;

/// <summary>A word of a text as the index sees it: where it is in the text and its term (null for a stop word).</summary>
public readonly record struct AnalyzedToken(int Start, int Length, string? Term);

/// <summary>
/// Turns text into index terms, the same way at index and query time: words are cut at anything that is not a letter
/// or a digit (apostrophes split elisions: "l'exposition" is "exposition"), case-folded and accent-folded (which gives
/// the same words for NFC and NFD input: "Numériques" and "numeriques" are one word), stop words dropped, then stemmed
/// by Snowball (French, or English for English content). Folding comes before stemming so that a word typed without
/// its accents stems exactly like the accented one. Thread-safe: each thread keeps its own stemmers and stem cache.
/// </summary>
public sealed class TextAnalyzer
{
    public const string French = "fr";
    public const string English = "en";

    /// <summary>Longer "words" (hashes, pasted garbage) are cut to this many characters.</summary>
    public const int MaxWordLength = 40;

    private const int MaxCachedStems = 200_000;

    [ThreadStatic] private static PerThread? _perThread;

    private static PerThread Local => _perThread ??= new PerThread();

    /// <summary>The text's terms separated by single spaces (what the index stores).</summary>
    public string Terms(string? text, string language = French)
    {
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(text.Length / 2);
        AppendTerms(text, language, builder);
        return builder.ToString();
    }

    /// <summary>Appends the text's terms to <paramref name="output"/>, each preceded by a space when the output is not empty.</summary>
    public void AppendTerms(ReadOnlySpan<char> text, string language, StringBuilder output)
    {
        var sink = new TermAppender(output);
        Analyze(text, language, ref sink);
    }

    /// <summary>The text's words with their offsets and terms, for highlighting the words a query matched.</summary>
    public void Tokens(ReadOnlySpan<char> text, string language, List<AnalyzedToken> output)
    {
        var sink = new TokenCollector(output);
        Analyze(text, language, ref sink);
    }

    /// <summary>
    /// As <see cref="Tokens"/>, but a word's term is looked up only when its folded form starts with one of
    /// <paramref name="firstLetters"/>, else left null: for highlighting, where only the query's terms matter. Snowball
    /// (French and English) never changes a word's first letter, so no term starting with those letters is missed.
    /// </summary>
    public void Tokens(ReadOnlySpan<char> text, string language, List<AnalyzedToken> output, string firstLetters)
    {
        var sink = new FilteredTokenCollector(output, firstLetters);
        Analyze(text, language, ref sink);
    }

    // One pass over the text for both uses; the sink is a struct so the indexing path pays no delegate call per word.
    private static void Analyze<TSink>(ReadOnlySpan<char> text, string language, ref TSink sink) where TSink : struct, ITokenSink
    {
        var local = Local;
        var words = local.Words;
        Span<char> folded = stackalloc char[MaxWordLength * 2];
        var position = 0;
        while (NextToken(text, ref position, out var start, out var length, out var hasApostrophe))
        {
            var token = text.Slice(start, length);
            if (!hasApostrophe)
            {
                // Most words: no elision to split. A word whose first letter no wanted term starts with is not folded.
                if (sink.FiltersTerms && !sink.WantsTerm(FirstFolded(token)))
                {
                    sink.Add(start, length, null);
                    continue;
                }
                var whole = FoldInto(token, folded);
                sink.Add(start, length, whole.IsEmpty || !sink.WantsTerm(whole[0]) ? null : local.TermOf(whole, language));
                continue;
            }
            foreach (var word in SplitElisions(token, words))
            {
                var key = FoldInto(text.Slice(start + word.Start, word.Length), folded);
                sink.Add(start + word.Start, word.Length, key.IsEmpty || !sink.WantsTerm(key[0]) ? null : local.TermOf(key, language));
            }
        }
    }

    private interface ITokenSink
    {
        /// <summary>Whether <see cref="WantsTerm"/> can refuse a word (then it is asked before the word is folded).</summary>
        bool FiltersTerms { get; }

        bool WantsTerm(char first);

        void Add(int start, int length, string? term);
    }

    private readonly struct TermAppender(StringBuilder output) : ITokenSink
    {
        public bool FiltersTerms => false;

        public bool WantsTerm(char first) => true;

        public void Add(int start, int length, string? term)
        {
            if (term is null) return;
            if (output.Length > 0) output.Append(' ');
            output.Append(term);
        }
    }

    private readonly struct FilteredTokenCollector(List<AnalyzedToken> output, string firstLetters) : ITokenSink
    {
        // The ASCII letters among firstLetters as bits (asked about every word: a string search each time cost more).
        private readonly UInt128 _ascii = AsciiBits(firstLetters);

        public bool FiltersTerms => true;

        public bool WantsTerm(char first) => first < 128 ? ((_ascii >> first) & UInt128.One) != UInt128.Zero : firstLetters.Contains(first);

        public void Add(int start, int length, string? term) => output.Add(new AnalyzedToken(start, length, term));
    }

    private static UInt128 AsciiBits(string letters)
    {
        var bits = UInt128.Zero;
        foreach (var c in letters) if (c < 128) bits |= UInt128.One << c;
        return bits;
    }

    private readonly struct TokenCollector(List<AnalyzedToken> output) : ITokenSink
    {
        public bool FiltersTerms => false;

        public bool WantsTerm(char first) => true;

        public void Add(int start, int length, string? term) => output.Add(new AnalyzedToken(start, length, term));
    }

    /// <summary>The term of one word in <paramref name="language"/>, or null for a stop word or a word without letters or digits.</summary>
    public string? Term(ReadOnlySpan<char> word, string language = French)
    {
        Span<char> folded = stackalloc char[MaxWordLength * 2];
        var key = FoldInto(word, folded);
        return key.IsEmpty ? null : Local.TermOf(key, language);
    }

    /// <summary>
    /// The terms a word typed in a query may have in the index: its French stem and, when it differs, its English one.
    /// Empty when the word is a stop word in either language ("the", "les").
    /// </summary>
    public IReadOnlyList<string> QueryTerms(ReadOnlySpan<char> word)
    {
        var french = Term(word, French);
        var english = Term(word, English);
        if (french is null || english is null) return [];
        return french == english ? [french] : [french, english];
    }

    /// <summary>Splits a query's free text into words the way <see cref="AppendTerms"/> does, unanalysed (elided articles dropped).</summary>
    public IReadOnlyList<string> Words(string? text)
    {
        var result = new List<string>();
        if (string.IsNullOrEmpty(text)) return result;
        var words = new List<(int Start, int Length)>();
        var position = 0;
        while (NextToken(text, ref position, out var start, out var length, out _))
        {
            words.Clear();
            foreach (var word in SplitElisions(text.AsSpan(start, length), words)) result.Add(text.Substring(start + word.Start, word.Length));
        }
        return result;
    }

    /// <summary>Lower case, no accents, ligatures spelled out ("Œuvres" is "oeuvres").</summary>
    public static string Fold(ReadOnlySpan<char> word)
    {
        Span<char> buffer = stackalloc char[Math.Min(word.Length, MaxWordLength) * 2 + 2];
        return new string(FoldInto(word, buffer));
    }

    // Letters, digits and combining marks make words; an apostrophe between two letters stays inside (elisions are split
    // next, and hasApostrophe says whether there is one to split at).
    private static bool NextToken(ReadOnlySpan<char> text, ref int position, out int start, out int length, out bool hasApostrophe)
    {
        var table = CharClasses;
        var at = position;
        while (at < text.Length && (KindOf(text[at], table) & WordChar) == 0) at++;
        start = at;
        var kinds = 0;
        while (at < text.Length)
        {
            var kind = KindOf(text[at], table);
            if ((kind & (WordChar | CombiningMark)) == 0
                && ((kind & Apostrophe) == 0 || at + 1 >= text.Length || !IsWordChar(text[at + 1]) || at == start)) break;
            kinds |= kind;
            at++;
        }
        position = at;
        length = at - start;
        hasApostrophe = (kinds & Apostrophe) != 0;
        return length > 0;
    }

    private static byte KindOf(char c, byte[] table) => (uint)c < (uint)table.Length ? table[c] : Classify(c);

    private const byte WordChar = 1, CombiningMark = 2, Apostrophe = 4;

    // The kind of every character up to U+02FF, looked up once per character of every text analysed.
    private static readonly byte[] CharClasses = BuildCharClasses();

    private static byte[] BuildCharClasses()
    {
        var table = new byte[0x300];
        for (var c = 0; c < table.Length; c++) table[c] = Classify((char)c);
        return table;
    }

    private static byte Classify(char c)
    {
        byte kind = 0;
        if (IsWordChar(c)) kind |= WordChar;
        else if (char.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) kind |= CombiningMark;
        if (IsApostrophe(c)) kind |= Apostrophe;
        return kind;
    }

    private static bool IsWordChar(char c) => c < 128 ? char.IsAsciiLetterOrDigit(c) : char.IsLetterOrDigit(c);

    private static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ' or '‘';

    /// <summary>Parts of a token between apostrophes; a leading elided article ("l", "qu") is dropped.</summary>
    private static List<(int Start, int Length)> SplitElisions(ReadOnlySpan<char> token, List<(int Start, int Length)> parts)
    {
        parts.Clear();
        var from = 0;
        for (var i = 0; i <= token.Length; i++)
        {
            if (i < token.Length && !IsApostrophe(token[i])) continue;
            if (i > from) parts.Add((from, i - from));
            from = i + 1;
        }
        if (parts.Count > 1)
        {
            Span<char> buffer = stackalloc char[16];
            var first = token.Slice(parts[0].Start, parts[0].Length);
            if (first.Length <= 6 && StopWords.Elisions.Contains(new string(FoldInto(first, buffer)))) parts.RemoveAt(0);
        }
        return parts;
    }

    private static readonly string?[] Folding = BuildFoldingTable();

    /// <summary>The first character <see cref="FoldInto"/> would give for <paramref name="word"/> ('\0' when none): its characters folded one at a time.</summary>
    private static char FirstFolded(ReadOnlySpan<char> word)
    {
        if (word.IsEmpty) return '\0';
        var first = word[0];
        if (first < 128) return char.IsAsciiLetterUpper(first) ? (char)(first | 0x20) : first;
        return FirstFoldedBeyondAscii(word);
    }

    // Apart, so that the common case above stays small enough to inline (no stack buffer to set up).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static char FirstFoldedBeyondAscii(ReadOnlySpan<char> word)
    {
        Span<char> folded = stackalloc char[4];
        var limit = Math.Min(word.Length, MaxWordLength);
        for (var i = 0; i < limit; i++)
        {
            var one = FoldInto(word.Slice(i, 1), folded);
            if (!one.IsEmpty) return one[0];
        }
        return '\0';
    }

    /// <summary>Folds <paramref name="word"/> into <paramref name="buffer"/> (at most <see cref="MaxWordLength"/> characters of the word).</summary>
    private static ReadOnlySpan<char> FoldInto(ReadOnlySpan<char> word, Span<char> buffer)
    {
        var length = 0;
        var limit = Math.Min(word.Length, MaxWordLength);
        for (var i = 0; i < limit && length < buffer.Length - 2; i++)
        {
            var c = word[i];
            if (c < 128)
            {
                buffer[length++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
            }
            else if (c < Folding.Length)
            {
                var mapped = Folding[c];
                if (mapped is null) continue;
                foreach (var m in mapped) buffer[length++] = m;
            }
            else if (char.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                buffer[length++] = char.ToLowerInvariant(c);
            }
        }
        return buffer[..length];
    }

    // Every character up to U+024F (Latin-1, Latin Extended-A and B) mapped once: decomposed, marks dropped, lower-cased.
    private static string?[] BuildFoldingTable()
    {
        var table = new string?[0x250];
        for (var c = 128; c < table.Length; c++)
        {
            var ch = (char)c;
            var special = ch switch { 'œ' or 'Œ' => "oe", 'æ' or 'Æ' => "ae", 'ß' => "ss", 'ø' or 'Ø' => "o", 'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d", _ => null };
            if (special is not null) { table[c] = special; continue; }
            var category = char.GetUnicodeCategory(ch);
            if (category == UnicodeCategory.NonSpacingMark) { table[c] = null; continue; }
            var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
            var kept = new StringBuilder();
            foreach (var d in decomposed)
                if (char.GetUnicodeCategory(d) != UnicodeCategory.NonSpacingMark) kept.Append(char.ToLowerInvariant(d));
            table[c] = kept.Length == 0 ? null : kept.ToString();
        }
        return table;
    }

    /// <summary>
    /// Stems of folded words (null for stop words), shared by every thread: one cache per thread held the same tens of
    /// thousands of words once for each thread-pool thread a bulk load's analysis ran on (several MB each).
    /// </summary>
    private static readonly StemCache FrenchStems = new(), EnglishStems = new();

    private sealed class StemCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?> _stems = new(StringComparer.Ordinal);
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string?>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private int _count;

        public StemCache() => _lookup = _stems.GetAlternateLookup<ReadOnlySpan<char>>();

        public bool TryGet(ReadOnlySpan<char> folded, out string? term) => _lookup.TryGetValue(folded, out term);

        public void Add(string folded, string? term)
        {
            if (Volatile.Read(ref _count) >= MaxCachedStems)
            {
                _stems.Clear();
                Volatile.Write(ref _count, 0);
            }
            if (_stems.TryAdd(folded, term)) Interlocked.Increment(ref _count);
        }
    }

    /// <summary>One thread's stemmers (Snowball's are not thread-safe).</summary>
    private sealed class PerThread
    {
        public readonly List<(int Start, int Length)> Words = new(4);
        private SnowballStemmer? _french, _english;

        public string? TermOf(ReadOnlySpan<char> folded, string language)
        {
            if (folded.IsEmpty) return null;
            var english = language == English;
            var cache = english ? EnglishStems : FrenchStems;
            if (cache.TryGet(folded, out var cached)) return cached;
            var key = new string(folded);
            string? term;
            if ((english ? StopWords.English : StopWords.French).Contains(key)) term = null;
            else if (IsAllDigits(folded)) term = key;
            else term = english ? (_english ??= new SnowballStemmer("english")).Stem(folded) : (_french ??= new SnowballStemmer("french")).Stem(folded);
            cache.Add(key, term);
            return term;
        }

        private static bool IsAllDigits(ReadOnlySpan<char> word)
        {
            foreach (var c in word) if (!char.IsAsciiDigit(c)) return false;
            return true;
        }
    }
}
