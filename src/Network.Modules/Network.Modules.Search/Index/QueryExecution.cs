using System.Numerics;
using Network.Core.Search;

namespace Network.Modules.Search.Index;

/// <summary>
/// One search over the matching rowids FTS5 yields: keeps the documents inside the scope, applies the facet filters,
/// counts facets drill-sideways (a document failing exactly one facet's filter still counts for that facet's values, so
/// each facet shows what choosing another of its values would give) and keeps the best page in a bounded heap.
/// Without facet filters (most searches), each match's facet values are counted from its value mask
/// (<see cref="DocumentTable.FacetMasks"/>) into bit-sliced counters: one 16-bit counter per facet value, kept as 16 words
/// of bits (word i holds bit i of every counter), so that adding a document is a carry ripple over a few words instead
/// of an increment per value read from the document's value list (about ten values, in three arrays).
/// </summary>
internal sealed class QueryExecution
{
    private readonly DocumentTable _table;
    private readonly DocumentInfo[] _docs;
    private readonly uint[] _scopeKeys;
    private readonly long[] _dates;
    private readonly ushort[] _facetSlots;
    private readonly byte[] _facetCounts;
    // The heap's worst score once it is full: a worse document is turned away without building its key.
    private double _worstScore = double.PositiveInfinity;
    private readonly int[] _facetOfValue;
    private readonly SearchRequest _request;
    private readonly int _pageSize;
    private readonly int _skip;
    private readonly int _keep;
    // Per tenant id: the type ids visible (null: tenant out of scope) and whether only shared documents are.
    private readonly bool[]?[] _scopeTypes;
    private readonly bool[] _scopeSharedOnly;
    private readonly bool[] _selected;
    private readonly int _activeFacets;
    private readonly int[] _counts;
    private readonly PriorityQueue<long, (double Score, long Date, long Id)> _best;

    // Mask counting (no facet filter): the documents' masks, their words per document, and the counters' bit planes
    // (Planes words per mask word) holding the counts since the last flush into _counts.
    private readonly bool _masked;
    private readonly ulong[] _masks;
    private readonly int _maskWords;
    private readonly ulong[] _planes = [];
    private int _unflushed;

    // Complement counting (see ExpectMatches): the scope's facet totals, and the lowest rowid not yet passed, from which the
    // documents skipped by the matches are counted.
    private int[]? _scopeTotals;
    private int _nextUnseen;

    /// <summary>Bits of each bit-sliced counter: flushed into <see cref="_counts"/> before they could overflow.</summary>
    private const int Planes = 16;

    private const int MaxUnflushed = (1 << Planes) - 1;

    public bool Ranked { get; }

    public int Total { get; private set; }

