using Network.Core.Search;

namespace Network.Modules.Search.Index;

/// <summary>
/// What scope, filters, facet counts and date sorting need of every document, in memory and indexed by the document's
/// rowid, so that a search reads only rowids (and scores) from FTS5 and never touches SQL per matching row. Loaded when
/// an index file opens and kept in step by the writer. Not thread-safe: <see cref="SearchIndex"/> guards it with its
/// reader/writer lock (a rebuild's table has no reader until it is swapped in).
/// </summary>
internal sealed class DocumentTable
{
    /// <summary>Facet index of each name in <see cref="SearchFacets.All"/> (type 0, region 1, …).</summary>
    public static readonly IReadOnlyDictionary<string, int> FacetIndex =
        SearchFacets.All.Select((name, i) => (name, i)).ToDictionary(p => p.name, p => p.i, StringComparer.Ordinal);

    public const int TypeFacet = 0;
    public const int RegionFacet = 1;

    private readonly Dictionary<SearchDocumentKey, long> _ids = new();
    private readonly List<string> _tenants = [];
    private readonly Dictionary<string, int> _tenantIds = new(StringComparer.Ordinal);
    private readonly List<string> _types = [];
    private readonly Dictionary<string, int> _typeIds = new(StringComparer.Ordinal);
    private readonly Dictionary<(int Facet, string Value), int> _valueIds = new();
    private readonly List<FacetValueInfo> _values = [];
    private int[] _perTenantCount = new int[8];

    // Per rowid, in one struct so that a search touches one cache line per matching document.
    private DocumentInfo[] _docs = new DocumentInfo[1024];

    /// <summary>Facet values a document keeps inline in <see cref="FacetSlots"/> (more: read from its entry's array).</summary>
    public const int FacetStride = 8;

    /// <summary>Marks a document whose facet values are not inline (more than <see cref="FacetStride"/>, or a large id).</summary>
    public const byte FacetsNotInline = byte.MaxValue;

    // What a search reads per matching document, in flat arrays indexed by rowid (no object to follow, nothing allocated
    // per document): scope key (0 for no document, else 1 << 31 | tenant << 16 | type << 1 | shared), date, facet values.
    private uint[] _scopeKeys = new uint[1024];
    private long[] _dates = new long[1024];
    private ushort[] _facetSlots = new ushort[1024 * FacetStride];
    private byte[] _facetCounts = new byte[1024];

    public int Count { get; private set; }

    // Per facet value id, a bit per rowid: the documents holding the value (type and region included). A broad search's
    // facet counts are the popcounts of its matches' bits ANDed with these (see QueryExecution.Facets), a few
    // microseconds a value, instead of reading every match's values.
    private readonly List<ulong[]> _valueBits = [];

    // The shared documents, a bit per rowid; and the region and type facet value of each tenant and type id.
    private ulong[] _sharedBits = new ulong[1024 >> 6];
    private readonly List<int> _tenantValues = [];
    private readonly List<int> _typeValues = [];

    /// <summary>One past the highest rowid the arrays cover.</summary>
    public long Capacity => _docs.Length;

    /// <summary>The per-rowid entries (replaced when they grow: read it once per search, under the index's read lock).</summary>
    public DocumentInfo[] Documents => _docs;

    /// <summary>Per rowid: 0 when no document, else <c>1 &lt;&lt; 31 | tenant &lt;&lt; 16 | type &lt;&lt; 1 | shared</c>.</summary>
    public uint[] ScopeKeys => _scopeKeys;

    /// <summary>Per rowid, the document's date ticks.</summary>
    public long[] Dates => _dates;

    /// <summary>Per rowid, <see cref="FacetStride"/> slots of facet value ids (the first <see cref="FacetCounts"/> used).</summary>
    public ushort[] FacetSlots => _facetSlots;

    /// <summary>Per rowid, how many <see cref="FacetSlots"/> hold values, or <see cref="FacetsNotInline"/>.</summary>
    public byte[] FacetCounts => _facetCounts;

    /// <summary>Per facet value id, <see cref="BitWords"/> words: bit <c>id % 64</c> of word <c>id / 64</c> set for each document holding the value.</summary>
    public IReadOnlyList<ulong[]> ValueBits => _valueBits;

    /// <summary>The shared documents (<see cref="BitWords"/> words, as <see cref="ValueBits"/>).</summary>
    public ulong[] SharedBits => _sharedBits;

    /// <summary>The region facet value id of a tenant id.</summary>
    public int TenantValue(int tenant) => _tenantValues[tenant];

    /// <summary>The type facet value id of a type id.</summary>
    public int TypeValue(int type) => _typeValues[type];

    /// <summary>Words of a bitmap over the rowids (<see cref="Capacity"/> is a multiple of 64).</summary>
    public int BitWords => _docs.Length >> 6;

    public IReadOnlyList<FacetValueInfo> Values => _values;

    public IReadOnlyList<string> Tenants => _tenants;

    public IReadOnlyList<string> Types => _types;

    public bool TryGetId(SearchDocumentKey key, out long id) => _ids.TryGetValue(key, out id);

    public bool IsAlive(long id) => id >= 0 && id < _docs.Length && _docs[id].Alive;

    public int TenantId(string tenant) => _tenantIds.TryGetValue(tenant, out var id) ? id : -1;

    public int TypeId(string type) => _typeIds.TryGetValue(type, out var id) ? id : -1;

    public int ValueId(int facet, string value) => _valueIds.TryGetValue((facet, value), out var id) ? id : -1;

