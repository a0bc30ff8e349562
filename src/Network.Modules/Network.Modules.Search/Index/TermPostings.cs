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
    private readonly Dictionary<string, TermEntry> _terms = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TermEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private int[] _lengths = new int[1024];
    private readonly List<TermEntry> _touched = [];

    public TermPostings(int minimumDocuments)
    {
        _minimumDocuments = Math.Max(1, minimumDocuments);
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

    /// <summary>Builds the lists from the index file: document frequencies, each document's size, held terms' instances.</summary>
    public static TermPostings Build(IndexFile file, int minimumDocuments)
    {
        var postings = new TermPostings(minimumDocuments);
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
        return postings;
    }

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
            var weight = title ? TitleWeight : 1;
            var last = list.Count - 1;
            if (last >= 0 && list.Ids[last] == id)
            {
                var sum = list.Frequencies[last] + weight;
                if (sum > ushort.MaxValue) _overflow = true;
                else list.Frequencies[last] = (ushort)sum;
            }
            else if (last >= 0 && list.Ids[last] > id) _overflow = true; // never expected: FTS5 yields ascending rowids
            else list.Append((int)id, (ushort)weight);
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

    /// <summary>Reads a term's list from the index (its committed state).</summary>
    private void Load(IndexFile file, string term, TermEntry entry)
    {
        var list = new TermList(Math.Max(16, entry.Documents));
        var overflow = false;
        file.ReadInstances(term, (id, title) =>
        {
            if (overflow) return;
            var weight = title ? TitleWeight : 1;
            var last = list.Count - 1;
            if (last >= 0 && list.Ids[last] == id)
            {
                var sum = list.Frequencies[last] + weight;
                if (sum > ushort.MaxValue) overflow = true;
                else list.Frequencies[last] = (ushort)sum;
            }
            else if (last >= 0 && list.Ids[last] > id) overflow = true; // never expected: FTS5 yields ascending rowids
            else list.Append((int)id, (ushort)weight);
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
        List<(string, TermEntry)>? promote = null;
        foreach (var (term, entry) in _terms)
        {
            if (entry.List is { } list)
            {
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
        foreach (var (term, entry) in promote ?? []) Load(file, term, entry);
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
        var norms = Norms();
        var ids = list.Ids;
        var frequencies = list.Frequencies;
        var count = Math.Min(list.Count, Math.Min(ids.Length, frequencies.Length));
        for (var i = 0; i < count; i++)
        {
            var frequency = (double)frequencies[i];
            if (frequency == 0) continue;
            var id = ids[i];
            sink.Add(id, Contribution(idf, frequency, (uint)id < (uint)norms.Length ? norms[id] : K1 * (1 - B)));
        }
    }

    /// <summary>Writes the live postings of <paramref name="list"/> with their contributions into the arrays; returns how many.</summary>
    public int ScoreInto(TermList list, int[] ids, float[] scores)
    {
        var sink = new ArraySink(ids, scores);
        Score(list, ref sink);
        return sink.Count;
    }

    private struct ArraySink(int[] ids, float[] scores) : IPostingSink
    {
        public int Count;

        public void Add(int id, float score)
        {
            ids[Count] = id;
            scores[Count++] = score;
        }
    }

    /// <summary>
    /// Per rowid, <c>k1 × (1 − b + b × D / avgdl)</c>: the document-length part of the BM25 denominator, computed once per
    /// write rather than once per posting (the same double arithmetic, so the same scores). Replaced, never changed in
    /// place, under the index's write lock.
    /// </summary>
    private double[] _norms = [];

    private double[] Norms() => _norms;

    private void ComputeNorms()
    {
        var lengths = _lengths;
        var averageLength = Tokens / (double)Rows;
        var norms = new double[lengths.Length];
        for (var id = 0; id < lengths.Length; id++) norms[id] = K1 * (1 - B + B * lengths[id] / averageLength);
        _norms = norms;
    }

    /// <summary>
    /// A prefix phrase's postings (<c>"numer"*</c>) as FTS5 scores it: one phrase whose frequency in a document sums the
    /// weighted occurrences of every term with the prefix, its IDF counting the documents holding any of them. Held
    /// terms come from memory, the others (rare) from FTS5's vocabulary.
    /// </summary>
    public PhrasePostings Prefix(string prefix, ReadConnection reader, long capacity)
    {
        var size = (int)Math.Max(1, capacity);
        var frequencies = System.Buffers.ArrayPool<int>.Shared.Rent(size);
        try
        {
            Array.Clear(frequencies, 0, size);
            int low = int.MaxValue, high = -1;
            foreach (var term in reader.TermsWithPrefix(prefix))
            {
                if (Get(term) is { } list)
                {
                    var ids = list.Ids;
                    var weights = list.Frequencies;
                    for (var i = 0; i < list.Count; i++)
                    {
                        var id = ids[i];
                        if (weights[i] == 0 || id >= size) continue;
                        frequencies[id] += weights[i];
                    }
                    if (list.Count > 0)
                    {
                        low = Math.Min(low, ids[0]);
                        high = Math.Max(high, ids[list.Count - 1]);
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
            var hits = 0;
            for (var id = Math.Max(low, 0); id <= high; id++) if (frequencies[id] > 0) hits++;
            var resultIds = new int[hits];
            var scores = new float[hits];
            var idf = Idf(hits);
            var averageLength = Tokens / (double)Rows;
            var at = 0;
            for (var id = Math.Max(low, 0); id <= high; id++)
            {
                if (frequencies[id] == 0) continue;
                resultIds[at] = id;
                scores[at++] = Contribution(idf, frequencies[id], id < _lengths.Length ? _lengths[id] : 0, averageLength);
            }
            return new PhrasePostings(resultIds, scores);
        }
        finally
        {
            System.Buffers.ArrayPool<int>.Shared.Return(frequencies);
        }
    }

    private double Idf(int hits)
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
    void Add(int id, float score);
}

/// <summary>One term's postings: ascending rowids and weighted frequencies (0 = removed, skipped until compacted).</summary>
internal sealed class TermList(int capacity)
{
    public int[] Ids = new int[capacity];
    public ushort[] Frequencies = new ushort[capacity];
    public int Count;

    /// <summary>Documents holding the term (FTS5's nHit for it).</summary>
    public int Live;

    public void Append(int id, ushort frequency)
    {
        if (Count == Ids.Length)
        {
            // A quarter more, not double: during a bulk load every list grows, and the slack is memory held. Most terms
            // are in a handful of documents: their lists start small.
            var capacity = Math.Max(4, Count + Count / 4);
            Array.Resize(ref Ids, capacity);
            Array.Resize(ref Frequencies, capacity);
        }
        Ids[Count] = id;
        Frequencies[Count] = frequency;
        Count++;
        Live++;
    }

    /// <summary>Sets the document's frequency (appended when past the last rowid, the usual case).</summary>
    public void Set(int id, ushort frequency)
    {
        if (Count == 0 || Ids[Count - 1] < id)
        {
            Append(id, frequency);
            return;
        }
        var at = Array.BinarySearch(Ids, 0, Count, id);
        if (at >= 0)
        {
            if (Frequencies[at] == 0) Live++;
            Frequencies[at] = frequency;
            return;
        }
        at = ~at;
        Append(0, 0);
        Live--;
        Array.Copy(Ids, at, Ids, at + 1, Count - 1 - at);
        Array.Copy(Frequencies, at, Frequencies, at + 1, Count - 1 - at);
        Ids[at] = id;
        Frequencies[at] = frequency;
        Live++;
    }

    public void Remove(int id)
    {
        if (Count == 0 || id > Ids[Count - 1] || id < Ids[0]) return;
        var at = Array.BinarySearch(Ids, 0, Count, id);
        if (at < 0 || Frequencies[at] == 0) return;
        Frequencies[at] = 0;
        Live--;
    }

    /// <summary>Drops the unused capacity (after a bulk read).</summary>
    public void Trim()
    {
        if (Ids.Length == Count) return;
        Array.Resize(ref Ids, Math.Max(1, Count));
        Array.Resize(ref Frequencies, Math.Max(1, Count));
    }

    public void Compact()
    {
        var kept = 0;
        for (var i = 0; i < Count; i++)
        {
            if (Frequencies[i] == 0) continue;
            Ids[kept] = Ids[i];
            Frequencies[kept] = Frequencies[i];
            kept++;
        }
        Count = kept;
        Array.Resize(ref Ids, Math.Max(16, kept));
        Array.Resize(ref Frequencies, Math.Max(16, kept));
    }
}
