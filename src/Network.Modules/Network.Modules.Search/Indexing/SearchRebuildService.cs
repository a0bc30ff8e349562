using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Network.Core.Search;
using Network.Core.Tenancy;
using Network.Modules.Search.Index;

namespace Network.Modules.Search.Indexing;

public enum SearchRebuildState { Idle, Running, Completed, Failed, Cancelled }

/// <summary>Why a rebuild did not start.</summary>
public enum SearchRebuildRefusal { None, UnknownTenant, AlreadyRunning }

/// <summary>A snapshot of the current or last rebuild, for the admin page and the command line.</summary>
/// <param name="Tenant">The tenant rebuilt, or null for the whole index.</param>
/// <param name="CurrentTenant">The tenant whose documents are being read.</param>
/// <param name="Total">Documents the sources announced (counted before reading; the sources may leave a few out).</param>
public sealed record SearchRebuildProgress(
    SearchRebuildState State,
    string? Tenant,
    string? CurrentTenant,
    int Done,
    int Total,
    DateTime? StartedUtc,
    DateTime? FinishedUtc,
    string? Error,
    DateTime UpdatedUtc)
{
    public static readonly SearchRebuildProgress Idle = new(SearchRebuildState.Idle, null, null, 0, 0, null, null, null, DateTime.MinValue);

    public bool IsRunning => State == SearchRebuildState.Running;

    public TimeSpan Elapsed => StartedUtc is { } started ? (FinishedUtc ?? UpdatedUtc) - started : TimeSpan.Zero;

    /// <summary>Documents per second so far.</summary>
    public double RatePerSecond => Elapsed.TotalSeconds > 0 ? Done / Elapsed.TotalSeconds : 0;

    /// <summary>Estimated time left at the current rate; null until there is a rate.</summary>
    public TimeSpan? Remaining => IsRunning && RatePerSecond > 0 ? TimeSpan.FromSeconds(Math.Max(0, Total - Done) / RatePerSecond) : null;

    /// <summary>Share of the documents done, 0 to 100.</summary>
    public int Percent => Total > 0 ? (int)Math.Min(100, Done * 100L / Total) : State == SearchRebuildState.Completed ? 100 : 0;
}

/// <param name="Refusal">None when the rebuild started.</param>
/// <param name="Completion">Completes when the rebuild ends (completed, failed or cancelled); already complete when refused.</param>
public sealed record SearchRebuildStart(SearchRebuildRefusal Refusal, Task Completion)
{
    public bool Started => Refusal == SearchRebuildRefusal.None;
}

