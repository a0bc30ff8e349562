using Microsoft.Extensions.Options;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Query;

namespace Network.Modules.Search.Index;

/// <summary>
/// The network search index: <c>&lt;Folder&gt;/index.db</c>, a SQLite database (WAL) holding the documents' original text
/// and a contentless FTS5 table of their pre-analysed terms (title and text columns, BM25 weighing title matches ten
/// times). Scope, facet filters, drill-sideways facet counts and date order are computed from an in-memory
/// <see cref="DocumentTable"/>, so a search asks SQLite only for the matching rowids (with their score) and for the
/// text of the hits shown. One writer at a time; searches run concurrently and never see a half-applied batch's table.
/// </summary>
public sealed class SearchIndex(IOptions<SearchOptions> options, IOptions<NetworkOptions> network, TextAnalyzer analyzer, SearchQueryParser parser)
    : ISearchIndexWriter, IDisposable
{
    public const string FileName = "index.db";
    public const string RebuildFileName = "index.new.db";

    /// <summary>Batches at least this large are analysed on another thread while they are written.</summary>
    private const int ParallelAnalysisThreshold = 32;

    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.SupportsRecursion);
    private readonly SemaphoreSlim _writer = new(1, 1);
    private readonly Lock _openLock = new();
    private readonly Highlighter _highlighter = new(analyzer);
    private readonly SpellingVocabulary _vocabulary = new(analyzer);

    /// <summary>
    /// Postings of recently searched multi-word phrases, which FTS5 evaluates (8 bytes a posting; single terms and
    /// prefixes are answered from <see cref="_terms"/>): 8 MB hold the phrases of many queries (<c>"réalité virtuelle"</c>,
    /// in a third of the documents, takes 280 KB), kept small for the 300 MB the whole process may use.
    /// </summary>
    private readonly PhraseCache _phrases = new(8L << 20);
    private IndexFile? _live;
    private TermPostings? _terms;
    private SearchIndexRebuild? _rebuild;
    private bool _disposed;

    public string Folder { get; } = string.IsNullOrWhiteSpace(options.Value.IndexFolder)
        ? Path.Combine(network.Value.DataPath, "search")
        : options.Value.IndexFolder;

    public TextAnalyzer Analyzer => analyzer;

    /// <summary>
    /// The fewest documents a term must be in for its postings to be held in memory: 1, every term (rare terms cost FTS5
    /// about a millisecond each to read and score; held, a few microseconds).
    /// </summary>
    internal int FrequentTermMinimum { get; init; } = 1;

    /// <summary>The fewest documents of a term whose list keeps a bitmap of them (tests lower it to take that path on small indexes).</summary>
    internal int BroadTermMinimum { get; init; } = TermPostings.DefaultBroadMinimum;

    public SearchQueryParser Parser => parser;

    private string LivePath => Path.Combine(Folder, FileName);

    private string RebuildPath => Path.Combine(Folder, RebuildFileName);

    /// <summary>The current index file, opened on first use (a staging file left by a crashed rebuild is deleted then).</summary>
    private IndexFile Live
    {
        get
        {
            if (_live is { } live) return live;
            lock (_openLock)
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                if (_live is null)
                {
                    Directory.CreateDirectory(Folder);
                    if (_rebuild is null) DeleteFiles(RebuildPath);
                    var opened = IndexFile.Open(LivePath);
                    _terms = TermPostings.Build(opened, FrequentTermMinimum, BroadTermMinimum);
                    _live = opened;
                }
                return _live;
            }
        }
    }

    /// <summary>Documents in the index (all tenants).</summary>
    public int Count
    {
        get
        {
            _ = Live;
            _lock.EnterReadLock();
            try { return _live!.Table.Count; }
            finally { _lock.ExitReadLock(); }
        }
    }

    /// <summary>Figures for the administration page.</summary>
    public SearchIndexStats Stats()
    {
        _ = Live;
        _lock.EnterReadLock();
        try
        {
            var live = _live!;
            return new SearchIndexStats(live.Table.Count, live.Table.CountsPerTenant(), live.FileSize, _rebuild is not null);
        }
        finally { _lock.ExitReadLock(); }
    }

    public async Task ApplyAsync(IReadOnlyList<SearchDocument> upserts, IReadOnlyList<SearchDocumentKey> removals, CancellationToken cancellationToken = default)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            var live = Live;
            var analyzed = new List<AnalyzedDocument>(upserts.Count);
            var changes = live.Write(AnalyzeWhileWriting(upserts, analyzed), removals);
            _lock.EnterWriteLock();
            try
            {
                live.ApplyToTable(changes);
                _terms?.Apply(live, changes, analyzed);
                _phrases.Clear();
            }
            finally { _lock.ExitWriteLock(); }
            _rebuild?.Record(analyzed, removals);
            foreach (var document in upserts) _vocabulary.Add(document.Title, document.Summary);
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Merges the index's segments into one (after a bulk load through <see cref="ApplyAsync"/>): faster queries.</summary>
    public void Optimize()
    {
        _writer.Wait();
        try { Live.Optimize(); }
        finally { _writer.Release(); }
    }

    /// <summary>
    /// The documents analysed on another thread while the caller writes the previous ones (FTS5 insertion is the
    /// slowest step and runs on one core; analysis takes about a third of its time), in order, each also added to
    /// <paramref name="analyzed"/>.
    /// </summary>
    internal IEnumerable<AnalyzedDocument> AnalyzeWhileWriting(IReadOnlyList<SearchDocument> documents, List<AnalyzedDocument> analyzed)
    {
        if (documents.Count < ParallelAnalysisThreshold)
        {
            foreach (var document in documents)
            {
                var result = Analyze(document);
                analyzed.Add(result);
                yield return result;
            }
            yield break;
        }
        using var stop = new CancellationTokenSource();
        using var queue = new System.Collections.Concurrent.BlockingCollection<AnalyzedDocument>(boundedCapacity: 1024);
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var document in documents) queue.Add(Analyze(document), stop.Token);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var result in queue.GetConsumingEnumerable())
            {
                analyzed.Add(result);
                yield return result;
            }
            producer.GetAwaiter().GetResult();
        }
        finally
        {
            // The writer stopped early (an error): release the producer before the queue goes.
            stop.Cancel();
            try { producer.Wait(); } catch (AggregateException) { }
        }
    }

    internal AnalyzedDocument Analyze(SearchDocument document)
    {
        var language = Language(document.Language);
        var text = new System.Text.StringBuilder(((document.Summary?.Length ?? 0) + (document.Body?.Length ?? 0)) / 2);
        analyzer.AppendTerms(document.Summary, language, text);
        analyzer.AppendTerms(document.Body, language, text);
        return new AnalyzedDocument(document, analyzer.Terms(document.Title, language), text.ToString());
    }

    private static string Language(string? language) => language == TextAnalyzer.English ? TextAnalyzer.English : TextAnalyzer.French;

    public SearchResults Search(SearchRequest request)
    {
        SearchTimings.Start();
        var parsed = parser.Parse(request.Text);
        var match = MatchExpression.Build(parsed, analyzer);
        if (match is null) return SearchResults.Empty with { QueryTruncated = parsed.Truncated };
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = Math.Max(1, request.Page);
        SearchTimings.Lap(SearchTimings.Parse);

        _ = Live;
        _lock.EnterReadLock();
        try
        {
            var live = _live!;
            var reader = live.Rent();
            try
            {
                var query = new QueryExecution(live.Table, request, page, pageSize);
                if (!PhraseEvaluator.Evaluate(match, reader, _phrases, _terms, live.Table.Capacity, query))
                {
                    // Defensive: the expression is built from quoted terms only, but should FTS5 still refuse it, the
                    // input is searched as plain words, then given up on (no result rather than an error).
                    query = new QueryExecution(live.Table, request, page, pageSize);
                    match = MatchExpression.Build(parser.Parse(string.Join(' ', analyzer.Words(parsed.Text))), analyzer);
                    if (match is null || !PhraseEvaluator.Evaluate(match, reader, _phrases, _terms, live.Table.Capacity, query))
                        return SearchResults.Empty with { QueryIsEmpty = false, QueryTruncated = parsed.Truncated };
                }
                SearchTimings.Lap(SearchTimings.Match);
                var hits = new List<SearchHit>(pageSize);
                var best = query.Page();
                SearchTimings.Lap(SearchTimings.Page);
                foreach (var (id, score) in best)
                {
                    if (reader.Document(id) is not { } stored) continue;
                    SearchTimings.Lap(SearchTimings.Rows);
                    var language = Language(stored.Language);
                    hits.Add(new SearchHit(stored.Tenant, stored.Type, stored.Key, stored.Path, stored.Title,
                        _highlighter.Title(stored.Title, language, match),
                        _highlighter.Snippet(stored.Summary, stored.Body, language, match),
                        new DateTime(stored.DateTicks, DateTimeKind.Utc), request.Sort == SearchSort.Relevance ? -score : 0,
                        IndexFile.ReadFacets(stored.Facets)));
                    SearchTimings.Lap(SearchTimings.Highlight);
                }
                var suggestion = query.Total == 0 ? Suggest(parsed, reader) : null;
                SearchTimings.Lap(SearchTimings.Suggest);
                var facets = query.Facets();
                SearchTimings.Lap(SearchTimings.Facets);
                return new SearchResults(query.Total, hits, facets, suggestion, false, parsed.Truncated);
            }
            finally
            {
                live.Return(reader);
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <summary>
    /// The query with one word replaced by the closest frequent word of the titles and summaries when that word's terms
    /// are absent from the index (edit distance at most 2 on the folded word); null when no word qualifies.
    /// </summary>
    private string? Suggest(ParsedQuery parsed, ReadConnection reader)
    {
        var words = parsed.Required.SelectMany(c => c.Alternatives).Concat(parsed.Excluded)
            .Where(t => t.Kind != SearchTermKind.Prefix).SelectMany(t => t.Words).Distinct().ToList();
        foreach (var word in words)
        {
            var terms = analyzer.QueryTerms(word);
            if (terms.Count == 0 || terms.Any(t => DocumentsWithTerm(t, reader) > 0)) continue;
            if (!_vocabulary.IsBuilt) _vocabulary.Build(reader.TitlesAndSummaries);
            foreach (var candidate in _vocabulary.Candidates(TextAnalyzer.Fold(word)))
            {
                var candidateTerms = analyzer.QueryTerms(candidate);
                if (candidateTerms.Count == 0 || !candidateTerms.Any(t => DocumentsWithTerm(t, reader) > 0)) continue;
                var at = parsed.Text.IndexOf(word, StringComparison.Ordinal);
                if (at < 0) continue;
                return string.Concat(parsed.Text.AsSpan(0, at), candidate, parsed.Text.AsSpan(at + word.Length));
            }
        }
        return null;
    }

    /// <summary>Documents holding <paramref name="term"/>: from the held postings, else (a term FTS5 keeps) its vocabulary.</summary>
    private long DocumentsWithTerm(string term, ReadConnection reader)
        => _terms?.Get(term) is { } list ? list.Live : reader.DocumentsWithTerm(term);

    /// <summary>
    /// Starts rebuilding the documents of <paramref name="tenants"/> (null: the whole index) in a staging area while
    /// searches keep reading the current index; changes applied meanwhile are replayed on the new one before it replaces
    /// the current one in <see cref="SearchIndexRebuild.CompleteAsync"/>. One rebuild at a time.
    /// </summary>
    public SearchIndexRebuild BeginRebuild(IReadOnlyCollection<string>? tenants)
    {
        _writer.Wait();
        try
        {
            if (_rebuild is not null) throw new InvalidOperationException("A rebuild of the search index is already in progress.");
            var live = Live;
            DeleteFiles(RebuildPath);
            IndexFile staging;
            if (tenants is null)
            {
                staging = IndexFile.OpenStaging(RebuildPath);
            }
            else
            {
                // The other tenants' documents are kept: the staging file starts as a copy without the rebuilt tenants'.
                live.CopyTo(RebuildPath);
                staging = IndexFile.OpenStaging(RebuildPath);
                staging.RemoveTenants(tenants);
            }
            // A whole-index rebuild starts from an empty file: its postings are kept as the batches are written (FTS5's
            // totals are only committed at the end, where they are re-read), rather than read back from FTS5 at the end.
            _rebuild = new SearchIndexRebuild(this, staging, tenants, tenants is null ? TermPostings.Build(staging, FrequentTermMinimum, BroadTermMinimum) : null);
            return _rebuild;
        }
        finally
        {
            _writer.Release();
        }
    }

    /// <summary>Replays the changes recorded during the rebuild on the staging file and swaps it in.</summary>
    internal async Task CompleteRebuildAsync(SearchIndexRebuild rebuild, IndexFile staging, CancellationToken cancellationToken)
    {
        await _writer.WaitAsync(cancellationToken);
        try
        {
            if (_rebuild != rebuild) throw new InvalidOperationException("This rebuild is no longer in progress.");
            foreach (var (upserts, removals) in rebuild.TakeRecorded())
            {
                var changes = staging.Write(upserts, removals);
                staging.ApplyToTable(changes);
                rebuild.Terms?.Apply(staging, changes, upserts);
            }
            staging.Commit();
            staging.Optimize();
            var table = staging.Table;
            // Kept while the batches were written (re-read now that FTS5's totals are committed), or built from the file
            // for a tenant rebuild; either way before the swap, so searches wait only for the rename.
            var terms = rebuild.Terms ?? TermPostings.Build(staging, FrequentTermMinimum, BroadTermMinimum);
            if (rebuild.Terms is not null) terms.Apply(staging, [], []);
            staging.CloseClean();

            // Searches wait for the swap (milliseconds) rather than see a half index or a closed file.
            _lock.EnterWriteLock();
            try
            {
                // _live is never null here: a search arriving now waits on the lock, then reads the new file.
                _live?.Dispose();
                DeleteFiles(LivePath + "-wal", LivePath + "-shm");
                File.Move(RebuildPath, LivePath, overwrite: true);
                _live = IndexFile.Open(LivePath, table);
                _terms = terms;
                _phrases.Clear();
            }
            finally
            {
                _lock.ExitWriteLock();
            }
            _rebuild = null;
            _vocabulary.Reset();
        }
        finally
        {
            _writer.Release();
        }
    }

    internal async Task AbandonRebuildAsync(SearchIndexRebuild rebuild, IndexFile staging)
    {
        await _writer.WaitAsync();
        try
        {
            staging.Dispose();
            if (_rebuild == rebuild)
            {
                _rebuild = null;
                DeleteFiles(RebuildPath);
            }
        }
        finally
        {
            _writer.Release();
        }
    }

    private static void DeleteFiles(params string[] paths)
    {
        foreach (var path in paths)
            foreach (var file in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
                if (File.Exists(file)) File.Delete(file);
    }

    public void Dispose()
    {
        lock (_openLock)
        {
            if (_disposed) return;
            _disposed = true;
        }
        _lock.EnterWriteLock();
        try
        {
            _live?.Dispose();
            _live = null;
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }
}

/// <summary>Figures for the administration page.</summary>
/// <param name="FileSizeBytes">The index file and its write-ahead log.</param>
public sealed record SearchIndexStats(int Documents, IReadOnlyDictionary<string, int> DocumentsPerTenant, long FileSizeBytes, bool RebuildInProgress);

/// <summary>
/// A rebuild in progress: documents are added in batches, then the new index replaces the current one. Each batch is
/// analysed on the caller's thread, then written to the staging file by a writer task while the caller prepares and
/// analyses the next one (the two busiest steps on two cores); a write error is thrown by the next call.
/// </summary>
public sealed class SearchIndexRebuild : IAsyncDisposable
{
    private readonly SearchIndex _index;
    private readonly IndexFile _staging;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Lock _recordedLock = new();

    /// <summary>Analysed batches waiting for the writer: one, so that the caller is at most one batch ahead (memory).</summary>
    private readonly System.Threading.Channels.Channel<AnalyzedDocument[]> _pending =
        System.Threading.Channels.Channel.CreateBounded<AnalyzedDocument[]>(new System.Threading.Channels.BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });

    private readonly CancellationTokenSource _abandon = new();
    private readonly Task _writing;
    private List<(IReadOnlyList<AnalyzedDocument>, IReadOnlyList<SearchDocumentKey>)> _recorded = [];
    private bool _finished;

    internal SearchIndexRebuild(SearchIndex index, IndexFile staging, IReadOnlyCollection<string>? tenants, TermPostings? terms)
    {
        _index = index;
        _staging = staging;
        Terms = terms;
        Tenants = tenants;
        _writing = Task.Run(WriteAllAsync);
    }

    /// <summary>The tenants rebuilt, or null for the whole index.</summary>
    public IReadOnlyCollection<string>? Tenants { get; }

    /// <summary>The staging file's in-memory postings, kept by the writer; null when they are built at the end.</summary>
    internal TermPostings? Terms { get; }

    /// <summary>Documents in the staging index so far (the batches still queued for the writer not yet counted).</summary>
    public int Count => Volatile.Read(ref _count);

    private int _count;

    /// <summary>Analyses the documents and queues them for the writer (waiting while it is two batches behind).</summary>
    public async Task AddAsync(IReadOnlyList<SearchDocument> documents, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_finished, this);
            if (_writing.IsCompleted) await _writing;
            var analyzed = new AnalyzedDocument[documents.Count];
            for (var i = 0; i < analyzed.Length; i++) analyzed[i] = _index.Analyze(documents[i]);
            try
            {
                await _pending.Writer.WriteAsync(analyzed, cancellationToken);
            }
            catch (System.Threading.Channels.ChannelClosedException)
            {
                await _writing; // the writer failed: its error
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The writer: each queued batch written in the staging file's one transaction, then to its table.</summary>
    private async Task WriteAllAsync()
    {
        try
        {
            await foreach (var batch in _pending.Reader.ReadAllAsync(_abandon.Token))
            {
                var changes = _staging.Write(batch, []);
                _staging.ApplyToTable(changes);
                Terms?.Apply(_staging, changes, batch);
                Volatile.Write(ref _count, _staging.Table.Count);
            }
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            _pending.Writer.TryComplete(error);
            throw;
        }
    }

    internal void Record(IReadOnlyList<AnalyzedDocument> upserts, IReadOnlyList<SearchDocumentKey> removals)
    {
        lock (_recordedLock) _recorded.Add((upserts, removals));
    }

    internal List<(IReadOnlyList<AnalyzedDocument> Upserts, IReadOnlyList<SearchDocumentKey> Removals)> TakeRecorded()
    {
        lock (_recordedLock)
        {
            var recorded = _recorded;
            _recorded = [];
            return recorded;
        }
    }

    /// <summary>Waits for the queued batches to be written, replays the changes applied since the rebuild began and swaps the new index in.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_finished, this);
            _pending.Writer.TryComplete();
            await _writing.WaitAsync(cancellationToken);
            await _index.CompleteRebuildAsync(this, _staging, cancellationToken);
            _finished = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Abandons the rebuild (not completed): the current index stays as it is.</summary>
    public async ValueTask DisposeAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_finished) return;
            _finished = true;
            _pending.Writer.TryComplete();
            _abandon.Cancel();
            try { await _writing; } catch (Exception) { /* abandoned: its error no longer matters */ }
            _abandon.Dispose();
            await _index.AbandonRebuildAsync(this, _staging);
        }
        finally
        {
            _gate.Release();
        }
    }
}
