using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Query;

namespace Network.Modules.Search.Index;

/// <summary>
/// The network search index: one SQLite database with an FTS5 table under <see cref="SearchOptions.IndexFolder"/>.
/// FOUNDATION SKELETON: the engine branch replaces this file.
/// </summary>
public sealed class SearchIndex(IOptions<SearchOptions> options, IOptions<NetworkOptions> network, TextAnalyzer analyzer, SearchQueryParser parser)
    : ISearchIndexWriter, IDisposable
{
    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.IndexFolder)
        ? Path.Combine(network.Value.DataPath, "search")
        : options.Value.IndexFolder;

    public Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<SearchDocumentKey> removals, CancellationToken cancellationToken = default)
        => throw new NotImplementedException();

    public SearchResults Search(SearchRequest request) => throw new NotImplementedException();

    /// <summary>Documents in the index (all tenants).</summary>
    public int Count => throw new NotImplementedException();

    /// <summary>
    /// Starts rebuilding the documents of <paramref name="tenants"/> (null: the whole index) in a staging area while
    /// searches keep reading the current index; changes applied meanwhile are replayed on the new one before it replaces
    /// the current one in <see cref="SearchIndexRebuild.CompleteAsync"/>. One rebuild at a time.
    /// </summary>
    public SearchIndexRebuild BeginRebuild(IReadOnlyCollection<string>? tenants) => throw new NotImplementedException();

    public TextAnalyzer Analyzer => analyzer;

    public SearchQueryParser Parser => parser;

    public void Dispose()
    {
    }
}

/// <summary>A rebuild in progress: documents are added in batches, then the new index replaces the current one.</summary>
public sealed class SearchIndexRebuild : IAsyncDisposable
{
    public Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Replays the changes applied since the rebuild began and swaps the new index in.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken = default) => throw new NotImplementedException();

    /// <summary>Abandons the rebuild (not completed): the current index stays as it is.</summary>
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