/// <summary>
/// Recreates the search index from every <see cref="ISearchDocumentSource"/>, for one running tenant or all of them,
/// through <see cref="SearchIndex.BeginRebuild"/>: searches keep answering from the current index until the new one
/// replaces it. One rebuild at a time in the process; host shutdown cancels it; any failure abandons it (the current
/// index stays) and is kept in <see cref="Progress"/> for the admin page.
/// </summary>
public sealed class SearchRebuildService(
    SearchIndex index,
    TenantCatalog catalog,
    TenantActivator activator,
    TenantScopeFactory scopes,
    IEnumerable<ISearchDocumentSource> sources,
    IOptions<SearchOptions> options,
    IHostApplicationLifetime lifetime,
    TimeProvider time,
    ILogger<SearchRebuildService> logger)
{
    private readonly Lock _lock = new();
    private readonly IReadOnlyList<ISearchDocumentSource> _sources = sources.ToList();
    private SearchRebuildProgress _progress = SearchRebuildProgress.Idle;

    public SearchRebuildProgress Progress => Volatile.Read(ref _progress);

    /// <summary>The tenants a rebuild reads: the running ones, hub first.</summary>
    public IReadOnlyList<TenantInfo> Tenants => catalog.All.Where(t => t.State == TenantState.Running)
        .OrderByDescending(t => t.IsHub).ThenBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Starts rebuilding <paramref name="tenantName"/>'s documents (null: the whole index) in the background.</summary>
    /// <param name="cancellationToken">Cancels the rebuild, as host shutdown does.</param>
    public SearchRebuildStart TryStart(string? tenantName, CancellationToken cancellationToken = default)
    {
        IReadOnlyList<TenantInfo> tenants;
        if (tenantName is null) tenants = Tenants;
        else if (Tenants.FirstOrDefault(t => t.Name == tenantName) is { } tenant) tenants = [tenant];
        else return new SearchRebuildStart(SearchRebuildRefusal.UnknownTenant, Task.CompletedTask);

        lock (_lock)
        {
            if (_progress.IsRunning) return new SearchRebuildStart(SearchRebuildRefusal.AlreadyRunning, Task.CompletedTask);
            var now = time.GetUtcNow().UtcDateTime;
            _progress = new SearchRebuildProgress(SearchRebuildState.Running, tenantName, null, 0, 0, now, null, null, now);
        }
        var stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lifetime.ApplicationStopping);
        var completion = Task.Run(async () =>
        {
            try { await RunAsync(tenantName, tenants, stopping.Token); }
            finally { stopping.Dispose(); }
        }, CancellationToken.None);
        return new SearchRebuildStart(SearchRebuildRefusal.None, completion);
    }

    private async Task RunAsync(string? tenantName, IReadOnlyList<TenantInfo> tenants, CancellationToken cancellationToken)
    {
        var batchSize = Math.Max(1, options.Value.RebuildBatchSize);
        var done = 0;
        try
        {
            var total = 0;
            foreach (var tenant in tenants)
            {
                Update(p => p with { CurrentTenant = tenant.Name });
                await activator.EnsureActivatedAsync(tenant);
                await using var scope = scopes.CreateScope(tenant);
                foreach (var source in _sources) total += await source.CountAsync(tenant, scope.ServiceProvider, cancellationToken);
                Update(p => p with { Total = total });
            }

            await using var rebuild = index.BeginRebuild(tenantName is null ? null : [tenantName]);
            var batch = new List<SearchDocument>(batchSize);
            foreach (var tenant in tenants)
            {
                Update(p => p with { CurrentTenant = tenant.Name });
                await using var scope = scopes.CreateScope(tenant);
                foreach (var source in _sources)
                {
                    await foreach (var document in source.ReadAllAsync(tenant, scope.ServiceProvider, cancellationToken))
                    {
                        batch.Add(document);
                        if (batch.Count < batchSize) continue;
                        await rebuild.AddAsync(batch, cancellationToken);
                        done += batch.Count;
                        batch.Clear();
                        Update(p => p with { Done = done });
                    }
                }
            }
            if (batch.Count > 0)
            {
                await rebuild.AddAsync(batch, cancellationToken);
                done += batch.Count;
                Update(p => p with { Done = done });
            }
            await rebuild.CompleteAsync(cancellationToken);
            Finish(SearchRebuildState.Completed, done, null);
            logger.LogInformation("Search index rebuilt for {Scope}: {Count} documents", tenantName ?? "every tenant", done);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Finish(SearchRebuildState.Cancelled, done, "Reconstruction interrompue (arrêt du site).");
            logger.LogWarning("Search index rebuild for {Scope} cancelled", tenantName ?? "every tenant");
        }
        catch (Exception ex)
        {
            Finish(SearchRebuildState.Failed, done, ex.Message);
            logger.LogError(ex, "Search index rebuild for {Scope} failed; the current index stays", tenantName ?? "every tenant");
        }
    }

    private void Finish(SearchRebuildState state, int done, string? error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        Update(p => p with
        {
            State = state,
            Done = done,
            // The count was an upper bound: a completed rebuild did everything there was.
            Total = state == SearchRebuildState.Completed ? done : p.Total,
            CurrentTenant = null,
            FinishedUtc = now,
            Error = error,
        });
    }

    private void Update(Func<SearchRebuildProgress, SearchRebuildProgress> change)
    {
        lock (_lock) _progress = change(_progress) with { UpdatedUtc = time.GetUtcNow().UtcDateTime };
    }
}
