using System.Numerics;
using Network.Core.Search;

namespace Network.Modules.Search.Index;

/// <summary>
/// One search over the matching rowids FTS5 yields: keeps the documents inside the scope, applies the facet filters,
/// counts facets drill-sideways (a document failing exactly one facet's filter still counts for that facet's values, so
/// each facet shows what choosing another of its values would give) and keeps the best page in a bounded heap.
/// Without facet filters (most searches), a match only sets its bit in a bitmap over the rowids; the facets are counted
/// at the end, from the few matches' values, or, for many matches, as the popcount of the bitmap ANDed with each value's
/// documents (<see cref="DocumentTable.ValueBits"/>): a word in nine documents of ten costs a pass over one small bitmap
/// per facet value, not a read of ninety thousand documents' values.
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

    // Unfiltered searches: a bit per matching rowid (rented from the pool, returned by Facets).
    private readonly bool _unfiltered;
    private ulong[] _matched = [];
    private readonly int _words;

    /// <summary>
    /// Matches above which the facets are counted by popcounts: reading a match's values is a cache miss (about as long
    /// as a pass over eighty words of the value bitmaps), as the matches are scattered over the rowids.
    /// </summary>
    private int PopcountAbove => _words * _counts.Length / 80;

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
        _unfiltered = _activeFacets == 0;
        _words = table.BitWords;
        if (_unfiltered)
        {
            _matched = System.Buffers.ArrayPool<ulong>.Shared.Rent(_words);
            Array.Clear(_matched, 0, _words);
        }
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

    /// <summary>
    /// For an unfiltered search ranked by relevance, takes every document of <paramref name="bits"/> (a bit per rowid)
    /// inside the scope as a match at once, counted in the total and the facets: the scope's bitmap is the tenants'
    /// region bits (ANDed with their visible types' and, for shared-only tenants, the shared bits), or the shared bits
    /// alone when every tenant and type is in scope. The page is then filled with <see cref="OfferMatched"/>. False
    /// (nothing taken) for the other searches.
    /// </summary>
    public bool TryMatchAll(ulong[] bits)
    {
        if (!_unfiltered || !Ranked || Total != 0) return false;
        var matched = _matched;
        var words = Math.Min(_words, bits.Length);
        if (EveryTenantAndType(out var sharedOnly))
        {
            if (sharedOnly) And(matched, bits, _table.SharedBits, words);
            else Array.Copy(bits, matched, words);
        }
        else
        {
            for (var tenant = 0; tenant < _scopeTypes.Length; tenant++)
            {
                if (_scopeTypes[tenant] is not { } types) continue;
                var region = _table.ValueBits[_table.TenantValue(tenant)];
                var shared = _scopeSharedOnly[tenant] ? _table.SharedBits : null;
                if (ShowsEveryType(types)) OrAnd(matched, bits, region, shared, null, words);
                else
                    for (var type = 0; type < types.Length; type++)
                        if (types[type]) OrAnd(matched, bits, region, shared, _table.ValueBits[_table.TypeValue(type)], words);
            }
        }
        var total = 0;
        for (var w = 0; w < words; w++) total += BitOperations.PopCount(matched[w]);
        Total = total;
        return true;
    }

    /// <summary>Whether every tenant of the index is in scope with every type, all shared-only or none (the hub's scope, say).</summary>
    private bool EveryTenantAndType(out bool sharedOnly)
    {
        sharedOnly = _scopeSharedOnly.Length > 0 && _scopeSharedOnly[0];
        for (var tenant = 0; tenant < _scopeTypes.Length; tenant++)
        {
            if (_scopeTypes[tenant] is not { } types || _scopeSharedOnly[tenant] != sharedOnly || !ShowsEveryType(types)) return false;
        }
        return true;
    }

    /// <summary>Whether a tenant's visible types (sized to the index's types when the search began) are all of them.</summary>
    private static bool ShowsEveryType(bool[] types) => Array.TrueForAll(types, visible => visible);

    private static void And(ulong[] target, ulong[] a, ulong[] b, int words)
    {
        for (var w = 0; w < words; w++) target[w] = a[w] & b[w];
    }

    private static void OrAnd(ulong[] target, ulong[] a, ulong[] b, ulong[]? c, ulong[]? d, int words)
    {
        for (var w = 0; w < words; w++) target[w] |= a[w] & b[w] & (c is null ? ulong.MaxValue : c[w]) & (d is null ? ulong.MaxValue : d[w]);
    }

    /// <summary>Whether <see cref="TryMatchAll"/> took the rowid as a match.</summary>
    public bool IsMatched(int id) => (uint)(id >> 6) < (uint)_words && (_matched[id >> 6] & (1UL << id)) != 0;

    /// <summary>Whether the page is full (<see cref="Threshold"/> is then its worst score).</summary>
    public bool Full => _best.Count == _keep;

    /// <summary>Offers a match <see cref="TryMatchAll"/> took (already counted) for the page.</summary>
    public void OfferMatched(int id, double score) => Offer(id, score);

    /// <summary>Counts a match in the total and the facets; false when a facet filter turns it away.</summary>
    private bool CountMatch(long id)
    {
        if (_unfiltered)
        {
            Total++;
            _matched[id >> 6] |= 1UL << (int)id;
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

    /// <summary>An unfiltered search's counts: each match's values, or for many matches each value's popcount.</summary>
    private void CountMatched()
    {
        var matched = _matched;
        if (Total <= PopcountAbove)
        {
            for (var w = 0; w < _words; w++)
            {
                var word = matched[w];
                while (word != 0)
                {
                    var id = (w << 6) + BitOperations.TrailingZeroCount(word);
                    word &= word - 1;
                    var inline = _facetCounts[id];
                    if (inline == DocumentTable.FacetsNotInline)
                        foreach (var value in _docs[id].FacetValues) _counts[value]++;
                    else
                        foreach (int value in _facetSlots.AsSpan(id * DocumentTable.FacetStride, inline)) _counts[value]++;
                }
            }
        }
        else
        {
            var valueBits = _table.ValueBits;
            var outOfScope = ValuesOutOfScope();
            for (var v = 0; v < _counts.Length; v++)
            {
                if (outOfScope[v]) continue;
                var bits = valueBits[v];
                var count = 0;
                for (var w = 0; w < _words; w++) count += BitOperations.PopCount(matched[w] & bits[w]);
                _counts[v] = count;
            }
        }
        System.Buffers.ArrayPool<ulong>.Shared.Return(matched);
        _matched = [];
    }

    /// <summary>The region values of the tenants out of scope and the type values no tenant in scope shows: no match holds them.</summary>
    private bool[] ValuesOutOfScope()
    {
        var outOfScope = new bool[_counts.Length];
        var visibleTypes = new bool[_table.Types.Count];
        for (var tenant = 0; tenant < _scopeTypes.Length; tenant++)
        {
            if (_scopeTypes[tenant] is not { } types) outOfScope[_table.TenantValue(tenant)] = true;
            else for (var type = 0; type < visibleTypes.Length && type < types.Length; type++) visibleTypes[type] |= types[type];
        }
        for (var type = 0; type < visibleTypes.Length; type++) if (!visibleTypes[type]) outOfScope[_table.TypeValue(type)] = true;
        return outOfScope;
    }

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        if (_unfiltered && _matched.Length > 0) CountMatched();
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
