using Network.Modules.Search.Index;

namespace Network.Tests.Search;

/// <summary>
/// The compact postings list (16-bit rowid parts under segments of high bits, byte frequencies with a side table for
/// large ones) behaves as a sorted map of rowid to frequency through appends, inserts, updates, removals and compaction.
/// </summary>
public sealed class TermListTests
{
    private struct Collector : IPostingVisitor
    {
        public List<(int, int)> Seen;

        public void Visit(int id, int frequency) => Seen.Add((id, frequency));
    }

    private static List<(int, int)> Contents(TermList list)
    {
        var collector = new Collector { Seen = [] };
        list.ForEach(ref collector);
        return collector.Seen;
    }

    [Fact]
    public void Matches_a_sorted_map_across_segments_and_large_frequencies()
    {
        var random = new Random(11);
        var list = new TermList(1);
        list.KeepBits(true);
        var expected = new SortedDictionary<int, int>();
        var next = 0;
        for (var step = 0; step < 20_000; step++)
        {
            var action = random.Next(10);
            if (action < 6)
            {
                // Appends past the end, crossing 65,536-rowid boundaries.
                next += random.Next(1, 40);
                var frequency = random.Next(10) == 0 ? random.Next(255, 2000) : random.Next(1, 300);
                list.Set(next, (ushort)frequency);
                expected[next] = frequency;
            }
            else if (action < 8 && next > 0)
            {
                // A replaced document: any rowid below the end gains or changes its frequency.
                var id = random.Next(0, next);
                var frequency = random.Next(1, 400);
                list.Set(id, (ushort)frequency);
                expected[id] = frequency;
            }
            else if (next > 0)
            {
                var id = random.Next(0, next + 1);
                list.Remove(id);
                expected.Remove(id);
            }
            if (step % 5_000 == 4_999) list.Compact();
        }
        Assert.True(next > 3 * 65_536);
        Assert.Equal(expected.Select(p => (p.Key, p.Value)).ToList(), Contents(list));
        Assert.Equal(expected.Count, list.Live);
        AssertBitsAndWeightRanges(list, expected);
        list.Compact();
        Assert.Equal(expected.Select(p => (p.Key, p.Value)).ToList(), Contents(list));
        Assert.Equal(expected.Count, list.Count);
        AssertBitsAndWeightRanges(list, expected);
    }

    /// <summary>The list's bitmap holds exactly its live rowids, and a pass over a range of weight bytes finds exactly the postings in it.</summary>
    private static void AssertBitsAndWeightRanges(TermList list, SortedDictionary<int, int> expected)
    {
        var bits = list.Bits!;
        var fromBits = new List<int>();
        for (var w = 0; w < bits.Length; w++)
            for (var b = 0; b < 64; b++)
                if ((bits[w] & (1UL << b)) != 0) fromBits.Add(w * 64 + b);
        Assert.Equal(expected.Keys.ToList(), fromBits);
        foreach (var (minimum, maximum) in new[] { (1, 255), (32, 255), (255, 255), (16, 31), (2, 2), (1, 1), (200, 254), (40, 30) })
        {
            var collector = new Collector { Seen = [] };
            list.ForEachWeightBetween(minimum, maximum, ref collector);
            var inRange = expected.Where(p => Math.Min(p.Value, 255) >= minimum && Math.Min(p.Value, 255) <= maximum).Select(p => (p.Key, p.Value)).ToList();
            Assert.Equal(inRange, collector.Seen);
        }
        list.KeepBits(false);
        Assert.Null(list.Bits);
        list.KeepBits(true);
        Assert.Equal(bits.Take(list.Bits!.Length), list.Bits);
        Assert.All(bits.Skip(list.Bits.Length), word => Assert.Equal(0UL, word));
    }

    [Fact]
    public void An_insert_opens_a_segment_between_two_others()
    {
        var list = new TermList(1);
        list.Set(5, 1);
        list.Set(3 << 16 | 7, 2);
        list.Set(1 << 16 | 9, 300);
        list.Set(2 << 16, 4);
        list.Set(4, 5);
        Assert.Equal([(4, 5), (5, 1), (1 << 16 | 9, 300), (2 << 16, 4), (3 << 16 | 7, 2)], Contents(list));
        list.Remove(1 << 16 | 9);
        list.Compact();
        Assert.Equal([(4, 5), (5, 1), (2 << 16, 4), (3 << 16 | 7, 2)], Contents(list));
        Assert.Equal(3 << 16 | 7, list.LastId);
    }

    [Fact]
    public void A_list_grown_one_posting_at_a_time_spans_chunks_and_trims()
    {
        // 100,000 postings appended one by one (a bulk load): several chunks, every one under the large object heap's threshold.
        var list = new TermList(1);
        var expected = new List<(int, int)>();
        for (var id = 3; id < 300_000; id += 3)
        {
            var frequency = id % 1000 == 0 ? 400 : 1 + id % 7;
            list.Set(id, (ushort)frequency);
            expected.Add((id, frequency));
        }
        Assert.Equal(expected.Count, list.Count);
        Assert.True(list.Bytes < expected.Count * 3L * 5 / 4 + 16_384);
        list.Trim();
        Assert.Equal(expected, Contents(list));
        Assert.True(list.Bytes < expected.Count * 3L + 8_192);
        // An insert near the start shifts every later posting across the chunk boundaries.
        list.Set(1, 2);
        expected.Insert(0, (1, 2));
        Assert.Equal(expected, Contents(list));
        Assert.True(TermList.ChunkSize * sizeof(ushort) < 85_000);
    }
}