    public QueryExecution(DocumentTable table, SearchRequest request, int page, int pageSize)
    {
        _table = table;
        _docs = table.Documents;
        _scopeKeys = table.ScopeKeys;
        _dates = table.Dates;
        _facetSlots = table.FacetSlots;
        _facetCounts = table.FacetCounts;
        _facetOfValue = table.Values.Select(v => v.Facet).ToArray();
        _request = request;
        _pageSize = pageSize;
        Ranked = request.Sort == SearchSort.Relevance;
        Threshold = Ranked ? float.NegativeInfinity : float.PositiveInfinity;
        var skip = (long)(page - 1) * pageSize;
        _skip = (int)Math.Min(skip, int.MaxValue / 2);
        _keep = (int)Math.Min(skip + pageSize, int.MaxValue / 2);
        _best = new PriorityQueue<long, (double, long, long)>(Math.Min(_keep, 1024), WorstFirst.Instance);

        _scopeTypes = new bool[]?[table.Tenants.Count];
        _scopeSharedOnly = new bool[table.Tenants.Count];
        foreach (var scope in request.Scope ?? [])
        {
            var tenant = table.TenantId(scope.Tenant);
            if (tenant < 0) continue;
            var seen = _scopeTypes[tenant] is not null;
            var types = _scopeTypes[tenant] ??= new bool[table.Types.Count];
            foreach (var type in scope.Types ?? new HashSet<string>())
            {
                var id = table.TypeId(type);
                if (id >= 0) types[id] = true;
            }
            // The same tenant listed twice: the wider visibility wins.
            _scopeSharedOnly[tenant] = scope.SharedOnly && (!seen || _scopeSharedOnly[tenant]);
        }

        _selected = new bool[table.Values.Count];
        foreach (var (facet, values) in request.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!DocumentTable.FacetIndex.TryGetValue(facet, out var index) || values is null || values.Count == 0) continue;
            _activeFacets |= 1 << index;
            foreach (var value in values)
            {
                var id = value is null ? -1 : table.ValueId(index, value);
                if (id >= 0) _selected[id] = true;
            }
        }
        _counts = new int[table.Values.Count];
        _masks = table.FacetMasks;
        _maskWords = table.MaskWords;
        _masked = _activeFacets == 0 && _maskWords > 0;
        if (_masked) _planes = new ulong[_maskWords * Planes];
    }

    /// <summary>Whether the rowid is a document of the search's scope (before the facet filters).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    public bool InScope(long id)
    {
        var keys = _scopeKeys;
        if ((ulong)id >= (ulong)keys.Length) return false;
        var scopeKey = keys[id];
        if (scopeKey == 0) return false;
        var tenant = (int)(scopeKey >> 16) & 0x7FFF;
        if (tenant >= _scopeTypes.Length || _scopeTypes[tenant] is not { } types) return false;
        var type = (int)(scopeKey >> 1) & 0x3FFF;
        return type < types.Length && types[type] && ((scopeKey & 1) != 0 || !_scopeSharedOnly[tenant]);
    }

    /// <summary>Takes one matching rowid (and its BM25 score, lower is better).</summary>
    public void Add(long id, double score)
    {
        if (InScope(id)) AddInScope(id, score);
    }

    /// <summary>
    /// Told before the matches arrive, in ascending rowids, about how many there will be (an upper bound): when they are
    /// most of the scope, the facets are counted over the scope's documents that do not match and subtracted from the
    /// scope's totals (computed once per scope and table version): a word in nine documents of ten counts a tenth of them.
    /// Only unfiltered searches, whose counts are plain sums.
    /// </summary>
    public void ExpectMatches(long matches)
    {
        if (!_masked || _scopeTotals is not null || matches <= 0) return;
        var totals = _table.ScopeTotals(ScopeCacheKey(), CountScope);
        var documents = Math.Max(1, _table.Count);
        var inScope = Math.Min(totals.Documents, matches * totals.Documents / documents);
        // Counting a document's mask costs about eight times stepping over a rowid that is not in the scope.
        const long MaskCost = 8;
        var direct = inScope * MaskCost;
        var complement = (totals.Documents - inScope) * MaskCost + (_table.Capacity - inScope);
        if (complement < direct) _scopeTotals = totals.Counts;
    }

    /// <summary>Takes one matching rowid that <see cref="InScope"/> accepted.</summary>
    public void AddInScope(long id, double score)
    {
        if (CountMatch(id)) Offer(id, score);
    }

    /// <summary>
    /// A positive score (a contribution sum) below which a document cannot enter the page: negative infinity until the page
    /// is full; positive infinity for a date sort, which needs no score. Never above the page's worst score.
    /// </summary>
    public float Threshold { get; private set; }

    /// <summary>Takes one matching rowid that <see cref="InScope"/> accepted, whose score is known to be below <see cref="Threshold"/>.</summary>
    public void AddUnscored(long id)
    {
        if (CountMatch(id) && !Ranked) Offer(id, 0);
    }

    /// <summary>Counts a match in the total and the facets; false when a facet filter turns it away.</summary>
    private bool CountMatch(long id)
    {
        if (_scopeTotals is not null)
        {
            if (id < _nextUnseen) throw new InvalidOperationException("Complement counting needs the matches in ascending rowid order.");
            for (var skipped = _nextUnseen; skipped < id; skipped++) if (InScope(skipped)) CountMask(skipped);
            _nextUnseen = (int)id + 1;
            Total++;
            return true;
        }
        if (_masked)
        {
            Total++;
            CountMask(id);
            return true;
        }
        var inline = _facetCounts[id];
        if (inline == DocumentTable.FacetsNotInline) return CountValues(_docs[id].FacetValues);
        var values = _facetSlots.AsSpan((int)id * DocumentTable.FacetStride, inline);
        var failed = 0;
        if (_activeFacets != 0)
        {
            var matched = 0;
            foreach (int value in values)
                if (value < _selected.Length && _selected[value]) matched |= 1 << _facetOfValue[value];
            failed = _activeFacets & ~matched;
        }
        if (failed == 0)
        {
            Total++;
            var counts = _counts;
            foreach (int value in values) if (value < counts.Length) counts[value]++;
            return true;
        }
        if (BitOperations.PopCount((uint)failed) == 1) CountFailedFacet(values, failed);
        return false;
    }

    /// <summary>Adds one to the bit-sliced counter of each of the document's facet values.</summary>
    private void CountMask(long id)
    {
        var planes = _planes;
        var at = (int)id * _maskWords;
        for (var word = 0; word < _maskWords; word++)
        {
            var carry = _masks[at + word];
            // A carry ripple: bit i of every counter flips where a carry arrives, and carries on where it was set.
            for (var plane = word * Planes; carry != 0; plane++)
            {
                var bits = planes[plane];
                planes[plane] = bits ^ carry;
                carry &= bits;
            }
        }
        if (++_unflushed == MaxUnflushed) FlushMasks();
    }

    /// <summary>Adds the bit-sliced counters into <see cref="_counts"/> and clears them.</summary>
    private void FlushMasks()
    {
        var planes = _planes;
        for (var word = 0; word < _maskWords; word++)
        {
            for (var i = 0; i < Planes; i++)
            {
                var bits = planes[word * Planes + i];
                planes[word * Planes + i] = 0;
                while (bits != 0)
                {
                    var value = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (value < _counts.Length) _counts[value] += 1 << i;
                }
            }
        }
        _unflushed = 0;
    }

    /// <summary>A document whose facet values are not inline (many values): the same as <see cref="CountMatch"/> from its entry.</summary>
    private bool CountValues(int[] values)
    {
        var failed = 0;
        if (_activeFacets != 0)
        {
            var matched = 0;
            foreach (var value in values)
                if (value < _selected.Length && _selected[value]) matched |= 1 << _facetOfValue[value];
            failed = _activeFacets & ~matched;
        }
        if (failed == 0)
        {
            Total++;
            foreach (var value in values) if (value < _counts.Length) _counts[value]++;
            return true;
        }
        if (BitOperations.PopCount((uint)failed) == 1)
        {
            var facet = BitOperations.TrailingZeroCount(failed);
            foreach (var value in values)
                if (value < _counts.Length && _facetOfValue[value] == facet) _counts[value]++;
        }
        return false;
    }

    private void CountFailedFacet(ReadOnlySpan<ushort> values, int failed)
    {
        var facet = BitOperations.TrailingZeroCount(failed);
        foreach (int value in values)
            if (value < _counts.Length && _facetOfValue[value] == facet) _counts[value]++;
    }

    /// <summary>Keeps the document if it is among the best <see cref="_keep"/> so far.</summary>
    private void Offer(long id, double score)
    {
        var ranked = Ranked ? score : 0;
        if (ranked > _worstScore) return;
        var key = (ranked, _dates[id], id);
        if (_best.Count < _keep) _best.Enqueue(id, key);
        else if (WorstFirst.Instance.Compare(key, PeekPriority()) > 0) _best.EnqueueDequeue(id, key);
        else return;
        if (_best.Count == _keep)
        {
            _worstScore = PeekPriority().Item1;
            // Scores are floats (negated), so the worst is one exactly; rounded down all the same, never above it.
            var threshold = (float)-_worstScore;
            Threshold = threshold > -_worstScore ? MathF.BitDecrement(threshold) : threshold;
        }
    }

    private (double, long, long) PeekPriority()
    {
        _best.TryPeek(out _, out var priority);
        return priority;
    }

    /// <summary>The requested page, best first: rowid and score.</summary>
    public List<(long Id, double Score)> Page()
    {
        var all = new List<(long Id, (double Score, long Date, long Id) Key)>(_best.Count);
        while (_best.TryDequeue(out var id, out var key)) all.Add((id, key));
        all.Reverse();
        return all.Skip(_skip).Take(_pageSize).Select(e => (e.Id, e.Key.Score)).ToList();
    }

    /// <summary>A key naming the scope (tenants, their visible types, shared only) for its cached totals.</summary>
    private string ScopeCacheKey()
    {
        var key = new System.Text.StringBuilder();
        for (var tenant = 0; tenant < _scopeTypes.Length; tenant++)
        {
            if (_scopeTypes[tenant] is not { } types) continue;
            key.Append(tenant).Append(_scopeSharedOnly[tenant] ? 's' : 'a');
            for (var type = 0; type < types.Length; type++) if (types[type]) key.Append('.').Append(type);
            key.Append(';');
        }
        return key.ToString();
    }

    /// <summary>The facet counts and number of every document of the scope.</summary>
    private DocumentTable.ScopeCounts CountScope()
    {
        var counts = new int[_counts.Length];
        var documents = 0;
        for (var id = 0; id < _scopeKeys.Length; id++)
        {
            if (!InScope(id)) continue;
            documents++;
            for (var word = 0; word < _maskWords; word++)
            {
                var bits = _masks[id * _maskWords + word];
                while (bits != 0)
                {
                    var value = word * 64 + BitOperations.TrailingZeroCount(bits);
                    bits &= bits - 1;
                    if (value < counts.Length) counts[value]++;
                }
            }
        }
        return new DocumentTable.ScopeCounts(documents, counts);
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        if (_scopeTotals is not null)
        {
            // The documents after the last match, then the scope's totals less the documents that did not match.
            for (var skipped = _nextUnseen; skipped < _scopeKeys.Length; skipped++) if (InScope(skipped)) CountMask(skipped);
            _nextUnseen = _scopeKeys.Length;
            FlushMasks();
            for (var i = 0; i < _counts.Length; i++) _counts[i] = (i < _scopeTotals.Length ? _scopeTotals[i] : 0) - _counts[i];
            _scopeTotals = null;
        }
        else if (_masked) FlushMasks();
        var result = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        var lists = SearchFacets.All.Select(_ => new List<FacetCount>()).ToArray();
        var values = _table.Values;
        for (var i = 0; i < _counts.Length; i++)
        {
            if (_counts[i] == 0 && !_selected[i]) continue;
            lists[values[i].Facet].Add(new FacetCount(values[i].Value, values[i].Label, _counts[i], _selected[i]));
        }
        // A selected value the index does not know still shows, with no document, so it can be unselected.
        foreach (var (facet, selected) in _request.Filters ?? new Dictionary<string, IReadOnlyList<string>>())
        {
            if (!DocumentTable.FacetIndex.TryGetValue(facet, out var index) || selected is null) continue;
            foreach (var value in selected.Distinct())
                if (value is not null && _table.ValueId(index, value) < 0) lists[index].Add(new FacetCount(value, value, 0, true));
        }
        for (var f = 0; f < lists.Length; f++)
        {
            lists[f].Sort((a, b) => b.Count != a.Count ? b.Count.CompareTo(a.Count) : string.Compare(a.Label, b.Label, StringComparison.CurrentCulture));
            result[SearchFacets.All[f]] = lists[f];
        }
        return result;
    }

    /// <summary>Orders the heap worst first: higher BM25, then older, then lower rowid.</summary>
    private sealed class WorstFirst : IComparer<(double Score, long Date, long Id)>
    {
        public static readonly WorstFirst Instance = new();

        public int Compare((double Score, long Date, long Id) a, (double Score, long Date, long Id) b)
        {
            if (a.Score != b.Score) return b.Score.CompareTo(a.Score);
            if (a.Date != b.Date) return a.Date.CompareTo(b.Date);
            return a.Id.CompareTo(b.Id);
        }
    }
}
