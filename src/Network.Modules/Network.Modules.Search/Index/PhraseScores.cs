using System.Buffers;
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
    /// Reads or computes each phrase's postings (a frequent single term's from <paramref name="terms"/>, the others' from
    /// the cache or FTS5); false when FTS5 refused a phrase.
    /// </summary>
    public static bool Evaluate(MatchExpression match, ReadConnection reader, PhraseCache cache, TermPostings? terms, long capacity, QueryExecution query)
    {
        var distinct = match.Clauses.SelectMany(c => c).Concat(match.ExcludedPhrases).Distinct(StringComparer.Ordinal).ToList();
        var postings = new Dictionary<string, PhrasePostings>(StringComparer.Ordinal);
        var held = new Dictionary<string, TermList>(StringComparer.Ordinal);
        foreach (var phrase in distinct)
        {
            if (terms is not null && SingleTerm(phrase) is { } term && terms.Get(term) is { } list)
            {
                held[phrase] = list;
                continue;
            }
            var found = cache.Get(phrase);
            if (found is null)
            {
                try
                {
                    found = terms is not null && SinglePrefix(phrase) is { } prefix ? terms.Prefix(prefix, reader, capacity) : Read(reader, phrase);
                }
                catch (Microsoft.Data.Sqlite.SqliteException)
                {
                    return false;
                }
                cache.Put(phrase, found);
            }
            postings[phrase] = found;
        }

        // One clause of one phrase and nothing excluded (most queries): its postings are the answer.
        if (match.Clauses.Count == 1 && match.Clauses[0].Count == 1 && match.ExcludedPhrases.Count == 0)
        {
            var phrase = match.Clauses[0][0];
            if (held.TryGetValue(phrase, out var list))
            {
                var sink = new QuerySink(query);
                terms!.Score(list, ref sink);
                return true;
            }
            var only = postings[phrase];
            for (var i = 0; i < only.Ids.Length; i++) query.Add(only.Ids[i], -only.Scores[i]);
            return true;
        }

        // Otherwise: every phrase scattered into a dense array by rowid, the clause with the fewest postings drives.
        var size = (int)Math.Max(capacity, 1);
        var dense = new Dictionary<string, float[]>(StringComparer.Ordinal);
        try
        {
            foreach (var (phrase, list) in postings)
            {
                var array = Rent(dense, phrase, size);
                for (var i = 0; i < list.Ids.Length; i++)
                    if (list.Ids[i] < size) array[list.Ids[i]] = list.Scores[i];
            }
            foreach (var (phrase, list) in held)
            {
                var sink = new DenseSink(Rent(dense, phrase, size));
                terms!.Score(list, ref sink);
            }
            var clauses = match.Clauses.Select(c => c.Select(p => dense[p]).ToArray()).ToArray();
            var scoring = clauses.SelectMany(c => c).ToArray();
            var excluded = match.ExcludedPhrases.Select(p => dense[p]).ToArray();
            long Size(string phrase) => held.TryGetValue(phrase, out var list) ? list.Live : postings[phrase].Ids.Length;
            var driver = match.Clauses.Select((c, i) => (Index: i, Size: c.Sum(Size))).MinBy(c => c.Size).Index;
            var driverPhrases = match.Clauses[driver];
            for (var p = 0; p < driverPhrases.Count; p++)
            {
                var own = clauses[driver][p];
                var (ids, count) = held.TryGetValue(driverPhrases[p], out var list) ? (list.Ids, list.Count) : (postings[driverPhrases[p]].Ids, postings[driverPhrases[p]].Ids.Length);
                for (var i = 0; i < count; i++)
                {
                    var id = ids[i];
                    // Removed from a held list (frequency 0): not a match of this phrase.
                    if (id >= size || own[id] <= 0) continue;
                    // A document holding several of the driver's phrases is taken once, by the first of them.
                    var seen = false;
                    for (var q = 0; q < p && !seen; q++) seen = clauses[driver][q][id] > 0;
                    if (seen || !Matches(id, clauses, excluded)) continue;
                    var score = 0f;
                    foreach (var array in scoring) score += array[id];
                    query.Add(id, -score);
                }
            }
        }
        finally
        {
            foreach (var array in dense.Values) ArrayPool<float>.Shared.Return(array);
        }
        return true;
    }

    private static float[] Rent(Dictionary<string, float[]> dense, string phrase, int size)
    {
        var array = ArrayPool<float>.Shared.Rent(size);
        dense[phrase] = array;
        Array.Clear(array, 0, size);
        return array;
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

    private readonly struct QuerySink(QueryExecution query) : IPostingSink
    {
        public void Add(int id, float score) => query.Add(id, -score);
    }

    private readonly struct DenseSink(float[] array) : IPostingSink
    {
        public void Add(int id, float score)
        {
            if ((uint)id < (uint)array.Length) array[id] = score;
        }
    }

    private static bool Matches(long id, float[][][] clauses, float[][] excluded)
    {
        foreach (var clause in clauses)
        {
            var any = false;
            foreach (var phrase in clause) if (phrase[id] > 0) { any = true; break; }
            if (!any) return false;
        }
        foreach (var phrase in excluded) if (phrase[id] > 0) return false;
        return true;
    }

    private static PhrasePostings Read(ReadConnection reader, string phrase)
    {
        var ids = new List<int>();
        var scores = new List<float>();
        reader.Match(phrase, ranked: true, (id, score) =>
        {
            ids.Add((int)id);
            // bm25() is negative (lower is better); the contribution is kept positive, and never zero for a present phrase.
            scores.Add(Math.Max((float)-score, float.Epsilon));
        });
        return new PhrasePostings([.. ids], [.. scores]);
    }
}
