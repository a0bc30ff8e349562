using System.Buffers;
using System.Numerics;
using Network.Modules.Search.Query;

namespace Network.Modules.Search.Index;

/// <summary>
/// The documents holding one FTS5 phrase with the phrase's BM25 contribution in each (ascending rowids).
/// FTS5's <c>bm25()</c> is a sum over the expression's phrases of IDF(phrase) × a term-frequency part that depends only
/// on the phrase and the document (the IDF counts the rows matching the phrase alone), so the score of any
/// AND/OR/NOT expression of phrases is the sum of these single-phrase contributions over the phrases present: exactly
/// what FTS5 computes for the whole expression, without re-reading every matching row's positions for every query.
/// </summary>
internal sealed record PhrasePostings(int[] Ids, float[] Scores)
{
    public long Bytes => Ids.Length * 8L + 64;
}

/// <summary>
/// Recently used phrases' postings, bounded in bytes (least recently used dropped first) and emptied whenever the index
/// changes (BM25's IDF and average length move with every write). Thread-safe.
/// </summary>
internal sealed class PhraseCache(long maxBytes)
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<(string Phrase, PhrasePostings Postings)>> _entries = new(StringComparer.Ordinal);
    private readonly LinkedList<(string Phrase, PhrasePostings Postings)> _recency = new();
    private long _bytes;

    public PhrasePostings? Get(string phrase)
    {
        lock (_lock)
        {
            if (!_entries.TryGetValue(phrase, out var node)) return null;
            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value.Postings;
        }
    }

    public void Put(string phrase, PhrasePostings postings)
    {
        if (postings.Bytes > maxBytes / 4) return;
        lock (_lock)
        {
            if (_entries.ContainsKey(phrase)) return;
            _entries[phrase] = _recency.AddFirst((phrase, postings));
            _bytes += postings.Bytes;
            while (_bytes > maxBytes && _recency.Last is { } last)
            {
                _recency.RemoveLast();
                _entries.Remove(last.Value.Phrase);
                _bytes -= last.Value.Postings.Bytes;
            }
        }
    }

    public void Clear()
    {
        lock (_lock)
        {
            _entries.Clear();
            _recency.Clear();
            _bytes = 0;
        }
    }
}

