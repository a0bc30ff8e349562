using Network.Modules.Media.Imaging;

namespace Network.Tests.Samples;

public sealed class SampleArtworkTests
{
    public static readonly TheoryData<string> Motifs = new(SampleArtwork.Motifs);

    [Theory]
    [MemberData(nameof(Motifs))]
    public void Each_motif_draws_the_same_picture_from_the_same_inputs_and_encodes_as_jpeg(string motif)
    {
        string[] palette = ["#000091", "#e1000f", "#f5f5fe", "#18753c"];
        var pixels = SampleArtwork.Pixels(motif, palette, 42);
        Assert.Equal(SampleArtwork.Width * SampleArtwork.Height * 3, pixels.Length);
        Assert.Equal(pixels, SampleArtwork.Pixels(motif, palette, 42));
        // Not a flat picture: several distinct colours.
        Assert.True(Enumerable.Range(0, 2000).Select(i => pixels[i * 2400 % pixels.Length / 3 * 3]).Distinct().Count() > 3);
        var jpeg = SampleImages.Encode(pixels, SampleArtwork.Width, SampleArtwork.Height, 3, "jpg", 90);
        Assert.Equal(0xFF, jpeg[0]);
        Assert.Equal(0xD8, jpeg[1]);
    }
}