    /// <summary>Documents per tenant.</summary>
    public IReadOnlyDictionary<string, int> CountsPerTenant()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < _tenants.Count; i++) if (_perTenantCount[i] > 0) counts[_tenants[i]] = _perTenantCount[i];
        return counts;
    }

    public void Set(long id, SearchDocument document)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(id);
        if (_docs.Length <= id) Grow(id);
        if (_docs[id].Alive) Remove(id);
        var key = document.Id;
        var tenant = Intern(_tenants, _tenantIds, document.Tenant);
        var type = Intern(_types, _typeIds, document.Type);
        if (tenant >= _perTenantCount.Length) Array.Resize(ref _perTenantCount, tenant * 2 + 1);
        // The tenant and type names interned: each document's own copies (one per row read or line parsed) would be
        // kept alive by the key, about 80 bytes a document.
        _ids[new SearchDocumentKey(_tenants[tenant], _types[type], key.Key)] = id;
        var values = new List<int>(2 + document.Facets.Count)
        {
            Value(TypeFacet, document.Type, document.Type),
            Value(RegionFacet, document.Tenant, document.Tenant),
        };
        if (type == _typeValues.Count) _typeValues.Add(values[0]);
        if (tenant == _tenantValues.Count) _tenantValues.Add(values[1]);
        foreach (var facet in document.Facets)
        {
            if (!FacetIndex.TryGetValue(facet.Facet, out var index) || index is TypeFacet or RegionFacet || string.IsNullOrEmpty(facet.Value)) continue;
            var value = Value(index, facet.Value, string.IsNullOrEmpty(facet.Label) ? facet.Value : facet.Label);
            if (!values.Contains(value)) values.Add(value);
        }
        if (tenant > 0x7FFF || type > 0x3FFF) throw new InvalidOperationException("Too many tenants or document types for the search index.");
        var inline = values.Count <= FacetStride && values.TrueForAll(v => v < ushort.MaxValue);
        // Values kept inline are not also kept in an array of the entry's own (about 50 bytes a document).
        _docs[id] = new DocumentInfo(true, document.Shared, tenant, type, document.DateUtc.Ticks, inline ? [] : [.. values], key.Key);
        _scopeKeys[id] = 1u << 31 | (uint)tenant << 16 | (uint)type << 1 | (document.Shared ? 1u : 0u);
        _dates[id] = document.DateUtc.Ticks;
        _facetCounts[id] = inline ? (byte)values.Count : FacetsNotInline;
        if (inline) for (var i = 0; i < values.Count; i++) _facetSlots[id * FacetStride + i] = (ushort)values[i];
        foreach (var value in values) _valueBits[value][id >> 6] |= 1UL << (int)id;
        if (document.Shared) _sharedBits[id >> 6] |= 1UL << (int)id;
        _perTenantCount[tenant]++;
        Count++;
    }

    public void Remove(long id)
    {
        if (!IsAlive(id)) return;
        ref var doc = ref _docs[id];
        _ids.Remove(new SearchDocumentKey(_tenants[doc.Tenant], _types[doc.Type], doc.Key));
        _perTenantCount[doc.Tenant]--;
        if (_facetCounts[id] == FacetsNotInline)
            foreach (var value in doc.FacetValues) _valueBits[value][id >> 6] &= ~(1UL << (int)id);
        else
            foreach (var value in _facetSlots.AsSpan((int)id * FacetStride, _facetCounts[id])) _valueBits[value][id >> 6] &= ~(1UL << (int)id);
        _sharedBits[id >> 6] &= ~(1UL << (int)id);
        doc = default;
        _scopeKeys[id] = 0;
        _facetCounts[id] = 0;
        Count--;
    }

    private int Value(int facet, string value, string label)
    {
        if (_valueIds.TryGetValue((facet, value), out var id))
        {
            if (_values[id].Label != label) _values[id] = _values[id] with { Label = label };
            return id;
        }
        id = _values.Count;
        _values.Add(new FacetValueInfo(facet, value, label));
        _valueBits.Add(new ulong[BitWords]);
        _valueIds[(facet, value)] = id;
        return id;
    }

    private static int Intern(List<string> names, Dictionary<string, int> ids, string name)
    {
        if (ids.TryGetValue(name, out var id)) return id;
        id = names.Count;
        names.Add(name);
        ids[name] = id;
        return id;
    }

    private void Grow(long id)
    {
        if (id >= int.MaxValue - 1024) throw new InvalidOperationException("Search index rowids exhausted.");
        // A multiple of 64, so that a bitmap over the rowids has whole words.
        var length = (int)(Math.Max(_docs.Length * 2L, id + 1024) + 63 & ~63L);
        Array.Resize(ref _docs, length);
        Array.Resize(ref _scopeKeys, length);
        Array.Resize(ref _dates, length);
        Array.Resize(ref _facetSlots, length * FacetStride);
        Array.Resize(ref _facetCounts, length);
        Array.Resize(ref _sharedBits, length >> 6);
        for (var v = 0; v < _valueBits.Count; v++)
        {
            var bits = _valueBits[v];
            Array.Resize(ref bits, length >> 6);
            _valueBits[v] = bits;
        }
    }
}

/// <summary>
/// A document's entry: its tenant and type ids, shared flag, date ticks and facet value ids (type and region included)
/// when they are not inline in <see cref="DocumentTable.FacetSlots"/> (empty otherwise).
/// </summary>
internal readonly record struct DocumentInfo(bool Alive, bool Shared, int Tenant, int Type, long Date, int[] FacetValues, string Key);

/// <summary>A facet value: its facet (index in <see cref="SearchFacets.All"/>), value and latest label.</summary>
internal sealed record FacetValueInfo(int Facet, string Value, string Label);
