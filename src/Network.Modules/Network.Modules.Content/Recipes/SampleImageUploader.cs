using System.Text.Json.Nodes;
using Network.Modules.Media;
using Network.Modules.Media.Imaging;
using Network.Modules.Media.Services;

namespace Network.Modules.Content.Recipes;

/// <summary>
/// Draws the picture an item of a content file describes (<see cref="SampleArtwork"/>), encodes it with libvips and
/// stores it through the tenant's media library like any upload: same validation, variants, alt text and credit.
/// </summary>
internal sealed class SampleImageUploader(MediaLibrary library)
{
    /// <param name="name">File name without extension (the item's slug and the image's rank): it also seeds the drawing.</param>
    public async Task<ImageRef> UploadAsync(JsonObject image, string name, CancellationToken cancellationToken)
    {
        var motif = image["motif"]?.GetValue<string>() ?? SampleArtwork.Motifs[0];
        var palette = image["palette"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var decorative = image["decorative"]?.GetValue<bool>() ?? false;
        var alt = image["alt"]?.GetValue<string>();
        var credit = image["credit"]?.GetValue<string>() ?? ContentStep.DefaultCredit;
        var pixels = SampleArtwork.Pixels(motif, palette, StableSeed(name));
        var jpeg = SampleImages.Encode(pixels, SampleArtwork.Width, SampleArtwork.Height, 3, "jpg", 90);
        using var stream = new MemoryStream(jpeg, writable: false);
        var result = await library.UploadAsync(stream, name + ".jpg", "image/jpeg", alt, decorative, credit, "recette", cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"image « {name} » refusée : {string.Join(" ; ", result.Errors.Select(e => $"{e.Field} {e.Message}"))}");
        return MediaLibrary.ToImageRef(result.Item!, decorative ? null : alt, decorative);
    }

    /// <summary>The same name always draws the same picture (string.GetHashCode changes between runs).</summary>
    private static int StableSeed(string name)
    {
        var hash = 17;
        foreach (var c in name) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
