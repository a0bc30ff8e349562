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
    /// Reads or computes each phrase's postings (a held single term's from <paramref name="terms"/>, the others' from
    /// the cache or FTS5); false when FTS5 refused a phrase.
    /// </summary>
    public static bool Evaluate(MatchExpression match, ReadConnection reader, PhraseCache cache, TermPostings? terms, long capacity, QueryExecution query)
    {
        // One clause of one held term and nothing excluded (most queries: a word, its English stem often in no document):
        // scored straight into the query.
        if (match.Clauses.Count == 1 && match.ExcludedPhrases.Count == 0 && terms is not null && OnlyPresentTerm(match.Clauses[0], terms) is { } onlyList)
        {
            var sink = new QuerySink(query);
            terms.Score(onlyList, ref sink);
            return true;
        }

        var postings = new Dictionary<string, Scored>(StringComparer.Ordinal);
        try
        {
            foreach (var phrase in match.Clauses.SelectMany(c => c).Concat(match.ExcludedPhrases))
            {
                if (postings.ContainsKey(phrase)) continue;
                if (terms is not null && SingleTerm(phrase) is { } absent && terms.IsAbsent(absent))
                {
                    postings[phrase] = new Scored([], [], 0, Pooled: false);
                    continue;
                }
                if (terms is not null && SingleTerm(phrase) is { } term && terms.Get(term) is { } list)
                {
                    // Frequencies now, contributions only where needed: a broad word ANDed with a rare one is mostly skipped.
                    var ids = ArrayPool<int>.Shared.Rent(Math.Max(1, list.Count));
                    var frequencies = ArrayPool<float>.Shared.Rent(Math.Max(1, list.Count));
                    postings[phrase] = new Scored(ids, frequencies, terms.PostingsInto(list, ids, frequencies), Pooled: true, terms.Idf(list), Frequencies: true);
                    continue;
                }
                // A prefix is expanded from the held terms each time (a millisecond for the broadest), into pooled arrays:
                // cached, the broad ones took most of the cache (8 bytes a document) and pushed out the FTS5 phrases.
                if (terms is not null && SinglePrefix(phrase) is { } prefix)
                {
                    try
                    {
                        var count = terms.Prefix(prefix, reader, capacity, out var ids, out var scores);
                        postings[phrase] = new Scored(ids, scores, count, Pooled: true);
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
                        found = Read(reader, phrase);
                    }
                    catch (Microsoft.Data.Sqlite.SqliteException)
                    {
                        return false;
                    }
                    cache.Put(phrase, found);
                }
                postings[phrase] = new Scored(found.Ids, found.Scores, found.Ids.Length, Pooled: false);
            }

            if (match.Clauses.Count == 1 && match.Clauses[0].Count == 1 && match.ExcludedPhrases.Count == 0)
            {
                var single = postings[match.Clauses[0][0]];
                for (var i = 0; i < single.Count; i++) query.Add(single.Ids[i], -single.ScoreAt(i, terms));
                return true;
            }

            // Each clause's documents (the union of its phrases, their contributions summed), then the clauses intersected
            // from the smallest, the excluded phrases skipped: sorted merges over the postings, no per-rowid array.
            var clauses = new List<Scored>(match.Clauses.Count);
            try
            {
                foreach (var clause in match.Clauses) clauses.Add(Union(clause, postings, terms));
                var order = Enumerable.Range(0, clauses.Count).OrderBy(i => clauses[i].Count).ToArray();
                var driver = clauses[order[0]];
                var cursors = new int[clauses.Count];
                var excluded = match.ExcludedPhrases.Distinct(StringComparer.Ordinal).Select(p => postings[p]).ToArray();
                var excludedCursors = new int[excluded.Length];
                for (var i = 0; i < driver.Count; i++)
                {
                    var id = driver.Ids[i];
                    cursors[order[0]] = i;
                    var matches = true;
                    for (var o = 1; o < order.Length && matches; o++)
                    {
                        var other = clauses[order[o]];
                        var at = Seek(other.Ids, other.Count, cursors[order[o]], id);
                        cursors[order[o]] = at;
                        matches = at < other.Count && other.Ids[at] == id;
                    }
                    for (var e = 0; e < excluded.Length && matches; e++)
                    {
                        var at = Seek(excluded[e].Ids, excluded[e].Count, excludedCursors[e], id);
                        excludedCursors[e] = at;
                        matches = !(at < excluded[e].Count && excluded[e].Ids[at] == id);
                    }
                    if (!matches) continue;
                    // Summed clause by clause in the query's order.
                    var score = 0f;
                    for (var c = 0; c < clauses.Count; c++) score += clauses[c].ScoreAt(cursors[c], terms);
                    query.Add(id, -score);
                }
            }
            finally
            {
                foreach (var clause in clauses) clause.Return();
            }
        }
        finally
        {
            foreach (var scored in postings.Values) scored.Return();
        }
        return true;
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
    /// Ascending rowids with their contributions, or with a held term's frequencies (<see cref="Frequencies"/>: the
    /// contribution computed from them and <see cref="Idf"/> where it is used, the same float as computed at once);
    /// <see cref="Pooled"/> arrays go back to the pool after the search.
    /// </summary>
    private readonly record struct Scored(int[] Ids, float[] Scores, int Count, bool Pooled, double Idf = 0, bool Frequencies = false)
    {
        public float ScoreAt(int i, TermPostings? terms) => Frequencies ? terms!.Contribution(Idf, Ids[i], Scores[i]) : Scores[i];

        /// <summary>The contributions computed in place (the arrays are this search's own).</summary>
        public Scored WithContributions(TermPostings? terms)
        {
            if (!Frequencies) return this;
            for (var i = 0; i < Count; i++) Scores[i] = terms!.Contribution(Idf, Ids[i], Scores[i]);
            return this with { Frequencies = false };
        }

        public void Return()
        {
            if (!Pooled) return;
            ArrayPool<int>.Shared.Return(Ids);
            ArrayPool<float>.Shared.Return(Scores);
        }
    }

    /// <summary>
    /// The documents holding any phrase of the clause, each with the sum of the contributions of the phrases it holds (a
    /// phrase listed twice counts twice, as FTS5's bm25 sums over the expression's phrases).
    /// </summary>
    private static Scored Union(IReadOnlyList<string> clause, Dictionary<string, Scored> postings, TermPostings? terms)
    {
        // One phrase: its postings as they are, not owned (the dictionary returns them).
        if (clause.Count == 1) return postings[clause[0]] with { Pooled = false };
        foreach (var phrase in clause) postings[phrase] = postings[phrase].WithContributions(terms);
        var union = Copy(postings[clause[0]]);
        for (var p = 1; p < clause.Count; p++)
        {
            var next = postings[clause[p]];
            var ids = ArrayPool<int>.Shared.Rent(Math.Max(1, union.Count + next.Count));
            var scores = ArrayPool<float>.Shared.Rent(Math.Max(1, union.Count + next.Count));
            int a = 0, b = 0, n = 0;
            while (a < union.Count || b < next.Count)
            {
                if (b >= next.Count || (a < union.Count && union.Ids[a] < next.Ids[b]))
                {
                    ids[n] = union.Ids[a];
                    scores[n++] = union.Scores[a++];
                }
                else if (a >= union.Count || next.Ids[b] < union.Ids[a])
                {
                    ids[n] = next.Ids[b];
                    scores[n++] = next.Scores[b++];
                }
                else
                {
                    ids[n] = union.Ids[a];
                    scores[n++] = union.Scores[a++] + next.Scores[b++];
                }
            }
            union.Return();
            union = new Scored(ids, scores, n, Pooled: true);
        }
        return union;
    }

    private static Scored Copy(Scored source)
    {
        var ids = ArrayPool<int>.Shared.Rent(Math.Max(1, source.Count));
        var scores = ArrayPool<float>.Shared.Rent(Math.Max(1, source.Count));
        Array.Copy(source.Ids, ids, source.Count);
        Array.Copy(source.Scores, scores, source.Count);
        return new Scored(ids, scores, source.Count, Pooled: true);
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

    private readonly struct QuerySink(QueryExecution query) : IPostingSink
    {
        public bool Wants(int id) => query.InScope(id);

        public void Add(int id, float score) => query.AddInScope(id, -score);
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
