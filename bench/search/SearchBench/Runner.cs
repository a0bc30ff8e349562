using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Hosting;
using Network.Core.Search;
using Network.Modules.Search;
using Network.Modules.Search.Index;

namespace SearchBench;

/// <param name="ListZero">Also print each query that found nothing (to tell misspellings from engine misses).</param>
/// <param name="WarmupQueries">A file of warm-up queries; null: <paramref name="Warmup"/> queries generated with <see cref="WarmupSeed"/>.</param>
/// <param name="ReuseIndex">Query the index already in <paramref name="IndexFolder"/> (built from the same corpus by an earlier run) instead of indexing: for iterating on the query path.</param>
/// <param name="Through">How the corpus is indexed: the rebuild path (what `search rebuild` does) or change batches through ApplyAsync.</param>
public sealed record RunOptions(string Corpus, string Queries, string? IndexFolder, int Batch, int Warmup, bool Json, bool ListZero = false, string? WarmupQueries = null, bool ReuseIndex = false, IndexingPath Through = IndexingPath.Rebuild)
{
    /// <summary>Not the query file's seed (7): the warm-up shares only what any two sets of queries share (common words).</summary>
    public const int WarmupSeed = 1_000_003;
}

/// <summary>
/// The engine's two ways in: <see cref="SearchIndex.BeginRebuild"/> (a whole index recreated in a staging file swapped in
/// at the end, as `search rebuild` does) or <see cref="SearchIndex.ApplyAsync"/> (the change feed's batches, each
/// committed durably).
/// </summary>
public enum IndexingPath { Rebuild, Apply }

/// <summary>What one run measured (printed as text or JSON).</summary>
public sealed record RunFigures
{
    public int Documents { get; init; }
    public double InputMegabytes { get; init; }
    public double IndexingSeconds { get; init; }
    public double ApplySeconds { get; init; }
    public double DocumentsPerSecond { get; init; }
    public double MegabytesPerSecond { get; init; }
    public double IndexMegabytes { get; init; }
    public int Queries { get; init; }
    public int WarmupQueries { get; init; }
    public double QueriesPerSecond { get; init; }
    public double P50Ms { get; init; }
    public double P95Ms { get; init; }
    public double P99Ms { get; init; }
    public double MaxMs { get; init; }
    public double MeanMs { get; init; }
    public double CpuP50Ms { get; init; }
    public double CpuP95Ms { get; init; }
    public double CpuP99Ms { get; init; }
    public double IndexingCpuSeconds { get; init; }
    public int ZeroResultQueries { get; init; }
    public long TotalHits { get; init; }
    public double PeakMemoryMegabytes { get; init; }
    public double PeakMemoryAfterIndexingMegabytes { get; init; }
    public string LoadAverage { get; init; } = "";
    public string Through { get; init; } = "";
}

