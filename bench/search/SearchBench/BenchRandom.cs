namespace SearchBench;

/// <summary>
/// SplitMix64: a small generator whose sequence is fixed by its seed whatever the .NET version (System.Random's
/// seeded algorithm is an implementation detail), so a seed always gives the same corpus file.
/// </summary>
public sealed class BenchRandom(long seed)
{
    private ulong _state = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL + 0xD1B54A32D192ED03UL);

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>In [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>In [0, max).</summary>
    public int Next(int max) => (int)(NextDouble() * max);

    /// <summary>In [min, max].</summary>
    public int Between(int min, int max) => min + Next(max - min + 1);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];
}

/// <summary>Draws indexes 0..n-1 with probability proportional to 1/(rank+1)^exponent (Zipf), or to given weights.</summary>
public sealed class WeightedTable
{
    private readonly double[] _cumulative;

    private WeightedTable(double[] cumulative) => _cumulative = cumulative;

    public int Count => _cumulative.Length;

    public static WeightedTable Zipf(int count, double exponent = 1.0)
        => FromWeights(Enumerable.Range(1, count).Select(rank => 1.0 / Math.Pow(rank, exponent)));

    public static WeightedTable FromWeights(IEnumerable<double> weights)
    {
        var cumulative = new List<double>();
        var total = 0.0;
        foreach (var weight in weights)
        {
            total += weight;
            cumulative.Add(total);
        }
        return new WeightedTable([.. cumulative.Select(value => value / total)]);
    }

    public int Sample(BenchRandom random)
    {
        var index = Array.BinarySearch(_cumulative, random.NextDouble());
        if (index < 0) index = ~index;
        return Math.Min(index, _cumulative.Length - 1);
    }
}
