using Network.Modules.Search.Analysis;

namespace Network.Modules.Search.Index;

/// <summary>
/// Surface words of the indexed titles and summaries (folded word → most frequent spelling and count), for spelling
/// suggestions presented as real words rather than stems. Built on the first suggestion needed, then fed by the writer.
/// Counts only grow (a removed document's words stay): a suggestion is offered only when its term still has documents,
/// which the caller checks against the index vocabulary.
/// </summary>
internal sealed class SpellingVocabulary(TextAnalyzer analyzer)
{
    private readonly Lock _lock = new();
    private Dictionary<string, Entry>? _words;
    // The words counted at least twice, by length, in flat arrays (rebuilt after words were added): a suggestion scans
    // the five lengths within 2 of the word's, not the whole dictionary.
    private Bucket[]? _buckets;

    private const int MinimumLength = 3, MaximumLength = 30, MinimumCount = 2;

    private sealed record Bucket(string[] Words, ulong[] Letters, Entry[] Entries);

    private sealed class Entry(string surface, ulong letters)
    {
        public string Surface = surface;
        public readonly ulong Letters = letters;
        public int Count;
        public Dictionary<string, int>? Spellings;
    }

    public bool IsBuilt
    {
        get { lock (_lock) return _words is not null; }
    }

    public void Build(Action<Action<string, string>> readAll)
    {
        var words = new Dictionary<string, Entry>(StringComparer.Ordinal);
        readAll((title, summary) => { Add(words, title); Add(words, summary); });
        lock (_lock)
        {
            _words = words;
            _buckets = null;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _words = null;
            _buckets = null;
        }
    }

    public void Add(string title, string summary)
    {
        lock (_lock)
        {
            if (_words is null) return;
            Add(_words, title);
            Add(_words, summary);
            _buckets = null;
        }
    }

    private void Add(Dictionary<string, Entry> words, string text)
    {
        foreach (var word in analyzer.Words(text))
        {
            if (word.Length < MinimumLength || word.Length > MaximumLength) continue;
            var folded = TextAnalyzer.Fold(word);
            if (!words.TryGetValue(folded, out var entry)) words[folded] = entry = new Entry(word.ToLowerInvariant(), Letters(folded));
            entry.Count++;
            var spelling = word.ToLowerInvariant();
            if (spelling == entry.Surface) continue;
            entry.Spellings ??= new Dictionary<string, int>(StringComparer.Ordinal) { [entry.Surface] = entry.Count - 1 };
            entry.Spellings[spelling] = entry.Spellings.GetValueOrDefault(spelling) + 1;
            if (entry.Spellings[spelling] > entry.Spellings[entry.Surface]) entry.Surface = spelling;
        }
    }

    /// <summary>Words counted at least twice within edit distance 2 of <paramref name="folded"/>, closest then most frequent first.</summary>
    public List<string> Candidates(string folded, int limit = 10)
    {
        var found = new List<(string Surface, int Distance, int Count)>();
        var letters = Letters(folded);
        lock (_lock)
        {
            if (_words is null) return [];
            var buckets = _buckets ??= Buckets(_words);
            for (var length = Math.Max(0, folded.Length - 2); length <= Math.Min(buckets.Length - 1, folded.Length + 2); length++)
            {
                var bucket = buckets[length];
                var bucketLetters = bucket.Letters;
                for (var i = 0; i < bucketLetters.Length; i++)
                {
                    // Each edit brings in or takes away at most one letter: a word with three letters the other lacks is further than 2.
                    if (System.Numerics.BitOperations.PopCount(letters & ~bucketLetters[i]) > 2 || System.Numerics.BitOperations.PopCount(bucketLetters[i] & ~letters) > 2) continue;
                    var word = bucket.Words[i];
                    if (word == folded) continue;
                    var distance = Distance(folded, word, 2);
                    if (distance <= 2) found.Add((bucket.Entries[i].Surface, distance, bucket.Entries[i].Count));
                }
            }
        }
        return found.OrderBy(f => f.Distance).ThenByDescending(f => f.Count).ThenBy(f => f.Surface, StringComparer.Ordinal)
            .Take(limit).Select(f => f.Surface).ToList();
    }

    private static Bucket[] Buckets(Dictionary<string, Entry> words)
    {
        // Folded words can be longer than the words (œ is oe) or shorter (combining marks dropped).
        var lists = new List<(string Word, Entry Entry)>[words.Keys.Select(w => w.Length).DefaultIfEmpty(0).Max() + 1];
        for (var length = 0; length < lists.Length; length++) lists[length] = [];
        foreach (var (word, entry) in words)
            if (entry.Count >= MinimumCount) lists[word.Length].Add((word, entry));
        return [.. lists.Select(list => new Bucket([.. list.Select(p => p.Word)], [.. list.Select(p => p.Entry.Letters)], [.. list.Select(p => p.Entry)]))];
    }

    /// <summary>
    /// The letters of a word as bits (character code modulo 64): letters sharing a bit look alike, which only lets more
    /// words through the distance check, never fewer.
    /// </summary>
    private static ulong Letters(string word)
    {
        var bits = 0UL;
        foreach (var c in word) bits |= 1UL << (c & 63);
        return bits;
    }

    /// <summary>Damerau-Levenshtein (optimal string alignment) distance, stopping early above <paramref name="max"/>.</summary>
    internal static int Distance(string a, string b, int max)
    {
        var width = b.Length + 1;
        // Three rows (two before and the current one) rotating in one stack buffer.
        Span<int> rows = stackalloc int[width * 3];
        int previous2 = 0, previous = width, current = width * 2;
        for (var j = 0; j <= b.Length; j++) rows[previous + j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            rows[current] = i;
            var rowMin = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(rows[previous + j] + 1, rows[current + j - 1] + 1), rows[previous + j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) value = Math.Min(value, rows[previous2 + j - 2] + 1);
                rows[current + j] = value;
                rowMin = Math.Min(rowMin, value);
            }
            if (rowMin > max) return max + 1;
            (previous2, previous, current) = (previous, current, previous2);
        }
        return rows[previous + b.Length];
    }
}