/// <summary>
/// Indexes a corpus through the rebuild path (<see cref="SearchIndex.BeginRebuild"/>, what `search rebuild` runs) or
/// <see cref="SearchIndex.ApplyAsync"/> (the path every module's changes take) in batches, streaming the file so memory
/// does not grow with it, then runs each query once through <see cref="SearchIndex.Search"/>
/// (top 10, total and every facet's counts), single-threaded, after a warm-up.
/// </summary>
public static class Runner
{
    public static async Task<RunFigures> RunAsync(RunOptions options, TextWriter log)
    {
        var ownsFolder = options.IndexFolder is null;
        var folder = options.IndexFolder ?? Path.Combine(Path.GetTempPath(), "reseau-search-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var hasFiles = Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any();
        if (options.ReuseIndex && (options.IndexFolder is null || !hasFiles))
            throw new InvalidOperationException("--reuse-index needs --index-folder holding the index of an earlier run");
        if (!options.ReuseIndex && hasFiles)
            throw new InvalidOperationException($"the index folder {folder} is not empty: the bench indexes into a fresh one (or give --reuse-index)");
        Directory.CreateDirectory(folder);
        try
        {
            using var services = BuildServices(folder);
            var index = services.GetRequiredService<SearchIndex>();

            // Indexing: read, map and apply batch by batch; only one batch of documents is alive at a time.
            var tenants = new SortedSet<string>(StringComparer.Ordinal);
            var types = new SortedSet<string>(StringComparer.Ordinal);
            var batch = new List<SearchDocument>(options.Batch);
            var documents = 0;
            var applyTicks = 0L;
            // The corpus may be a symbolic link to a shared copy: its target's size is what is read.
            var corpusFile = new FileInfo(options.Corpus);
            var inputBytes = (corpusFile.ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? corpusFile).Length;
            var started = Stopwatch.GetTimestamp();
            var cpuStarted = Process.GetCurrentProcess().TotalProcessorTime;
            var rebuild = options.ReuseIndex || options.Through != IndexingPath.Rebuild ? null : index.BeginRebuild(null);
            using (var reader = new StreamReader(options.Corpus, Encoding.UTF8, false, 1 << 16))
            {
                long lineNumber = 0;
                while (await reader.ReadLineAsync() is { } line)
                {
                    lineNumber++;
                    if (string.IsNullOrWhiteSpace(line)) continue;
                    var document = CorpusLine.Parse(line, lineNumber);
                    tenants.Add(document.Tenant);
                    types.Add(document.Type);
                    if (options.ReuseIndex) continue;
                    batch.Add(document);
                    if (batch.Count == options.Batch) await Apply();
                }
            }
            if (batch.Count > 0) await Apply();
            if (rebuild is not null)
            {
                var completing = Stopwatch.GetTimestamp();
                await rebuild.CompleteAsync();
                await rebuild.DisposeAsync();
                applyTicks += Stopwatch.GetTimestamp() - completing;
                log.WriteLine("  completed:" + MemoryNow());
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  rebuild completed in {Stopwatch.GetElapsedTime(completing).TotalSeconds:F1} s (writing the queued batches, merging FTS5's segments, the in-memory postings, fsync, swap)"));
            }
            var indexingSeconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
            var indexingCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStarted).TotalSeconds;
            var peakAfterIndexing = ProcessMemory.PeakMegabytes();
            if (options.ReuseIndex)
            {
                // Only the tenants and types were read: no indexing figures for this run. Count opens the file (and loads
                // the engine's in-memory structures): its time is the index's open time.
                var opening = Stopwatch.GetTimestamp();
                documents = index.Count;
                var openSeconds = Stopwatch.GetElapsedTime(opening).TotalSeconds;
                indexingSeconds = indexingCpu = 0;
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reused the index in {folder}: {documents:N0} documents, opened in {openSeconds:F2} s (peak memory then {ProcessMemory.PeakMegabytes()} MB)"));
            }
            else log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"indexed {documents:N0} documents in {indexingSeconds:F1} s"));

            // Queries: the hub's scope (every tenant, shared items) or one region's (its own items).
            var allTypes = (IReadOnlySet<string>)types;
            var hubScope = tenants.Select(tenant => new SearchScopeTenant(tenant, allTypes, SharedOnly: true)).ToList();
            var filters = new Dictionary<string, IReadOnlyList<string>>();
            var queries = ReadQueries(options.Queries);

            // Warm-up: a separate list of queries (generated with another seed unless a file is given), so that the measured
            // queries are not ones the engine has just seen: a result or postings cache would otherwise flatter the figures.
            var warmupQueries = options.WarmupQueries is null ? WarmupList(options.Warmup) : ReadQueries(options.WarmupQueries);
            foreach (var query in warmupQueries)
            {
                var scope = query.Tenant is null || !tenants.Contains(query.Tenant) ? hubScope : RegionScope(query.Tenant);
                index.Search(new SearchRequest(query.Q, scope, filters, SearchSort.Relevance, 1, SearchRequest.DefaultPageSize));
            }
            var warmup = warmupQueries.Count;

            var latencies = new double[queries.Count];
            var cpu = new double[queries.Count];
            var timed = new (double Ms, BenchQuery Query, int Total)[queries.Count];
            var phases = new double[queries.Count][];
            var zero = 0;
            var zeroQueries = new List<BenchQuery>();
            var hits = 0L;
            // SEARCH_DUMP=file: every measured answer written out (total, suggestion, facet counts, hits with score, title and
            // snippet), to check that an engine change leaves the results as they were (diff two runs' files).
            var dumpPath = Environment.GetEnvironmentVariable("SEARCH_DUMP");
            using var dump = string.IsNullOrEmpty(dumpPath) ? null : new StreamWriter(dumpPath);
            var measured = Stopwatch.GetTimestamp();
            for (var i = 0; i < queries.Count; i++)
            {
                var query = queries[i];
                var scope = query.Tenant is null ? hubScope : RegionScope(query.Tenant);
                var cpuBefore = ThreadCpu.Milliseconds();
                var before = Stopwatch.GetTimestamp();
                var results = index.Search(new SearchRequest(query.Q, scope, filters, SearchSort.Relevance, 1, SearchRequest.DefaultPageSize));
                latencies[i] = Stopwatch.GetElapsedTime(before).TotalMilliseconds;
                cpu[i] = ThreadCpu.Milliseconds() - cpuBefore;
                phases[i] = SearchTimings.Last.ToArray();
                timed[i] = (latencies[i], query, results.Total);
                if (dump is not null) Dump(dump, query, results);
                if (results.Total == 0)
                {
                    zero++;
                    if (options.ListZero) zeroQueries.Add(query);
                }
                hits += results.Total;
            }
            var querySeconds = Stopwatch.GetElapsedTime(measured).TotalSeconds;
            if (SearchTimings.Enabled) PrintPhases(log, queries, cpu, phases, timed.Select(t => t.Total).ToArray());
            // SEARCH_EACH=file: every measured query's CPU, total and phases, in the query file's order (to compare engines
            // query by query, or to take the median of repeated queries).
            if (Environment.GetEnvironmentVariable("SEARCH_EACH") is { Length: > 0 } eachPath)
                File.WriteAllLines(eachPath, queries.Select((query, i) => string.Create(CultureInfo.InvariantCulture,
                    $"{cpu[i]:F3}\t{timed[i].Total}\t{string.Join(" ", phases[i].Select(ms => ms.ToString("F3", CultureInfo.InvariantCulture)))}\t{query.Q}\t{query.Tenant}")));
            Array.Sort(latencies);
            Array.Sort(cpu);
            // The slowest queries, for whoever optimises the engine.
            log.WriteLine("slowest queries:");
            foreach (var (ms, query, total) in timed.OrderByDescending(entry => entry.Ms).Take(10))
                log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {ms,8:F2} ms  {total,7:N0} results  {query.Q}{(query.Tenant is null ? "" : " [" + query.Tenant + "]")}"));
            foreach (var query in zeroQueries) log.WriteLine($"  no result: {query.Q}{(query.Tenant is null ? "" : " [" + query.Tenant + "]")}");

            var inputMegabytes = inputBytes / 1048576.0;
            return new RunFigures
            {
                Documents = documents,
                InputMegabytes = inputMegabytes,
                IndexingSeconds = indexingSeconds,
                ApplySeconds = Stopwatch.GetElapsedTime(0, applyTicks).TotalSeconds,
                DocumentsPerSecond = indexingSeconds == 0 ? 0 : documents / indexingSeconds,
                MegabytesPerSecond = indexingSeconds == 0 ? 0 : inputMegabytes / indexingSeconds,
                IndexMegabytes = FolderMegabytes(folder),
                Queries = queries.Count,
                WarmupQueries = warmup,
                QueriesPerSecond = queries.Count / querySeconds,
                P50Ms = Percentile(latencies, 0.50),
                P95Ms = Percentile(latencies, 0.95),
                P99Ms = Percentile(latencies, 0.99),
                MaxMs = latencies.Length == 0 ? 0 : latencies[^1],
                MeanMs = latencies.Length == 0 ? 0 : latencies.Average(),
                CpuP50Ms = Percentile(cpu, 0.50),
                CpuP95Ms = Percentile(cpu, 0.95),
                CpuP99Ms = Percentile(cpu, 0.99),
                IndexingCpuSeconds = indexingCpu,
                ZeroResultQueries = zero,
                TotalHits = hits,
                PeakMemoryMegabytes = ProcessMemory.PeakMegabytes(),
                PeakMemoryAfterIndexingMegabytes = peakAfterIndexing,
                LoadAverage = ProcessMemory.LoadAverage(),
                Through = options.ReuseIndex ? "" : options.Through == IndexingPath.Rebuild ? "rebuild" : "apply",
            };

            async Task Apply()
            {
                var applyStarted = Stopwatch.GetTimestamp();
                if (rebuild is not null) await rebuild.AddAsync(batch);
                else await index.ApplyAsync(batch, []);
                applyTicks += Stopwatch.GetTimestamp() - applyStarted;
                documents += batch.Count;
                batch = new List<SearchDocument>(options.Batch);
                if (documents % 10_000 < options.Batch)
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {documents:N0} documents, {documents / Stopwatch.GetElapsedTime(started).TotalSeconds:F0}/s{MemoryNow()}"));
            }

            IReadOnlyList<SearchScopeTenant> RegionScope(string tenant) => [new SearchScopeTenant(tenant, allTypes, SharedOnly: false)];
        }
        finally
        {
            if (ownsFolder) Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The engine as the site builds it: the Search module's own service registrations over a fresh folder.</summary>
    private static ServiceProvider BuildServices(string folder)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Network:DataPath"] = folder,
            ["Search:IndexFolder"] = folder,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        services.Configure<NetworkOptions>(configuration.GetSection(NetworkOptions.Section));
        new SearchModule().ConfigureServices(services, configuration);
        return services.BuildServiceProvider();
    }

