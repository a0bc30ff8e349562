using System.Runtime.InteropServices;

namespace Network.Modules.Search.Index;

/// <summary>TEMPORARY: per-stage thread CPU time of the last search on this thread (bench only, off by default).</summary>
public static class SearchStageTimings
{
    public static bool Enabled;
    public static readonly string[] Names = ["parse", "match+score+facetcount+topk", "page", "load docs", "highlight", "facet lists", "suggest", "postings fetch", "lock+rent+ctor"];
    [ThreadStatic] private static double[]? _last;
    [ThreadStatic] private static double _mark;

    public static double[] Last => _last ??= new double[Names.Length];

    public static void Start()
    {
        if (!Enabled) return;
        Array.Clear(Last);
        _mark = Now();
    }

    public static void Stage(int stage)
    {
        if (!Enabled) return;
        var now = Now();
        Last[stage] += now - _mark;
        _mark = now;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec { public long Seconds; public long Nanoseconds; }

    [DllImport("libc", EntryPoint = "clock_gettime")]
    private static extern int ClockGetTime(int clock, out TimeSpec time);

    private static double Now() => ClockGetTime(3, out var t) == 0 ? t.Seconds * 1e3 + t.Nanoseconds / 1e6 : 0;
}