/// <summary>Evaluates a match expression from its phrases' postings and feeds every matching document, with its score, to the query.</summary>
internal static class PhraseEvaluator
{
    /// <summary>
    /// Reads or computes each phrase's postings (a held single term's from <paramref name="terms"/>, the others' from
    /// the cache or FTS5); false when FTS5 refused a phrase.
    /// </summary>
    public static bool Evaluate(MatchExpression match, ReadConnection reader, PhraseCache cache, TermPostings? terms, long capacity, QueryExecution query)
    {
        // One clause of one held term and nothing excluded (most queries: a word, its English stem often in no document):
        // scored straight into the query.
        if (match.Clauses.Count == 1 && match.ExcludedPhrases.Count == 0 && terms is not null && OnlyPresentTerm(match.Clauses[0], terms) is { } onlyList)
        {
            // A broad word: its matches in scope taken from its bitmap at once, then only its best postings read.
            if (onlyList.Bits is { } bits && terms.HasNorm(onlyList.LastId) && query.TryMatchAll(bits))
            {
                var best = new RankingSink(query);
                terms.ScoreBest(onlyList, ref best);
                return true;
            }
            var sink = new QuerySink(query);
            terms.Score(onlyList, ref sink);
            return true;
        }

        // The arrays of the phrases that are not held terms (prefixes, FTS5's phrases, absent terms); held terms are read
        // in place through cursors.
        var arrays = new Dictionary<string, Scored>(StringComparer.Ordinal);
        try
        {
            foreach (var phrase in match.Clauses.SelectMany(c => c).Concat(match.ExcludedPhrases))
            {
                if (arrays.ContainsKey(phrase)) continue;
                if (terms is not null && SingleTerm(phrase) is { } absent && terms.IsAbsent(absent))
                {
                    arrays[phrase] = new Scored([], [], 0, Pooled: false);
                    continue;
                }
                if (terms is not null && SingleTerm(phrase) is { } term && terms.Get(term) is not null) continue;
                // A prefix is expanded from the held terms each time (a millisecond for the broadest), into pooled arrays:
                // cached, the broad ones took most of the cache (8 bytes a document) and pushed out the FTS5 phrases.
                if (terms is not null && SinglePrefix(phrase) is { } prefix)
                {
                    try
                    {
                        var count = terms.Prefix(prefix, reader, capacity, out var ids, out var frequencies, out var idf);
                        arrays[phrase] = new Scored(ids, frequencies, count, Pooled: true, idf);
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        return false;
                    }
                    continue;
                }
                var found = cache.Get(phrase);
                if (found is null)
                {
                    try
                    {
                        found = Read(reader, phrase, terms);
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        return false;
                    }
                    cache.Put(phrase, found);
                }
                arrays[phrase] = new Scored(found.Ids, found.Scores, found.Ids.Length, Pooled: false);
            }

            // Document at a time: each clause a union of its phrases' cursors, the clauses intersected by stepping the
            // narrowest and seeking the others to its rowid (a broad list is read only around the narrow one's rowids), the
            // excluded phrases sought the same way. Nothing is copied, and a contribution is computed only for a match.
            PhraseCursor Open(string phrase) => arrays.TryGetValue(phrase, out var scored)
                ? new PhraseCursor(scored, terms)
                : new PhraseCursor(terms!.Get(SingleTerm(phrase)!)!, terms);
            // A phrase in no document (often a word's English stem) is left out of its clause: the clause is then often one phrase.
            var clauses = match.Clauses.Select(c => new ClauseCursor([.. c.Select(Open).Where(p => p.Current != PhraseCursor.End)], capacity)).ToArray();
            var excluded = match.ExcludedPhrases.Distinct(StringComparer.Ordinal).Select(Open).ToArray();
            var driver = clauses.MinBy(c => c.MaxMatches)!;
            if (clauses.Length == 1 && clauses[0].Phrases.Length == 1 && excluded.Length == 0)
            {
                // One phrase (a prefix, an FTS5 phrase): read straight through.
                clauses[0].Phrases[0].FeedAll(query);
                return true;
            }
            if (BitmapsPay(clauses, excluded, driver.MaxMatches))
            {
                EvaluateBitmaps(clauses, excluded, capacity, query);
                return true;
            }
            var others = clauses.Where(c => c != driver).OrderBy(c => c.MaxMatches).ToArray();
            var id = driver.Current;
            while (id != PhraseCursor.End)
            {
                var target = id;
                foreach (var other in others)
                {
                    other.SeekTo(id);
                    if (other.Current != id)
                    {
                        target = other.Current;
                        break;
                    }
                }
                if (target != id)
                {
                    driver.SeekTo(target);
                    id = driver.Current;
                    continue;
                }
                var kept = true;
                foreach (var phrase in excluded)
                {
                    phrase.SeekTo(id);
                    if (phrase.Current == id)
                    {
                        kept = false;
                        break;
                    }
                }
                if (kept && query.InScope(id))
                {
                    // A document whose best possible score cannot enter the page is only counted (no division).
                    var bound = 0f;
                    foreach (var clause in clauses) bound += clause.Bound();
                    if (bound < query.Threshold) query.AddUnscored(id);
                    else
                    {
                        // Summed clause by clause in the query's order.
                        var score = 0f;
                        foreach (var clause in clauses) score += clause.Score();
                        query.AddInScope(id, -score);
                    }
                }
                driver.Next();
                id = driver.Current;
            }
        }
        finally
        {
            foreach (var scored in arrays.Values) scored.Return();
        }
        return true;
    }

    /// <summary>
    /// A list scanned from end to end costs about a thirtieth of a seek into it, so the lists of an expression of several
    /// are scanned into bitmaps unless one (an excluded one too) is that much larger than the narrowest clause (a rare word ANDed with a broad
    /// one: seeking reads the broad list only around the rare one's documents).
    /// </summary>
    private static bool BitmapsPay(ClauseCursor[] clauses, PhraseCursor[] excluded, long narrowest)
    {
        const long SeekCost = 32;
        var widest = clauses.SelectMany(c => c.Phrases).Concat(excluded).Max(p => (long?)p.MaxMatches) ?? 0;
        return widest <= SeekCost * Math.Max(1, narrowest);
    }