    /// <summary>SEARCH_TIMINGS=1: where the memory is (resident set, the collector's heap and committed bytes).</summary>
    private static string MemoryNow()
    {
        if (!SearchTimings.Enabled) return "";
        var info = GC.GetGCMemoryInfo();
        return string.Create(CultureInfo.InvariantCulture,
            $"  rss {ProcessMemory.ResidentMegabytes():F0} MB, peak {ProcessMemory.PeakMegabytes():F0}, gc heap {info.HeapSizeBytes / 1048576.0:F0} (committed {info.TotalCommittedBytes / 1048576.0:F0}, fragmented {info.FragmentedBytes / 1048576.0:F0}, promoted {info.PromotedBytes / 1048576.0:F0}, gen {info.Generation}), gcs {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}")
            + $" gen0before {GC.GetGCMemoryInfo(GCKind.Ephemeral).GenerationInfo[0].SizeBeforeBytes / 1048576.0:F0} alloc {GC.GetTotalAllocatedBytes() / 1048576.0:F0}"
            + $" anon {ProcessMemory.Status("RssAnon")} file {ProcessMemory.Status("RssFile")} gens " + string.Join(",", Enumerable.Range(0, 5).Select(g => string.Create(CultureInfo.InvariantCulture, $"{info.GenerationInfo[g].SizeAfterBytes / 1048576.0:F0}/{info.GenerationInfo[g].FragmentationAfterBytes / 1048576.0:F0}")));
    }

