using System.Runtime.Intrinsics;

namespace Network.Modules.Search.Index;

/// <summary>
/// In-memory postings of the index's frequent single terms (in at least <see cref="FrequentFraction"/> of the documents):
/// for each, the ascending rowids holding it with the term's weighted frequency there (10 × title occurrences + text
/// occurrences, the column weights the engine gives <c>bm25()</c>), plus each document's token count and the index's
/// totals. From these, a term's BM25 contribution in every document is computed in a tight loop, exactly as FTS5's
/// <c>bm25()</c> computes it, where FTS5 itself spends about 1.6 µs a match looking up each document's size: broad words
/// (80 to 100% of the documents) are answered in milliseconds. FTS5 stays the engine of record: rare terms, phrases and
/// prefixes are read from it, and these lists are built from it when the file opens and kept in step by the writer.
/// Not thread-safe: <see cref="SearchIndex"/> changes it under its write lock only.
/// </summary>
internal sealed class TermPostings
{
    /// <summary>
    /// A term is held once in at least this fraction of the documents (and <see cref="_minimumDocuments"/>): 0, every
    /// term is held (the engine's default minimum is one document), so no word query reads FTS5.
    /// </summary>
    public const double FrequentFraction = 0;

    // FTS5 bm25() constants (fts5_aux.c) and the engine's column weights (bm25(terms, 10.0, 1.0)).
    private const double K1 = 1.2;
    private const double B = 0.75;
    public const int TitleWeight = 10;

    private readonly int _minimumDocuments;
    private readonly int _broadMinimum;
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int[] _lengths = new int[1024];
    private readonly List<TermEntry> _touched = [];