    /// <summary>
    /// Every phrase's matches scanned into a bitmap over the rowids (and its frequency or contribution into an array by
    /// rowid), the clauses' bitmaps intersected word by word, the excluded ones removed, then the documents left read
    /// in ascending order: two broad words ANDed or ORed cost a pass over each list and one over the result.
    /// </summary>
    private static void EvaluateBitmaps(ClauseCursor[] clauses, PhraseCursor[] excluded, long capacity, QueryExecution query)
    {
        var words = (int)((capacity + 63) >> 6);
        var rented = new List<(ulong[] Bits, float[] Values)>();
        (ulong[] Bits, float[] Values) Scan(PhraseCursor phrase)
        {
            var bits = ArrayPool<ulong>.Shared.Rent(words);
            Array.Clear(bits, 0, words);
            var values = ArrayPool<float>.Shared.Rent(words << 6);
            phrase.ScanInto(bits, values, words);
            rented.Add((bits, values));
            return (bits, values);
        }
        var result = ArrayPool<ulong>.Shared.Rent(words);
        try
        {
            var scanned = clauses.Select(c => c.Phrases.Select(Scan).ToArray()).ToArray();
            // The result: every clause's union, without the excluded phrases' documents.
            for (var w = 0; w < words; w++)
            {
                var word = ulong.MaxValue;
                foreach (var clause in scanned)
                {
                    var union = 0UL;
                    foreach (var (bits, _) in clause) union |= bits[w];
                    word &= union;
                }
                result[w] = word;
            }
            foreach (var phrase in excluded)
            {
                var (bits, _) = Scan(phrase);
                for (var w = 0; w < words; w++) result[w] &= ~bits[w];
            }
            for (var w = 0; w < words; w++)
            {
                var word = result[w];
                while (word != 0)
                {
                    var id = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    if (!query.InScope(id)) continue;
                    // The same sums as the cursors' (clause by clause, each clause's phrases in order): bounds first.
                    var bound = 0f;
                    for (var c = 0; c < clauses.Length; c++) bound += ClauseSum(clauses[c].Phrases, scanned[c], id, bounds: true);
                    if (bound < query.Threshold)
                    {
                        query.AddUnscored(id);
                        continue;
                    }
                    var score = 0f;
                    for (var c = 0; c < clauses.Length; c++) score += ClauseSum(clauses[c].Phrases, scanned[c], id, bounds: false);
                    query.AddInScope(id, -score);
                }
            }
        }
        finally
        {
            ArrayPool<ulong>.Shared.Return(result);
            foreach (var (bits, values) in rented)
            {
                ArrayPool<ulong>.Shared.Return(bits);
                ArrayPool<float>.Shared.Return(values);
            }
        }
    }

    /// <summary>A clause's score (or bound) in a document: its one phrase's, else the sum over the phrases holding it.</summary>
    private static float ClauseSum(PhraseCursor[] phrases, (ulong[] Bits, float[] Values)[] scanned, int id, bool bounds)
    {
        if (phrases.Length == 1) return bounds ? phrases[0].BoundOf(id, scanned[0].Values[id]) : phrases[0].ScoreOf(id, scanned[0].Values[id]);
        var sum = 0f;
        for (var p = 0; p < phrases.Length; p++)
        {
            if ((scanned[p].Bits[id >> 6] & (1UL << id)) == 0) continue;
            var value = scanned[p].Values[id];
            sum += bounds ? phrases[p].BoundOf(id, value) : phrases[p].ScoreOf(id, value);
        }
        return sum;
    }

    /// <summary>The held list of the clause's one single-term phrase that is in some document, when all others are in none.</summary>
    private static TermList? OnlyPresentTerm(IReadOnlyList<string> clause, TermPostings terms)
    {
        TermList? present = null;
        foreach (var phrase in clause)
        {
            if (SingleTerm(phrase) is not { } term) return null;
            if (terms.IsAbsent(term)) continue;
            if (present is not null || terms.Get(term) is not { } list) return null;
            present = list;
        }
        return present;
    }