    /// <summary>SEARCH_TIMINGS=1: the mean CPU per phase for the median queries and the slowest ones, and the slowest queries' breakdown.</summary>
    private static void PrintPhases(TextWriter log, List<BenchQuery> queries, double[] cpu, double[][] phases, int[] totals)
    {
        var order = Enumerable.Range(0, cpu.Length).OrderBy(i => cpu[i]).ToArray();
        string Row(IEnumerable<int> band)
        {
            var ids = band.ToList();
            var means = SearchTimings.Phases.Select((_, p) => ids.Average(i => phases[i].Length > p ? phases[i][p] : 0));
            return string.Join("  ", SearchTimings.Phases.Zip(means, (name, ms) => string.Create(CultureInfo.InvariantCulture, $"{name} {ms:F3}")))
                + string.Create(CultureInfo.InvariantCulture, $"  (query CPU {ids.Average(i => cpu[i]):F3})");
        }
        log.WriteLine("query CPU per phase, mean ms:");
        log.WriteLine("  all            " + Row(order));
        log.WriteLine("  p40-p60        " + Row(order.Skip(order.Length * 4 / 10).Take(order.Length / 5)));
        log.WriteLine("  p90-p100       " + Row(order.Skip(order.Length * 9 / 10)));
        log.WriteLine("median, around the p95 and slowest queries by CPU, per phase (" + string.Join(" ", SearchTimings.Phases) + "):");
        foreach (var i in order.Skip(order.Length * 45 / 100).Take(order.Length / 10).Concat(order.Skip(order.Length * 93 / 100).Take(order.Length / 25)).Concat(order.Reverse().Take(25)))
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {cpu[i],7:F2} ms {totals[i],7} results  {string.Join(" ", phases[i].Select(ms => ms.ToString("F2", CultureInfo.InvariantCulture)))}  {queries[i].Q}{(queries[i].Tenant is null ? "" : " [" + queries[i].Tenant + "]")}"));
    }

