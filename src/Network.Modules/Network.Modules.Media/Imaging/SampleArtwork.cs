using System.Globalization;

namespace Network.Modules.Media.Imaging;

/// <summary>
/// Abstract pictures drawn from a motif, a palette and a seed, for sample content (no downloads, no stock
/// photographs): raw interleaved RGB pixels, encoded afterwards by the media library's libvips pipeline. The
/// same inputs always give the same picture, so the alt text written beside them in the data file stays true.
/// </summary>
public static class SampleArtwork
{
    public const int Width = 1600;
    public const int Height = 1000;

    /// <summary>
    /// bands: horizontal bands of colour; arches: a row of arches on a sky gradient; grid: a mosaic of square tiles;
    /// rings: concentric rings around an off-centre point; waves: stacked wavy layers like hills or water;
    /// facets: angular cells like a crystal or a 3D scan.
    /// </summary>
    public static readonly string[] Motifs = ["bands", "arches", "grid", "rings", "waves", "facets"];

    private static readonly (byte R, byte G, byte B)[] DefaultPalette = [(0x00, 0x00, 0x91), (0xe1, 0x00, 0x0f), (0xf5, 0xf5, 0xfe)];

    public static bool TryParseColour(string? text, out (byte R, byte G, byte B) colour)
    {
        colour = default;
        if (text is not { Length: 7 } || text[0] != '#' || !int.TryParse(text.AsSpan(1), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var rgb))
            return false;
        colour = ((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
        return true;
    }

    /// <param name="palette">"#rrggbb" colours (2 to 6); the first is the background.</param>
    public static byte[] Pixels(string motif, IReadOnlyList<string>? palette, int seed, int width = Width, int height = Height)
    {
        var colours = palette?.Select(c => TryParseColour(c, out var rgb) ? rgb : throw new ArgumentException($"Bad colour {c}.", nameof(palette))).ToArray() is { Length: >= 2 } parsed
            ? parsed : DefaultPalette;
        var random = new Random(seed);
        Func<int, int, (double R, double G, double B)> paint = motif switch
        {
            "bands" => Bands(colours, random, height),
            "arches" => Arches(colours, random, width, height),
            "grid" => Grid(colours, random, width, height),
            "rings" => Rings(colours, random, width, height),
            "waves" => Waves(colours, random, width, height),
            "facets" => Facets(colours, random, width, height),
            _ => throw new ArgumentException($"Unknown motif {motif}.", nameof(motif)),
        };
        // Fine grain, so the encoders see something closer to a photograph than flat colour.
        var grain = new sbyte[4096];
        for (var i = 0; i < grain.Length; i++) grain[i] = (sbyte)random.Next(-5, 6);
        var pixels = GC.AllocateUninitializedArray<byte>(checked(width * height * 3));
        Parallel.For(0, height, y =>
        {
            var offset = y * width * 3;
            for (var x = 0; x < width; x++, offset += 3)
            {
                var (r, g, b) = paint(x, y);
                var noise = grain[(x * 31 + y * 17) & 4095];
                pixels[offset] = Clamp(r + noise);
                pixels[offset + 1] = Clamp(g + noise);
                pixels[offset + 2] = Clamp(b + noise);
            }
        });
        return pixels;
    }

    private static byte Clamp(double value) => (byte)Math.Clamp((int)Math.Round(value), 0, 255);

    private static (double R, double G, double B) Mix((byte R, byte G, byte B) a, (byte R, byte G, byte B) b, double t)
        => (a.R + (b.R - a.R) * t, a.G + (b.G - a.G) * t, a.B + (b.B - a.B) * t);

    private static (double R, double G, double B) Shade((double R, double G, double B) c, double factor) => (c.R * factor, c.G * factor, c.B * factor);

    private static (double R, double G, double B) Plain((byte R, byte G, byte B) c) => (c.R, c.G, c.B);

    private static Func<int, int, (double, double, double)> Bands((byte R, byte G, byte B)[] colours, Random random, int height)
    {
        var count = 5 + random.Next(4);
        var edges = Enumerable.Range(0, count - 1).Select(_ => random.NextDouble()).Order().Select(e => (int)(e * height)).Append(height).ToArray();
        var bandColours = Enumerable.Range(0, count).Select(i => colours[i % colours.Length]).ToArray();
        return (x, y) =>
        {
            var band = 0;
            while (y >= edges[band]) band++;
            var light = 0.88 + 0.18 * x / (double)Width;
            return Shade(Plain(bandColours[band]), light);
        };
    }

    private static Func<int, int, (double, double, double)> Arches((byte R, byte G, byte B)[] colours, Random random, int width, int height)
    {
        var count = 4 + random.Next(3);
        var span = width / (double)count;
        var spring = height * (0.45 + random.NextDouble() * 0.1);
        var ground = height * 0.86;
        var stone = colours[1];
        var inside = colours.Length > 2 ? colours[2] : colours[0];
        var soil = colours[^1];
        return (x, y) =>
        {
            if (y >= ground) return Shade(Plain(soil), 0.9);
            var sky = Mix(colours[0], (255, 255, 255), 0.35 * (1 - y / ground));
            var local = x % span;
            var pier = span * 0.12;
            if (local < pier || local > span - pier) return Shade(Plain(stone), 0.95);
            // A pointed arch: two circles of the opening's width meeting above its centre.
            var opening = span - 2 * pier;
            var u = local - pier;
            if (y >= spring) return Mix(inside, (0, 0, 0), 0.15 * (y - spring) / (ground - spring));
            double dxLeft = u, dxRight = opening - u, dy = spring - y;
            var inArch = dxLeft * dxLeft + dy * dy < opening * opening && dxRight * dxRight + dy * dy < opening * opening;
            if (inArch) return Plain(inside);
            return y > spring - opening * 1.05 ? Plain(stone) : sky;
        };
    }

    private static Func<int, int, (double, double, double)> Grid((byte R, byte G, byte B)[] colours, Random random, int width, int height)
    {
        const int tile = 50;
        var columns = width / tile + 1;
        var rows = height / tile + 1;
        var cells = new int[columns * rows];
        var shades = new double[columns * rows];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = random.Next(colours.Length);
            shades[i] = 0.85 + random.NextDouble() * 0.25;
        }
        return (x, y) =>
        {
            if (x % tile < 3 || y % tile < 3) return Shade(Plain(colours[0]), 0.6);
            var cell = y / tile * columns + x / tile;
            return Shade(Plain(colours[cells[cell]]), shades[cell]);
        };
    }

    private static Func<int, int, (double, double, double)> Rings((byte R, byte G, byte B)[] colours, Random random, int width, int height)
    {
        var cx = width * (0.25 + random.NextDouble() * 0.5);
        var cy = height * (0.3 + random.NextDouble() * 0.4);
        var step = 45 + random.Next(30);
        return (x, y) =>
        {
            var distance = Math.Sqrt((x - cx) * (x - cx) + (y - cy) * (y - cy));
            var ring = (int)(distance / step);
            var fade = 1.05 - Math.Min(0.35, distance / (width * 2.0));
            return Shade(Plain(colours[ring % colours.Length]), fade);
        };
    }

    private static Func<int, int, (double, double, double)> Waves((byte R, byte G, byte B)[] colours, Random random, int width, int height)
    {
        var layers = Enumerable.Range(0, Math.Max(3, colours.Length + 1)).Select(i => (
            Base: height * (0.25 + 0.7 * i / (double)Math.Max(3, colours.Length + 1)),
            Amplitude: 25 + random.NextDouble() * 45,
            Frequency: (1.5 + random.NextDouble() * 2.5) * 2 * Math.PI / width,
            Phase: random.NextDouble() * 2 * Math.PI)).ToArray();
        return (x, y) =>
        {
            var layer = 0;
            while (layer < layers.Length && y > layers[layer].Base + layers[layer].Amplitude * Math.Sin(x * layers[layer].Frequency + layers[layer].Phase)) layer++;
            if (layer == 0) return Mix(colours[0], (255, 255, 255), 0.3 * (1 - y / layers[0].Base));
            return Shade(Plain(colours[layer % colours.Length]), 1.0 - 0.05 * layer);
        };
    }

    private static Func<int, int, (double, double, double)> Facets((byte R, byte G, byte B)[] colours, Random random, int width, int height)
    {
        var seeds = Enumerable.Range(0, 36).Select(_ => (X: random.NextDouble() * width, Y: random.NextDouble() * height, C: colours[random.Next(colours.Length)], S: 0.75 + random.NextDouble() * 0.35)).ToArray();
        return (x, y) =>
        {
            var best = 0;
            var bestDistance = double.MaxValue;
            for (var i = 0; i < seeds.Length; i++)
            {
                var d = (x - seeds[i].X) * (x - seeds[i].X) + (y - seeds[i].Y) * (y - seeds[i].Y);
                if (d < bestDistance) { bestDistance = d; best = i; }
            }
            return Shade(Plain(seeds[best].C), seeds[best].S);
        };
    }
}