    /// <summary>
    /// Ascending rowids with their contributions, or with frequencies scored with <see cref="FrequencyIdf"/> (a prefix's,
    /// when it is not NaN); <see cref="Pooled"/> arrays go back to the pool after the search.
    /// </summary>
    private readonly record struct Scored(int[] Ids, float[] Scores, int Count, bool Pooled, double FrequencyIdf = double.NaN)
    {
        public void Return()
        {
            if (!Pooled) return;
            ArrayPool<int>.Shared.Return(Ids);
            ArrayPool<float>.Shared.Return(Scores);
        }
    }

    /// <summary>
    /// One phrase's matches in ascending rowids, read in place: a held term's list or a prefix's frequencies (a
    /// contribution computed from the frequency where asked, the same float as <see cref="TermPostings.Score{TSink}"/>
    /// gives), or a phrase's contributions.
    /// </summary>
    private sealed class PhraseCursor
    {
        public const int End = int.MaxValue;

        private readonly TermList? _list;
        // Set when the values are frequencies (a held list's, a prefix's): contributions computed with _idf.
        private readonly TermPostings? _terms;
        private readonly double _idf;
        private readonly float[] _bounds = [];
        private readonly int[] _ids = [];
        private readonly float[] _scores = [];
        private readonly int _count;
        private int _index;
        private int _frequency;
        // A held list's current run (TermList.Run): postings [_runStart, _runEnd) share these arrays and high bits.
        private ushort[] _lows = [];
        private byte[] _weights = [];
        private int _runStart;
        private int _runEnd;
        private int _high;

        public PhraseCursor(TermList list, TermPostings terms)
        {
            _list = list;
            _terms = terms;
            _idf = terms.Idf(list);
            _bounds = terms.ContributionBounds(_idf);
            _count = list.Count;
            MaxMatches = list.Live;
            MoveTo(0);
        }

        public PhraseCursor(Scored scored, TermPostings? terms)
        {
            _ids = scored.Ids;
            _scores = scored.Scores;
            _count = scored.Count;
            MaxMatches = scored.Count;
            if (!double.IsNaN(scored.FrequencyIdf) && terms is not null)
            {
                _terms = terms;
                _idf = scored.FrequencyIdf;
                _bounds = terms.ContributionBounds(_idf);
            }
            MoveTo(0);
        }

        /// <summary>The current rowid, <see cref="End"/> past the last.</summary>
        public int Current;

        /// <summary>Matches in all (an upper bound).</summary>
        public int MaxMatches { get; }

        public void Next() => MoveTo(_index + 1);

        /// <summary>Moves to the first match at or after <paramref name="id"/>.</summary>
        public void SeekTo(int id)
        {
            if (Current >= id) return;
            if (_list is null)
            {
                MoveTo(Seek(_ids, _count, _index + 1, id));
                return;
            }
            // Most seeks end in the current run (the same chunk and high bits): a galloping search of its low parts.
            var from = _index + 1 - _runStart;
            var end = _runEnd - _runStart;
            var low = id & 0xFFFF;
            if ((id & ~0xFFFF) == _high && from < end && _lows[end - 1] >= low)
            {
                // _lows[below] < low (below may be before the run's part searched), _lows[above] >= low.
                var below = from - 1;
                var above = from;
                var step = 1;
                while (_lows[above] < low)
                {
                    below = above;
                    step <<= 1;
                    above = Math.Min(below + step, end - 1);
                }
                while (above - below > 1)
                {
                    var middle = below + ((above - below) >> 1);
                    if (_lows[middle] < low) below = middle;
                    else above = middle;
                }
                MoveTo(_runStart + above);
                return;
            }
            MoveTo(_list.Seek(_index + 1, id));
        }

        private void MoveTo(int index)
        {
            if (_list is null)
            {
                _index = index;
                Current = index < _count ? _ids[index] : End;
                return;
            }
            // A removed posting (weight 0) is stepped over.
            for (; index < _count; index++)
            {
                if (index >= _runEnd || index < _runStart) _list.Run(index, out _lows, out _weights, out _runStart, out _runEnd, out _high);
                var weight = _weights[index - _runStart];
                if (weight == 0) continue;
                var id = _high | _lows[index - _runStart];
                _index = index;
                _frequency = TermList.IsLarge(weight) ? _list.LargeFrequency(id) : weight;
                Current = id;
                return;
            }
            _index = _count;
            Current = End;
        }