    public TermPostings(int minimumDocuments, int broadMinimum = DefaultBroadMinimum)
    {
        _minimumDocuments = Math.Max(1, minimumDocuments);
        _broadMinimum = Math.Max(1, broadMinimum);
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Rows in the index (FTS5's count, for IDF and the average length).</summary>
    public long Rows { get; private set; }

    /// <summary>Tokens in the index over all columns (FTS5's total, for the average length).</summary>
    public long Tokens { get; private set; }

    /// <summary>Postings held (for memory figures).</summary>
    public long Postings { get; private set; }

    private int Threshold => (int)Math.Max(_minimumDocuments, Math.Ceiling(Rows * FrequentFraction));

    /// <summary>The held postings of <paramref name="term"/>, or null when FTS5 must answer.</summary>
    public TermList? Get(string term) => _terms.TryGetValue(term, out var entry) ? entry.List : null;

    /// <summary>True when <paramref name="term"/> is known to be in no document (every term is held and this one is empty or unknown).</summary>
    public bool IsAbsent(string term)
    {
        if (!_terms.TryGetValue(term, out var entry)) return Threshold <= 1;
        return entry.List is { Live: 0 };
    }

    /// <summary>Builds the lists from the index file: document frequencies, each document's size, held terms' instances.</summary>
    public static TermPostings Build(IndexFile file, int minimumDocuments, int broadMinimum = DefaultBroadMinimum)
    {
        var postings = new TermPostings(minimumDocuments, broadMinimum);
        (postings.Rows, postings.Tokens) = file.ReadTotals();
        file.ReadDocumentSizes((id, size) => postings.SetLength(id, size));
        var threshold = postings.Threshold;
        file.ReadVocabulary((term, documents) => postings._terms[term] = new TermEntry { Documents = documents });
        if (threshold <= 1) postings.LoadAll(file);
        else
        {
            foreach (var (term, entry) in postings._terms)
                if (entry.Documents >= threshold) postings.Load(file, term, entry);
        }
        postings.ComputeNorms();
        var broad = postings.BroadDocuments;
        foreach (var entry in postings._terms.Values) entry.List?.KeepBits(entry.List.Live >= broad);
        return postings;
    }

    /// <summary>
    /// A list in at least this many documents keeps a bitmap of them (<see cref="TermList.Bits"/>): a thirty-second of
    /// the rows (the bitmap, a bit per row, then takes at most 4 bytes a posting), and at least the broad minimum.
    /// </summary>
    private int BroadDocuments => (int)Math.Max(_broadMinimum, Rows / 32);

    /// <summary>The fewest documents of a list with a bitmap, whatever the index's size.</summary>
    public const int DefaultBroadMinimum = 1024;

    /// <summary>
    /// Every term's list in one pass over FTS5's instances (term by term, rowids ascending): one statement instead of
    /// one per term, which matters when every term is held.
    /// </summary>
    private void LoadAll(IndexFile file)
    {
        var loader = new AllTermsLoader(this);
        file.ReadAllInstances(loader.Add);
        loader.Finish();
        // Terms of the vocabulary without an instance left (their documents removed): held, empty.
        foreach (var entry in _terms.Values)
        {
            if (entry.List is not null || entry.Excluded) continue;
            entry.List = new TermList(1);
            entry.Documents = 0;
        }
    }

    private sealed class AllTermsLoader(TermPostings postings)
    {
        private byte[] _term = new byte[64];
        private int _termLength = -1;
        private TermEntry? _entry;
        private TermList? _list;
        private bool _overflow;

        public void Add(ReadOnlySpan<byte> term, long id, bool title)
        {
            if (_termLength < 0 || !term.SequenceEqual(_term.AsSpan(0, _termLength))) Next(term);
            if (_overflow || _list is not { } list) return;
            if (!AppendInstance(list, id, title)) _overflow = true;
        }

        private void Next(ReadOnlySpan<byte> term)
        {
            Finish();
            if (term.Length > _term.Length) _term = new byte[term.Length * 2];
            term.CopyTo(_term);
            _termLength = term.Length;
            var text = System.Text.Encoding.UTF8.GetString(term);
            if (!postings._terms.TryGetValue(text, out var entry)) postings._terms[text] = entry = new TermEntry();
            _entry = entry;
            _list = new TermList(Math.Max(1, entry.Documents));
            _overflow = false;
        }

        public void Finish()
        {
            if (_entry is not { } entry || _list is not { } list) return;
            if (_overflow)
            {
                // A frequency beyond 16 bits (or an unexpected order): this term stays FTS5's.
                entry.Excluded = true;
            }
            else
            {
                list.Trim();
                entry.List = list;
                entry.Documents = list.Live;
                postings.Postings += list.Count;
            }
            _entry = null;
            _list = null;
        }
    }

    /// <summary>
    /// Adds one FTS5 instance (rowids ascending) to a list being read: false when the frequency passes 16 bits or the
    /// order is unexpected (never seen: FTS5 yields ascending rowids), and the term then stays FTS5's.
    /// </summary>
    private static bool AppendInstance(TermList list, long id, bool title)
    {
        var weight = title ? TitleWeight : 1;
        if (!list.AddToLast((int)id, weight, out var added)) return false;
        if (added) return true;
        if (list.Count > 0 && list.LastId > id) return false;
        list.Append((int)id, (ushort)weight);
        return true;
    }

    /// <summary>Reads a term's list from the index (its committed state).</summary>
    private void Load(IndexFile file, string term, TermEntry entry)
    {
        var list = new TermList(Math.Max(4, entry.Documents));
        var overflow = false;
        file.ReadInstances(term, (id, title) =>
        {
            if (overflow) return;
            if (!AppendInstance(list, id, title)) overflow = true;
        });
        if (overflow)
        {
            // A frequency beyond 16 bits (or an unexpected order): this term stays FTS5's.
            entry.Excluded = true;
            return;
        }
        entry.List = list;
        entry.Documents = list.Live;
        Postings += list.Count;
    }

    private void SetLength(long id, int length)
    {
        if (id >= _lengths.Length) Array.Resize(ref _lengths, (int)Math.Max(_lengths.Length * 2L, id + 1024));
        _lengths[id] = length;
    }

    /// <summary>
    /// Applies a written batch (in the order written): a removed or replaced document's postings are dropped, an
    /// upserted one's added from its analysed terms; then terms grown frequent are loaded from the index and lists grown
    /// rare dropped, and the totals re-read from FTS5.
    /// </summary>
    public void Apply(IndexFile file, List<TableChange> changes, IReadOnlyList<AnalyzedDocument> analyzed)
    {
        var next = 0;
        foreach (var change in changes)
        {
            var id = (int)change.Id;
            if (id < _lengths.Length && _lengths[id] > 0) Drop(id);
            if (change.Document is null)
            {
                if (id < _lengths.Length) _lengths[id] = 0;
                        continue;
            }
            var document = analyzed[next++];
            SetLength(id, Add(id, document.TitleTerms, document.TextTerms));
        }
        (Rows, Tokens) = file.ReadTotals();
        var threshold = Threshold;
        var broad = BroadDocuments;
        List<(string, TermEntry)>? promote = null;
        foreach (var (term, entry) in _terms)
        {
            if (entry.List is { } list)
            {
                // Kept from the broad threshold on, dropped below half of it (a list near it does not flip at every write).
                if (list.Live >= broad) list.KeepBits(true);
                else if (list.Live < broad / 2) list.KeepBits(false);
                if (list.Live < threshold / 2)
                {
                    Postings -= list.Count;
                    entry.List = null;
                    entry.Documents = list.Live;
                }
                else if (list.Count > 64 && list.Live < list.Count * 3 / 4)
                {
                    Postings -= list.Count - list.Live;
                    list.Compact();
                }
            }
            else if (!entry.Excluded && entry.Documents >= threshold)
            {
                (promote ??= []).Add((term, entry));
            }
        }
        foreach (var (term, entry) in promote ?? [])
        {
            Load(file, term, entry);
            entry.List?.KeepBits(entry.List.Live >= broad);
        }
        ComputeNorms();
    }

    /// <summary>Tombstones <paramref name="id"/> in every held list.</summary>
    private void Drop(int id)
    {
        foreach (var entry in _terms.Values) entry.List?.Remove(id);
    }

    /// <summary>Counts the document's terms per column, adds it to the held lists, returns its token count.</summary>
    private int Add(int id, string titleTerms, string textTerms)
    {
        _touched.Clear();
        var tokens = Count(titleTerms, TitleWeight) + Count(textTerms, 1);
        foreach (var entry in _touched)
        {
            entry.Documents++;
            if (entry.List is { } list)
            {
                if (entry.Scratch > ushort.MaxValue)
                {
                    Postings -= list.Count;
                    entry.List = null;
                    entry.Excluded = true;
                }
                else list.Set(id, (ushort)entry.Scratch);
            }
            entry.Scratch = 0;
        }
        return tokens;
    }

    private int Count(string terms, int weight)
    {
        var tokens = 0;
        var span = terms.AsSpan();
        while (!span.IsEmpty)
        {
            var space = span.IndexOf(' ');
            var token = space < 0 ? span : span[..space];
            span = space < 0 ? [] : span[(space + 1)..];
            if (token.IsEmpty) continue;
            tokens++;
            if (!_lookup.TryGetValue(token, out var entry))
            {
                // A term new to the index: its list starts complete with this document when every term is held.
                entry = new TermEntry { List = Threshold <= 1 ? new TermList(2) : null };
                _lookup[token] = entry;
                _sortedTerms = null;
            }
            if (entry.Scratch == 0) _touched.Add(entry);
            entry.Scratch += weight;
        }
        return tokens;
    }

    /// <summary>
    /// Feeds every live document of <paramref name="list"/> with the term's BM25 contribution there (positive, as
    /// float like the cached FTS5 contributions): <c>idf × f × (k1 + 1) / (f + k1 × (1 − b + b × D / avgdl))</c>.
    /// </summary>
    public void Score<TSink>(TermList list, ref TSink sink) where TSink : struct, IPostingSink
    {
        var idf = Idf(list.Live);
        var visitor = new ScoringVisitor<TSink>(idf, Norms(), ContributionBounds(idf), sink);
        list.ForEach(ref visitor);
        sink = visitor.Sink;
    }

    private struct ScoringVisitor<TSink>(double idf, double[] norms, float[] bounds, TSink sink) : IPostingVisitor where TSink : struct, IPostingSink
    {
        public TSink Sink = sink;

        public void Visit(int id, int frequency)
        {
            if (!Sink.Wants(id)) return;
            if ((uint)id >= (uint)norms.Length) Sink.Add(id, Contribution(idf, frequency, K1 * (1 - B)));
            // A document whose best possible contribution cannot enter the results is only counted: no division.
            else if (bounds[Math.Min(frequency, MaxBoundedFrequency)] < Sink.Threshold) Sink.Count(id);
            else Sink.Add(id, Contribution(idf, frequency, norms[id]));
        }
    }

    /// <summary>
    /// The best documents of a broad list whose matches the query has already taken (from <see cref="TermList.Bits"/>):
    /// the postings are read from the highest frequencies down, in passes over the list's weight bytes (32 and more, then
    /// 16 to 31, …, or, once the page is full, every frequency whose bound can still reach it), and the reading ends as
    /// soon as no posting left can enter the page. The page is the one <see cref="Score{TSink}"/> would give: a posting
    /// not read has a contribution below the page's threshold. Every rowid of the list must have a norm (<see cref="HasNorm"/>).
    /// </summary>
    public void ScoreBest<TSink>(TermList list, ref TSink sink) where TSink : struct, IRankingSink
    {
        var idf = Idf(list.Live);
        var bounds = ContributionBounds(idf);
        var visitor = new BestVisitor<TSink>(idf, _norms, bounds, sink);
        var maximum = TermList.MaxWeightByte;
        var minimum = 32;
        while (true)
        {
            list.ForEachWeightBetween(minimum, maximum, ref visitor);
            if (minimum <= 1) break;
            var full = visitor.Sink.Full;
            var threshold = visitor.Sink.Threshold;
            if (full && bounds[minimum - 1] < threshold) break;
            maximum = minimum - 1;
            if (!full) minimum /= 2;
            else
            {
                // The lowest frequency whose bound reaches the page (bounds grow with the frequency).
                minimum = 1;
                while (bounds[minimum] < threshold) minimum++;
            }
        }
        sink = visitor.Sink;
    }

    private struct BestVisitor<TSink>(double idf, double[] norms, float[] bounds, TSink sink) : IPostingVisitor where TSink : struct, IRankingSink
    {
        public TSink Sink = sink;

        public void Visit(int id, int frequency)
        {
            if (!Sink.Wants(id) || bounds[Math.Min(frequency, MaxBoundedFrequency)] < Sink.Threshold) return;
            Sink.Add(id, Contribution(idf, frequency, norms[id]));
        }
    }

    /// <summary>Frequencies from this one on share their bound (the contribution's limit as the frequency grows).</summary>
    public const int MaxBoundedFrequency = 255;

    /// <summary>
    /// For each frequency up to <see cref="MaxBoundedFrequency"/>, a float at least the contribution of that frequency in
    /// any document of the index (whose norm is at least <see cref="_minimumNorm"/>; the last entry is the limit for any
    /// larger frequency). Rounding to float is monotonic, so a sum of bounds is at least the sum of the contributions.
    /// </summary>
    public float[] ContributionBounds(double idf)
    {
        var bounds = new float[MaxBoundedFrequency + 1];
        for (var frequency = 1; frequency < MaxBoundedFrequency; frequency++) bounds[frequency] = Contribution(idf, frequency, _minimumNorm);
        bounds[MaxBoundedFrequency] = Math.Max((float)(idf * (K1 + 1.0)), float.Epsilon);
        return bounds;
    }

    /// <summary>Whether a document's norm is known (a contribution bound holds for it).</summary>
    public bool HasNorm(int id) => (uint)id < (uint)_norms.Length;

    /// <summary>The IDF of a held term, as <see cref="Score{TSink}"/> uses it.</summary>
    public double Idf(TermList list) => Idf(list.Live);

    /// <summary>A held term's contribution in document <paramref name="id"/>: the same float as <see cref="Score{TSink}"/> gives.</summary>
    public float Contribution(double idf, int id, float frequency)
    {
        var norms = _norms;
        return Contribution(idf, frequency, (uint)id < (uint)norms.Length ? norms[id] : K1 * (1 - B));
    }

    /// <summary>
    /// Per rowid, <c>k1 × (1 − b + b × D / avgdl)</c>: the document-length part of the BM25 denominator, computed once per
    /// write rather than once per posting (the same double arithmetic, so the same scores). Rewritten in place under the
    /// index's write lock (searches hold its read lock while they score), reallocated only when the rowids outgrow it:
    /// a new array per batch would be large-object garbage (800 KB for 100,000 documents) at every batch of a bulk load.
    /// </summary>
    private double[] _norms = [];

    /// <summary>The smallest norm of a document with a token (a document holding a term has one).</summary>
    private double _minimumNorm = K1 * (1 - B);

    private double[] Norms() => _norms;

    private void ComputeNorms()
    {
        var lengths = _lengths;
        var averageLength = Tokens / (double)Rows;
        if (_norms.Length != lengths.Length) _norms = new double[lengths.Length];
        var norms = _norms;
        var minimum = double.MaxValue;
        for (var id = 0; id < lengths.Length; id++)
        {
            norms[id] = K1 * (1 - B + B * lengths[id] / averageLength);
            if (lengths[id] > 0 && norms[id] < minimum) minimum = norms[id];
        }
        _minimumNorm = minimum == double.MaxValue ? K1 * (1 - B) : minimum;
    }

    /// <summary>
    /// A prefix phrase's postings (<c>"numer"*</c>) as FTS5 scores it: one phrase whose frequency in a document sums the
    /// weighted occurrences of every term with the prefix, its IDF (<paramref name="idf"/>) counting the documents holding
    /// any of them. Held terms come from memory, the others (rare) from FTS5's vocabulary. The rowids and frequencies (as
    /// floats: a contribution is computed from one with <see cref="Contribution(double, int, float)"/> where needed) are
    /// written into arrays rented from the shared pool (the caller returns them): a broad prefix matches most documents,
    /// and arrays of that size allocated per query would be large-object garbage; their count is returned.
    /// </summary>
    public int Prefix(string prefix, ReadConnection reader, long capacity, out int[] resultIds, out float[] resultFrequencies, out double idf)
    {
        var size = (int)Math.Max(1, capacity);
        var frequencies = System.Buffers.ArrayPool<int>.Shared.Rent(size);
        try
        {
            Array.Clear(frequencies, 0, size);
            int low = int.MaxValue, high = -1;
            foreach (var term in TermsWithPrefix(prefix))
            {
                if (Get(term) is { } list)
                {
                    var summing = new SummingVisitor(frequencies);
                    list.ForEach(ref summing);
                    if (summing.High >= 0)
                    {
                        low = Math.Min(low, summing.Low);
                        high = Math.Max(high, summing.High);
                    }
                }
                else
                {
                    reader.Instances(term, (id, title) =>
                    {
                        if (id >= size) return;
                        frequencies[id] += title ? TitleWeight : 1;
                        low = Math.Min(low, (int)id);
                        high = Math.Max(high, (int)id);
                    });
                }
            }
            // One pass over the range into arrays of its size (the hits are at most that many).
            low = Math.Max(low, 0);
            var range = Math.Max(1, high - low + 1);
            resultIds = System.Buffers.ArrayPool<int>.Shared.Rent(range);
            resultFrequencies = System.Buffers.ArrayPool<float>.Shared.Rent(range);
            var hits = 0;
            for (var id = low; id <= high; id++)
            {
                var frequency = frequencies[id];
                if (frequency == 0) continue;
                resultIds[hits] = id;
                resultFrequencies[hits++] = frequency;
            }
            idf = Idf(hits);
            return hits;
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(frequencies);
        }
    }

    /// <summary>Adds each posting's frequency into a per-rowid array, noting the lowest and highest rowid seen.</summary>
    private struct SummingVisitor(int[] frequencies) : IPostingVisitor
    {
        public int Low = int.MaxValue;
        public int High = -1;

        public void Visit(int id, int frequency)
        {
            if ((uint)id >= (uint)frequencies.Length) return;
            frequencies[id] += frequency;
            if (id < Low) Low = id;
            if (id > High) High = id;
        }
    }

    private string[]? _sortedTerms;
    private readonly Lock _sortedTermsLock = new();

    /// <summary>
    /// The terms starting with <paramref name="prefix"/>, from the terms sorted once (again after a write brought new
    /// terms): FTS5's vocabulary table would read every matching term's whole document list to count it.
    /// </summary>
    public List<string> TermsWithPrefix(string prefix)
    {
        var sorted = _sortedTerms;
        if (sorted is null)
        {
            lock (_sortedTermsLock)
            {
                sorted = _sortedTerms;
                if (sorted is null)
                {
                    sorted = [.. _terms.Keys];
                    Array.Sort(sorted, StringComparer.Ordinal);
                    _sortedTerms = sorted;
                }
            }
        }
        var at = Array.BinarySearch(sorted, prefix, StringComparer.Ordinal);
        if (at < 0) at = ~at;
        var terms = new List<string>();
        for (; at < sorted.Length && sorted[at].StartsWith(prefix, StringComparison.Ordinal); at++) terms.Add(sorted[at]);
        return terms;
    }

    /// <summary>The IDF of a phrase found in <paramref name="hits"/> documents (FTS5's: never below 1e-6).</summary>
    public double Idf(int hits)
    {
        var idf = Math.Log((Rows - hits + 0.5) / (hits + 0.5));
        return idf <= 0.0 ? 1e-6 : idf;
    }

    private static float Contribution(double idf, double frequency, double length, double averageLength)
        => Contribution(idf, frequency, K1 * (1 - B + B * length / averageLength));

    private static float Contribution(double idf, double frequency, double norm)
        => Math.Max((float)(idf * (frequency * (K1 + 1.0) / (frequency + norm))), float.Epsilon);

    private sealed class TermEntry
    {
        /// <summary>Documents holding the term: exact while the list is held, an upper bound otherwise (replacements count twice).</summary>
        public int Documents;
        public TermList? List;
        public bool Excluded;
        public int Scratch;
    }
}

/// <summary>Receives a term's scored postings.</summary>
internal interface IPostingSink
{
    /// <summary>False when the document cannot be a result (out of the search's scope): its score is not computed.</summary>
    bool Wants(int id);

    /// <summary>A contribution below this cannot enter the results (the document is then only counted).</summary>
    float Threshold { get; }

    void Add(int id, float score);

    /// <summary>Counts a wanted document whose score cannot enter the results.</summary>
    void Count(int id);
}

/// <summary>Receives the best of a term's postings whose matches are already counted (<see cref="TermPostings.ScoreBest{TSink}"/>).</summary>
internal interface IRankingSink
{
    /// <summary>Whether the document is a match (in the search's scope).</summary>
    bool Wants(int id);

    /// <summary>A contribution below this cannot enter the page.</summary>
    float Threshold { get; }

    /// <summary>Whether the page is full (then <see cref="Threshold"/> is its worst score).</summary>
    bool Full { get; }

    void Add(int id, float score);
}

/// <summary>
/// One term's postings: ascending rowids and weighted frequencies (0 = removed, skipped until compacted), 3 bytes a
/// posting: a rowid is kept as its low 16 bits, under a segment giving the high bits of a run of postings (a list of
/// 100,000 documents has two segments), and a frequency as a byte (a larger one, rare, in a side table). The postings
/// are stored in chunks of <see cref="ChunkSize"/> (8 KB of rowid parts, 4 KB of frequencies), each grown by a quarter
/// up to that size, never one array of the list's size: a list growing during a bulk load leaves only small garbage
/// behind, none on the large object heap (objects of 85 KB or more, collected only with the oldest generation, which
/// made the process's peak).
/// </summary>
internal sealed class TermList
{
    /// <summary>A frequency byte meaning "in <see cref="_large"/>".</summary>
    private const byte Large = byte.MaxValue;

    public const int ChunkShift = 12;

    /// <summary>Postings a chunk holds (every chunk but the last is full).</summary>
    public const int ChunkSize = 1 << ChunkShift;

    private const int ChunkMask = ChunkSize - 1;

    // Chunk c holds the postings of indexes [c × ChunkSize, (c + 1) × ChunkSize); unused chunks are null.
    private ushort[]?[] _lows;
    private byte[]?[] _weights;
    // Pairs (high bits, first index) in ascending order; the first pair's index is always 0.
    private int[] _segments = [];
    private Dictionary<int, ushort>? _large;
    // A broad list's documents, a bit per rowid (see KeepBits); null for the others.
    private ulong[]? _bits;

    public int Count;

    /// <summary>Documents holding the term (FTS5's nHit for it).</summary>
    public int Live;

    /// <summary>A list with room for <paramref name="capacity"/> postings (chunks allocated at their final size when the size is known).</summary>
    public TermList(int capacity)
    {
        capacity = Math.Max(1, capacity);
        var chunks = (capacity + ChunkMask) >> ChunkShift;
        _lows = new ushort[]?[chunks];
        _weights = new byte[]?[chunks];
        for (var c = 0; c < chunks; c++)
        {
            var size = Math.Min(ChunkSize, capacity - (c << ChunkShift));
            _lows[c] = new ushort[size];
            _weights[c] = new byte[size];
        }
    }

    private int Segments => _segments.Length / 2;

    /// <summary>
    /// The documents holding the term, bit <c>id % 64</c> of word <c>id / 64</c> (words past the array's end are empty),
    /// when <see cref="KeepBits"/> asked for them: a search for this one word takes its matches in scope by ANDing
    /// bitmaps instead of reading every posting.
    /// </summary>
    public ulong[]? Bits => _bits;

    /// <summary>Keeps <see cref="Bits"/> (built from the postings, then kept in step with every change) or drops it.</summary>
    public void KeepBits(bool keep)
    {
        if (!keep)
        {
            _bits = null;
            return;
        }
        if (_bits is not null) return;
        _bits = new ulong[Math.Max(0, LastId >> 6) + 1];
        var setter = new BitSetter(_bits);
        ForEach(ref setter);
    }

    private readonly struct BitSetter(ulong[] bits) : IPostingVisitor
    {
        public void Visit(int id, int frequency) => bits[id >> 6] |= 1UL << id;
    }

    private void SetBit(int id)
    {
        if (_bits is null) return;
        if (id >> 6 >= _bits.Length) Array.Resize(ref _bits, Math.Max(_bits.Length * 2, (id >> 6) + 1));
        _bits[id >> 6] |= 1UL << id;
    }

    private void ClearBit(int id)
    {
        if (_bits is not null && id >> 6 < _bits.Length) _bits[id >> 6] &= ~(1UL << id);
    }

    /// <summary>
    /// Calls <paramref name="visitor"/> with every live posting whose weight byte is in [<paramref name="minimum"/>,
    /// <paramref name="maximum"/>] (a frequency of <see cref="MaxWeightByte"/> or more has the byte <see cref="MaxWeightByte"/>),
    /// rowids ascending: the weight bytes are compared 32 at a time, so a pass that finds a few hundred postings among
    /// ninety thousand costs a few microseconds.
    /// </summary>
    public void ForEachWeightBetween<TVisitor>(int minimum, int maximum, ref TVisitor visitor) where TVisitor : struct, IPostingVisitor
    {
        minimum = Math.Max(1, minimum);
        if (minimum > maximum) return;
        var low = Vector256.Create((byte)minimum);
        var highByte = Vector256.Create((byte)Math.Min(maximum, MaxWeightByte));
        for (var i = 0; i < Count;)
        {
            Run(i, out var lows, out var weights, out var start, out var end, out var high);
            var j = i - start;
            var to = end - start;
            for (; j + 32 <= to; j += 32)
            {
                var bytes = Vector256.Create(weights.AsSpan(j, 32));
                var mask = (Vector256.GreaterThanOrEqual(bytes, low) & Vector256.LessThanOrEqual(bytes, highByte)).ExtractMostSignificantBits();
                while (mask != 0)
                {
                    var at = j + System.Numerics.BitOperations.TrailingZeroCount(mask);
                    mask &= mask - 1;
                    var id = high | lows[at];
                    visitor.Visit(id, weights[at] == Large ? _large![id] : weights[at]);
                }
            }
            for (; j < to; j++)
            {
                var weight = weights[j];
                if (weight < minimum || weight > maximum) continue;
                var id = high | lows[j];
                visitor.Visit(id, weight == Large ? _large![id] : weight);
            }
            if (end <= i) break;
            i = end;
        }
    }

    /// <summary>The largest weight byte: the frequencies from this one on (kept aside) share it.</summary>
    public const int MaxWeightByte = Large;

    private int SegmentEnd(int k) => k + 1 < Segments ? _segments[2 * k + 3] : Count;

    private ushort LowAt(int index) => _lows[index >> ChunkShift]![index & ChunkMask];

    private byte WeightAt(int index) => _weights[index >> ChunkShift]![index & ChunkMask];

    private void SetLow(int index, ushort low) => _lows[index >> ChunkShift]![index & ChunkMask] = low;

    private void SetWeightByte(int index, byte weight) => _weights[index >> ChunkShift]![index & ChunkMask] = weight;

    public int LastId => Count == 0 ? -1 : _segments[^2] << 16 | LowAt(Count - 1);

    public int FirstId => Count == 0 ? -1 : _segments[0] << 16 | LowAt(0);

    /// <summary>Bytes held (for memory figures).</summary>
    public long Bytes
    {
        get
        {
            long bytes = _segments.Length * 4L + (_large?.Count ?? 0) * 24L + 80 + _lows.Length * 16L;
            foreach (var chunk in _lows) bytes += (chunk?.Length ?? 0) * 3L + 48;
            return bytes;
        }
    }

    /// <summary>Calls <paramref name="visitor"/> with every live posting, rowids ascending.</summary>
    public void ForEach<TVisitor>(ref TVisitor visitor) where TVisitor : struct, IPostingVisitor
    {
        for (var i = 0; i < Count;)
        {
            // One run (a chunk's part of a segment): a tight loop over two arrays.
            Run(i, out var lows, out var weights, out var start, out var end, out var high);
            for (var j = i - start; j < end - start; j++)
            {
                var weight = weights[j];
                if (weight == 0) continue;
                var id = high | lows[j];
                visitor.Visit(id, weight == Large ? _large![id] : weight);
            }
            if (end <= i) break;
            i = end;
        }
    }

    /// <summary>The rowid of the posting at <paramref name="index"/> (below <see cref="Count"/>).</summary>
    public int IdAt(int index) => _segments[2 * SegmentOf(index)] << 16 | _lows[index >> ChunkShift]![index & ChunkMask];

    /// <summary>The segment holding the posting at <paramref name="index"/> (the last whose first index is at most it).</summary>
    private int SegmentOf(int index)
    {
        var k = Segments - 1;
        while (_segments[2 * k + 1] > index) k--;
        return k;
    }

    /// <summary>
    /// The run of postings holding <paramref name="index"/> (below <see cref="Count"/>) that share one chunk and one
    /// segment: its low parts and weights (indexed from <paramref name="start"/>), its end and its rowids' high bits. A
    /// cursor steps through a run with two array reads a posting.
    /// </summary>
    public void Run(int index, out ushort[] lows, out byte[] weights, out int start, out int end, out int high)
    {
        var segment = SegmentOf(index);
        high = _segments[2 * segment] << 16;
        var chunk = index >> ChunkShift;
        start = chunk << ChunkShift;
        lows = _lows[chunk]!;
        weights = _weights[chunk]!;
        end = Math.Min(start + lows.Length, SegmentEnd(segment));
    }

    /// <summary>The frequency of <paramref name="id"/> when its weight byte says it is kept aside (<see cref="IsLarge"/>).</summary>
    public ushort LargeFrequency(int id) => _large![id];

    public static bool IsLarge(byte weight) => weight == Large;

    /// <summary>
    /// The first index at or after <paramref name="from"/> whose rowid is at least <paramref name="id"/> (<see cref="Count"/>
    /// when none): a galloping search, so that a cursor stepping through a broad list to a rare list's rowids reads a few
    /// postings per step, not all the ones in between.
    /// </summary>
    public int Seek(int from, int id)
    {
        if (from >= Count || IdAt(from) >= id) return from;
        // IdAt(low) < id throughout; the answer is in (low, high].
        var low = from;
        var step = 1;
        var high = from + 1;
        while (high < Count && IdAt(high) < id)
        {
            low = high;
            step <<= 1;
            high = low + step;
        }
        if (high > Count) high = Count;
        while (high - low > 1)
        {
            var middle = low + ((high - low) >> 1);
            if (IdAt(middle) < id) low = middle;
            else high = middle;
        }
        return high;
    }

    /// <summary>Makes room for the posting of index <see cref="Count"/>: its chunk allocated or grown by a quarter (up to <see cref="ChunkSize"/>).</summary>
    private void EnsureRoom()
    {
        var chunk = Count >> ChunkShift;
        var offset = Count & ChunkMask;
        if (chunk == _lows.Length)
        {
            Array.Resize(ref _lows, Math.Max(chunk + 1, chunk * 2));
            Array.Resize(ref _weights, _lows.Length);
        }
        var lows = _lows[chunk];
        if (lows is null)
        {
            // A list's first chunk starts small (most terms are in a handful of documents); later ones at an eighth.
            var size = chunk == 0 ? 4 : ChunkSize / 8;
            _lows[chunk] = new ushort[size];
            _weights[chunk] = new byte[size];
        }
        else if (offset == lows.Length)
        {
            // A quarter more, not double: during a bulk load every list grows, and the slack is memory held.
            var grown = Math.Min(ChunkSize, Math.Max(4, offset + offset / 4));
            Array.Resize(ref _lows[chunk], grown);
            Array.Resize(ref _weights[chunk], grown);
        }
    }

    public void Append(int id, ushort frequency)
    {
        EnsureRoom();
        var high = id >> 16;
        if (Count == 0 || _segments[^2] != high)
        {
            Array.Resize(ref _segments, _segments.Length + 2);
            _segments[^2] = high;
            _segments[^1] = Count;
        }
        SetLow(Count, (ushort)id);
        SetWeight(Count, id, frequency);
        Count++;
        Live++;
        SetBit(id);
    }

    /// <summary>Adds <paramref name="weight"/> to the last posting's frequency when it is <paramref name="id"/>'s; false past 16 bits.</summary>
    public bool AddToLast(int id, int weight, out bool added)
    {
        added = false;
        if (Count == 0 || LastId != id) return true;
        added = true;
        var sum = FrequencyAt(Count - 1, id) + weight;
        if (sum > ushort.MaxValue) return false;
        SetWeight(Count - 1, id, (ushort)sum);
        return true;
    }

    /// <summary>The frequency of the posting at <paramref name="index"/>, whose rowid is <paramref name="id"/>: 0 when removed.</summary>
    public ushort FrequencyAt(int index, int id) => WeightAt(index) == Large ? _large![id] : WeightAt(index);

    private void SetWeight(int index, int id, ushort frequency)
    {
        if (frequency >= Large)
        {
            SetWeightByte(index, Large);
            (_large ??= [])[id] = frequency;
        }
        else
        {
            SetWeightByte(index, (byte)frequency);
            _large?.Remove(id);
        }
    }

    /// <summary>The index of <paramref name="id"/>, or the bitwise complement of where it would be inserted.</summary>
    private int Find(int id)
    {
        var high = id >> 16;
        var low = (ushort)id;
        var segments = Segments;
        for (var k = 0; k < segments; k++)
        {
            var segmentHigh = _segments[2 * k];
            var start = _segments[2 * k + 1];
            if (segmentHigh > high) return ~start;
            if (segmentHigh < high) continue;
            // Binary search of the segment's low parts across chunks.
            int lo = start, hi = SegmentEnd(k) - 1;
            while (lo <= hi)
            {
                var mid = lo + ((hi - lo) >> 1);
                var value = LowAt(mid);
                if (value == low) return mid;
                if (value < low) lo = mid + 1;
                else hi = mid - 1;
            }
            return ~lo;
        }
        return ~Count;
    }

    /// <summary>Sets the document's frequency (appended when past the last rowid, the usual case).</summary>
    public void Set(int id, ushort frequency)
    {
        if (Count == 0 || LastId < id)
        {
            Append(id, frequency);
            return;
        }
        var at = Find(id);
        if (at >= 0)
        {
            if (WeightAt(at) == 0) Live++;
            SetWeight(at, id, frequency);
            SetBit(id);
            return;
        }
        Insert(~at, id, frequency);
    }

    /// <summary>Inserts a posting before index <paramref name="at"/> (a replaced document gaining the term: rare).</summary>
    private void Insert(int at, int id, ushort frequency)
    {
        EnsureRoom();
        // The later postings move one place up, across chunk boundaries (rare: a linear pass is enough).
        for (var i = Count; i > at; i--)
        {
            SetLow(i, LowAt(i - 1));
            SetWeightByte(i, WeightAt(i - 1));
        }
        var high = id >> 16;
        var segment = -1;
        for (var k = 0; k < Segments; k++)
        {
            if (_segments[2 * k] == high) segment = k;
            else if (_segments[2 * k + 1] >= at && _segments[2 * k] > high) _segments[2 * k + 1]++;
        }
        if (segment < 0)
        {
            // A new run of high bits before the later segments (whose first indexes were shifted above).
            var k = 0;
            while (k < Segments && _segments[2 * k] < high) k++;
            var grown = new int[_segments.Length + 2];
            Array.Copy(_segments, grown, 2 * k);
            grown[2 * k] = high;
            grown[2 * k + 1] = at;
            Array.Copy(_segments, 2 * k, grown, 2 * k + 2, _segments.Length - 2 * k);
            _segments = grown;
        }
        SetLow(at, (ushort)id);
        SetWeight(at, id, frequency);
        Count++;
        Live++;
        SetBit(id);
    }

    public void Remove(int id)
    {
        if (Count == 0 || id > LastId || id < FirstId) return;
        var at = Find(id);
        if (at < 0 || WeightAt(at) == 0) return;
        SetWeightByte(at, 0);
        _large?.Remove(id);
        Live--;
        ClearBit(id);
    }

    /// <summary>Drops the unused capacity of the last chunk (after a bulk read or load).</summary>
    public void Trim()
    {
        var last = Math.Max(0, Count - 1) >> ChunkShift;
        var used = Count == 0 ? 1 : Count - (last << ChunkShift);
        if (_lows[last] is { } lows && lows.Length != used)
        {
            Array.Resize(ref _lows[last], used);
            Array.Resize(ref _weights[last], used);
        }
        for (var c = last + 1; c < _lows.Length; c++)
        {
            _lows[c] = null;
            _weights[c] = null;
        }
    }

    /// <summary>Drops the removed postings.</summary>
    public void Compact()
    {
        var compacted = new TermList(Math.Max(4, Live));
        var copier = new Copier(compacted);
        ForEach(ref copier);
        _lows = compacted._lows;
        _weights = compacted._weights;
        _segments = compacted._segments;
        _large = compacted._large;
        Count = compacted.Count;
        Live = compacted.Live;
    }

    private readonly struct Copier(TermList target) : IPostingVisitor
    {
        public void Visit(int id, int frequency) => target.Append(id, (ushort)frequency);
    }
}

/// <summary>Receives a list's live postings.</summary>
internal interface IPostingVisitor
{
    void Visit(int id, int frequency);
}