    private static void Dump(StreamWriter dump, BenchQuery query, SearchResults results)
    {
        var facets = string.Join(" ", results.Facets.OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => f.Key + "=" + string.Join(",", f.Value.Select(v => v.Value + ":" + v.Count))));
        dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{query.Q}\t{query.Tenant}\t{results.Total}\t{results.Suggestion}\t{facets}"));
        foreach (var hit in results.Hits)
            dump.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {hit.Key} {hit.Score:G5} {hit.TitleHtml} | {hit.SnippetHtml}"));
    }

    private static List<BenchQuery> WarmupList(int count)
    {
        var generator = new QueryGenerator(RunOptions.WarmupSeed);
        return [.. Enumerable.Range(0, count).Select(_ => generator.Next())];
    }

    private static List<BenchQuery> ReadQueries(string path)
    {
        var queries = new List<BenchQuery>();
        long lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (!string.IsNullOrWhiteSpace(line)) queries.Add(CorpusLine.ParseQuery(line, lineNumber));
        }
        return queries;
    }

    /// <summary>Nearest rank on sorted values.</summary>
    public static double Percentile(double[] sorted, double fraction)
        => sorted.Length == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];

    private static double FolderMegabytes(string folder)
        => new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(file => file.Length) / 1048576.0;

    public static string Format(RunFigures figures)
    {
        var text = new StringBuilder();
        void Line(string label, string value) => text.Append(CultureInfo.InvariantCulture, $"{label,-28}{value}\n");
        var c = CultureInfo.InvariantCulture;
        Line("documents", figures.Documents.ToString("N0", c));
        Line("input", figures.InputMegabytes.ToString("F1", c) + " MB");
        Line("indexing path", figures.Through == "apply" ? "ApplyAsync batches" : figures.Through == "rebuild" ? "rebuild (BeginRebuild, AddAsync batches, CompleteAsync)" : "(index reused)");
        Line("indexing time", string.Create(c, $"{figures.IndexingSeconds:F1} s (of which inside the engine's calls {figures.ApplySeconds:F1} s)"));
        Line("indexing CPU time", string.Create(c, $"{figures.IndexingCpuSeconds:F1} s, all threads ({figures.Documents / Math.Max(figures.IndexingCpuSeconds, 1e-9):N0} docs per CPU second)"));
        Line("indexing rate", string.Create(c, $"{figures.DocumentsPerSecond:N0} docs/s, {figures.MegabytesPerSecond:F2} MB/s"));
        Line("index size on disk", figures.IndexMegabytes.ToString("F1", c) + " MB");
        Line("queries", string.Create(c, $"{figures.Queries:N0} (after {figures.WarmupQueries} warm-up)"));
        Line("query rate", figures.QueriesPerSecond.ToString("N0", c) + " queries/s (single thread)");
        Line("latency p50/p95/p99/max", string.Create(c, $"{figures.P50Ms:F2} / {figures.P95Ms:F2} / {figures.P99Ms:F2} / {figures.MaxMs:F2} ms (mean {figures.MeanMs:F2})"));
        Line("query CPU p50/p95/p99", string.Create(c, $"{figures.CpuP50Ms:F2} / {figures.CpuP95Ms:F2} / {figures.CpuP99Ms:F2} ms (the query thread's CPU time: what a free core would take)"));
        Line("queries with no result", string.Create(c, $"{figures.ZeroResultQueries:N0} ({(figures.Queries == 0 ? 0 : 100.0 * figures.ZeroResultQueries / figures.Queries):F1}%)"));
        Line("peak memory (VmHWM)", string.Create(c, $"{figures.PeakMemoryMegabytes:F0} MB (after indexing {figures.PeakMemoryAfterIndexingMegabytes:F0} MB)"));
        Line("load average", figures.LoadAverage);
        return text.ToString();
    }
}

/// <summary>Figures the kernel keeps for this process.</summary>
public static class ProcessMemory
{
    /// <summary>VmHWM of /proc/self/status: the peak resident set size of the process, in MB (0 where unavailable).</summary>
    public static double PeakMegabytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status)) return 0;
        foreach (var line in File.ReadLines(status))
        {
            if (!line.StartsWith("VmHWM:", StringComparison.Ordinal)) continue;
            var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
            return long.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024.0;
        }
        return 0;
    }

    /// <summary>VmRSS of /proc/self/status: the resident set now, in MB.</summary>
    public static double ResidentMegabytes()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                return long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024.0;
        return 0;
    }

    public static string Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
                return (long.Parse(line[(field.Length + 1)..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) / 1024).ToString(CultureInfo.InvariantCulture);
        return "?";
    }

    public static string LoadAverage()
        => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "";
}

/// <summary>
/// CPU time of the calling thread (CLOCK_THREAD_CPUTIME_ID): a query's cost whatever else the machine runs, since the
/// engine answers on the caller's thread. Wall-clock latency on a shared machine mostly measures waiting for a core.
/// </summary>
public static class ThreadCpu
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    /// <summary>Milliseconds of CPU this thread has used (0 where the clock is unavailable).</summary>
    public static double Milliseconds()
    {
        if (!OperatingSystem.IsLinux()) return 0;
        return ClockGetTime(ClockThreadCpuTimeId, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : 0;
    }
}