        /// <summary>The phrase's contribution in the current document.</summary>
        public float Score() => ScoreOf(Current, _list is null ? _scores[_index] : _frequency);

        /// <summary>
        /// Sets the bit of every match in <paramref name="bits"/> and writes its value at its rowid in
        /// <paramref name="values"/>: a held term's frequency, else the phrase's contribution (the cursor does not move).
        /// </summary>
        public void ScanInto(ulong[] bits, float[] values, int words)
        {
            if (_list is null)
            {
                for (var i = 0; i < _count; i++)
                {
                    var id = _ids[i];
                    if ((uint)(id >> 6) >= (uint)words) continue;
                    bits[id >> 6] |= 1UL << id;
                    values[id] = _scores[i];
                }
                return;
            }
            var scanner = new BitmapScanner(bits, values, words);
            _list.ForEach(ref scanner);
        }

        /// <summary>Feeds every match from the current one to the query, scoring only those whose bound could enter the page.</summary>
        public void FeedAll(QueryExecution query)
        {
            if (_list is not null)
            {
                for (; Current != End; Next())
                {
                    if (!query.InScope(Current)) continue;
                    if (Bound() < query.Threshold) query.AddUnscored(Current);
                    else query.AddInScope(Current, -Score());
                }
                return;
            }
            for (var i = _index; i < _count; i++)
            {
                var id = _ids[i];
                if (!query.InScope(id)) continue;
                var value = _scores[i];
                if (BoundOf(id, value) < query.Threshold) query.AddUnscored(id);
                else query.AddInScope(id, -ScoreOf(id, value));
            }
            _index = _count;
            Current = End;
        }

        /// <summary>The contribution in document <paramref name="id"/> from the value <see cref="ScanInto"/> wrote for it.</summary>
        public float ScoreOf(int id, float value) => _terms is null ? value : _terms.Contribution(_idf, id, value);

        /// <summary>At least <see cref="ScoreOf"/>, without a division (infinity when no bound holds).</summary>
        public float BoundOf(int id, float value) => _terms is null ? value
            : _terms.HasNorm(id) ? _bounds[Math.Min((int)value, TermPostings.MaxBoundedFrequency)] : float.PositiveInfinity;

        private readonly struct BitmapScanner(ulong[] bits, float[] values, int words) : IPostingVisitor
        {
            public void Visit(int id, int frequency)
            {
                if ((uint)(id >> 6) >= (uint)words) return;
                bits[id >> 6] |= 1UL << id;
                values[id] = frequency;
            }
        }

        /// <summary>At least <see cref="Score"/>, without a division (infinity when no bound holds).</summary>
        public float Bound() => BoundOf(Current, _list is null ? _scores[_index] : _frequency);
    }

    /// <summary>
    /// A clause's matches: the union of its phrases, a document's score the sum of the contributions of the phrases it
    /// holds, in the clause's order (a phrase listed twice counts twice, as FTS5's bm25 sums over the expression's phrases).
    /// </summary>
    private sealed class ClauseCursor
    {
        private readonly PhraseCursor[] _phrases;

        public PhraseCursor[] Phrases => _phrases;
        // The clause's only phrase (most clauses): stepped without the union's loops.
        private readonly PhraseCursor? _single;

        public ClauseCursor(PhraseCursor[] phrases, long capacity)
        {
            _phrases = phrases;
            _single = phrases.Length == 1 ? phrases[0] : null;
            MaxMatches = Math.Min(capacity, phrases.Sum(p => (long)p.MaxMatches));
            Update();
        }

        public int Current { get; private set; }

        /// <summary>Matches in all (an upper bound).</summary>
        public long MaxMatches { get; }

        public void Next()
        {
            if (_single is not null)
            {
                _single.Next();
                Current = _single.Current;
                return;
            }
            var current = Current;
            foreach (var phrase in _phrases) if (phrase.Current == current) phrase.Next();
            Update();
        }

        public void SeekTo(int id)
        {
            if (Current >= id) return;
            if (_single is not null)
            {
                _single.SeekTo(id);
                Current = _single.Current;
                return;
            }
            foreach (var phrase in _phrases) phrase.SeekTo(id);
            Update();
        }

