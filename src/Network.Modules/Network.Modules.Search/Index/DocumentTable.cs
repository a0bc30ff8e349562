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

    public int Count { get; private set; }

    /// <summary>One past the highest rowid the arrays cover.</summary>
    public long Capacity => _docs.Length;

    /// <summary>The per-rowid entries (replaced when they grow: read it once per search, under the index's read lock).</summary>
    public DocumentInfo[] Documents => _docs;

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
        _ids[key] = id;
        var values = new List<int>(2 + document.Facets.Count)
        {
            Value(TypeFacet, document.Type, document.Type),
            Value(RegionFacet, document.Tenant, document.Tenant),
        };
        foreach (var facet in document.Facets)
        {
            if (!FacetIndex.TryGetValue(facet.Facet, out var index) || index is TypeFacet or RegionFacet || string.IsNullOrEmpty(facet.Value)) continue;
            var value = Value(index, facet.Value, string.IsNullOrEmpty(facet.Label) ? facet.Value : facet.Label);
            if (!values.Contains(value)) values.Add(value);
        }
        _docs[id] = new DocumentInfo(true, document.Shared, tenant, type, document.DateUtc.Ticks, [.. values], document.Key);
        _perTenantCount[tenant]++;
        Count++;
    }

    public void Remove(long id)
    {
        if (!IsAlive(id)) return;
        ref var doc = ref _docs[id];
        _ids.Remove(new SearchDocumentKey(_tenants[doc.Tenant], _types[doc.Type], doc.Key));
        _perTenantCount[doc.Tenant]--;
        doc = default;
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
        Array.Resize(ref _docs, (int)Math.Max(_docs.Length * 2L, id + 1024));
    }
}

/// <summary>A document's entry: its tenant and type ids, shared flag, date ticks and facet value ids (type and region included).</summary>
internal readonly record struct DocumentInfo(bool Alive, bool Shared, int Tenant, int Type, long Date, int[] FacetValues, string Key);

/// <summary>A facet value: its facet (index in <see cref="SearchFacets.All"/>), value and latest label.</summary>
internal sealed record FacetValueInfo(int Facet, string Value, string Label);
