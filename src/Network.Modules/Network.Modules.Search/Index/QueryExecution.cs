using System.Numerics;
using Network.Core.Search;

namespace Network.Modules.Search.Index;

/// <summary>
/// One search over the matching rowids FTS5 yields: keeps the documents inside the scope, applies the facet filters,
/// counts facets drill-sideways (a document failing exactly one facet's filter still counts for that facet's values, so
/// each facet shows what choosing another of its values would give) and keeps the best page in a bounded heap.
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

    // Complement counting (see UseComplement): on, the rowid after the last matching one seen in scope.
    private bool _complement;
    private long _nextUnseen;

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
    /// Counts the facets of a result covering most of a large scope (a broad word or prefix on the hub: 85 to 100% of
    /// the documents) from the scope's counts minus those of its documents that do not match, rather than adding up every
    /// match's facet values: the matches must then come in ascending rowid order, each no more than once (every
    /// evaluation path yields them so). Only without facet filters (a filtered search counts drill-sideways); a no-op
    /// unless <paramref name="expectedMatches"/> (an upper bound) is at least half of a scope of at least a quarter of
    /// the table. The counts are the same either way.
    /// </summary>
    public void UseComplement(long expectedMatches)
    {
        if (_activeFacets != 0 || _complement || Total != 0 || expectedMatches < MinimumComplementMatches) return;
        if (expectedMatches * 4 < _table.Count) return;
        var scope = ScopeCounts();
        if (scope.Total * 4L < _table.Count || expectedMatches * 2 < scope.Total) return;
        Array.Copy(scope.Counts, _counts, Math.Min(scope.Counts.Length, _counts.Length));
        _complement = true;
        _nextUnseen = 0;
    }

    /// <summary>Below this many matches, adding up their facets is cheap anyway.</summary>
    private const int MinimumComplementMatches = 4096;

    /// <summary>This search's scope's documents and facet counts: from the table's cache, else counted once and cached.</summary>
    private ScopeCounts ScopeCounts()
    {
        var signature = new System.Text.StringBuilder();
        for (var tenant = 0; tenant < _scopeTypes.Length; tenant++)
        {
            if (_scopeTypes[tenant] is not { } types) continue;
            signature.Append(tenant).Append(_scopeSharedOnly[tenant] ? 's' : 'a');
            foreach (var visible in types) signature.Append(visible ? '1' : '0');
            signature.Append(';');
        }
        var key = signature.ToString();
        var cache = _table.ScopeCountsCache;
        if (cache.TryGetValue(key, out var cached) && cached.Version == _table.Version && cached.Counts.Length == _counts.Length) return cached;
        var counts = new int[_counts.Length];
        var total = 0;
        for (long id = 0; id < _scopeKeys.Length; id++)
        {
            if (!InScope(id)) continue;
            total++;
            CountFacets(id, counts, 1);
        }
        var computed = new ScopeCounts(_table.Version, total, counts);
        // A few scopes in practice (the hub's, each region's); bounded all the same.
        if (cache.Count >= 256) cache.Clear();
        cache[key] = computed;
        return computed;
    }

    /// <summary>Adds <paramref name="delta"/> to the count of each facet value of the document.</summary>
    private void CountFacets(long id, int[] counts, int delta)
    {
        var inline = _facetCounts[id];
        if (inline == DocumentTable.FacetsNotInline)
        {
            foreach (var value in _docs[id].FacetValues) if (value < counts.Length) counts[value] += delta;
            return;
        }
        foreach (int value in _facetSlots.AsSpan((int)id * DocumentTable.FacetStride, inline)) if (value < counts.Length) counts[value] += delta;
    }

    /// <summary>In complement counting, takes away the facets of the scope's documents from <see cref="_nextUnseen"/> up to <paramref name="end"/> (excluded): none of them matched.</summary>
    private void SubtractUnmatched(long end)
    {
        for (var id = _nextUnseen; id < end; id++)
            if (InScope(id)) CountFacets(id, _counts, -1);
    }

    /// <summary>Takes one matching rowid that <see cref="InScope"/> accepted.</summary>
    public void AddInScope(long id, double score)
    {
        if (_complement)
        {
            if (id < _nextUnseen) throw new InvalidOperationException("Complement counting needs the matches in ascending rowid order.");
            SubtractUnmatched(id);
            _nextUnseen = id + 1;
            Total++;
            Offer(id, score);
            return;
        }
        var inline = _facetCounts[id];
        if (inline == DocumentTable.FacetsNotInline)
        {
            AddCounted(id, score, _docs[id].FacetValues);
            return;
        }
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
            Offer(id, score);
        }
        else if (BitOperations.PopCount((uint)failed) == 1) CountFailedFacet(values, failed);
    }

    /// <summary>A document whose facet values are not inline (many values): the same as <see cref="Add"/> from its entry.</summary>
    private void AddCounted(long id, double score, int[] values)
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
            Offer(id, score);
        }
        else if (BitOperations.PopCount((uint)failed) == 1)
        {
            var facet = BitOperations.TrailingZeroCount(failed);
            foreach (var value in values)
                if (value < _counts.Length && _facetOfValue[value] == facet) _counts[value]++;
        }
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
        if (_best.Count == _keep) _worstScore = PeekPriority().Item1;
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

    public IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets()
    {
        if (_complement)
        {
            SubtractUnmatched(_scopeKeys.Length);
            _nextUnseen = _scopeKeys.Length;
        }
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
