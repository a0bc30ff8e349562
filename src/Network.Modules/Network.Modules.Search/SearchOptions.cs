namespace Network.Modules.Search;

public sealed class SearchOptions
{
    /// <summary>The index folder; empty means <c>&lt;DataPath&gt;/search</c>.</summary>
    public string IndexFolder { get; set; } = "";

    /// <summary>Documents read from the sources and written to the index per transaction during a rebuild.</summary>
    public int RebuildBatchSize { get; set; } = 500;
}