        public float Score()
        {
            if (_single is not null) return _single.Score();
            var score = 0f;
            foreach (var phrase in _phrases) if (phrase.Current == Current) score += phrase.Score();
            return score;
        }

        /// <summary>At least <see cref="Score"/> (the same sum of its phrases' bounds).</summary>
        public float Bound()
        {
            if (_single is not null) return _single.Bound();
            var bound = 0f;
            foreach (var phrase in _phrases) if (phrase.Current == Current) bound += phrase.Bound();
            return bound;
        }

        private void Update()
        {
            var current = PhraseCursor.End;
            foreach (var phrase in _phrases) if (phrase.Current < current) current = phrase.Current;
            Current = current;
        }
    }

    /// <summary>The first position at or after <paramref name="from"/> whose rowid is at least <paramref name="id"/> (galloping search).</summary>
    internal static int Seek(int[] ids, int count, int from, int id)
    {
        if (from >= count || ids[from] >= id) return from;
        // ids[low] < id throughout; the answer is in (low, high].
        var low = from;
        var step = 1;
        var high = from + 1;
        while (high < count && ids[high] < id)
        {
            low = high;
            step <<= 1;
            high = low + step;
        }
        if (high >= count) high = count;
        else if (ids[high] == id) return high;
        var at = Array.BinarySearch(ids, low + 1, high - low - 1, id);
        return at >= 0 ? at : ~at;
    }

    /// <summary>The term of a phrase that is one quoted term (<c>"numer"</c>), else null (several terms, a prefix).</summary>
    internal static string? SingleTerm(string phrase)
    {
        if (phrase.Length < 3 || phrase[0] != '"' || phrase[^1] != '"') return null;
        var inner = phrase.AsSpan(1, phrase.Length - 2);
        return inner.ContainsAny(' ', '"') ? null : inner.ToString();
    }

    /// <summary>The prefix of a phrase that is one quoted term followed by a star (<c>"numer"*</c>), else null.</summary>
    internal static string? SinglePrefix(string phrase)
    {
        if (phrase.Length < 4 || phrase[0] != '"' || phrase[^2] != '"' || phrase[^1] != '*') return null;
        var inner = phrase.AsSpan(1, phrase.Length - 3);
        return inner.ContainsAny(' ', '"') ? null : inner.ToString();
    }

    private readonly struct RankingSink(QueryExecution query) : IRankingSink
    {
        public bool Wants(int id) => query.IsMatched(id);

        public float Threshold => query.Threshold;

        public bool Full => query.Full;

        public void Add(int id, float score) => query.OfferMatched(id, -score);
    }

    private readonly struct QuerySink(QueryExecution query) : IPostingSink
    {
        public bool Wants(int id) => query.InScope(id);

        public float Threshold => query.Threshold;

        public void Add(int id, float score) => query.AddInScope(id, -score);

        public void Count(int id) => query.AddUnscored(id);
    }

    /// <summary>
    /// A phrase's documents and contributions from FTS5: its instances per column through <see cref="PhraseHitsFunction"/>,
    /// scored in C# with the held documents' sizes and the number of documents found (FTS5's bm25 exactly, at less than
    /// half its cost), or through <c>bm25()</c> itself when the function or the held sizes are not there.
    /// </summary>
    private static PhrasePostings Read(ReadConnection reader, string phrase, TermPostings? terms)
    {
        var ids = new List<int>();
        var scores = new List<float>();
        if (terms is not null && reader.HasPhraseHits)
        {
            reader.PhraseHits(phrase, (id, title, text) =>
            {
                ids.Add((int)id);
                scores.Add(TermPostings.TitleWeight * title + text);
            });
            var idf = terms.Idf(ids.Count);
            for (var i = 0; i < ids.Count; i++) scores[i] = terms.Contribution(idf, ids[i], scores[i]);
            return new PhrasePostings([.. ids], [.. scores]);
        }
        reader.Match(phrase, ranked: true, (id, score) =>
        {
            ids.Add((int)id);
            // bm25() is negative (lower is better); the contribution is kept positive, and never zero for a present phrase.
            scores.Add(Math.Max((float)-score, float.Epsilon));
        });
        return new PhrasePostings([.. ids], [.. scores]);
    }
}