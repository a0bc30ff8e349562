using System.Runtime.InteropServices;

namespace Network.Modules.Search.Index;

/// <summary>
/// Per-phase CPU time of the calling thread's last <see cref="SearchIndex.Search"/>, for the benchmark's breakdown of
/// where a query's time goes: measured only when the environment variable <c>SEARCH_TIMINGS=1</c> is set (never on the
/// site), with the thread's CPU clock (a shared machine's waiting for a core is not counted).
/// </summary>
public static partial class SearchTimings
{
    public static readonly bool Enabled = Environment.GetEnvironmentVariable("SEARCH_TIMINGS") == "1" && OperatingSystem.IsLinux();

    /// <summary>The phases, in the order a search goes through them.</summary>
    public static readonly IReadOnlyList<string> Phases = ["parse", "match", "page", "rows", "highlight", "suggest", "facets"];

    internal const int Parse = 0, Match = 1, Page = 2, Rows = 3, Highlight = 4, Suggest = 5, Facets = 6;

    [ThreadStatic] private static double[]? _last;
    [ThreadStatic] private static double _mark;

    /// <summary>Milliseconds per phase of this thread's last search (empty when not measured).</summary>
    public static ReadOnlySpan<double> Last => _last;

    internal static void Start()
    {
        if (!Enabled) return;
        Array.Clear(_last ??= new double[Phases.Count]);
        _mark = Now();
    }

    /// <summary>Adds the time since the previous mark to <paramref name="phase"/>.</summary>
    internal static void Lap(int phase)
    {
        if (!Enabled || _last is null) return;
        var now = Now();
        _last[phase] += now - _mark;
        _mark = now;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static double Now() => ClockGetTime(3, out var time) == 0 ? time.Seconds * 1e3 + time.Nanoseconds / 1e6 : 0;
}
