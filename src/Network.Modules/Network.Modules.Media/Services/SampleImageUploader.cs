using System.Text.Json.Nodes;
using Network.Modules.Media.Imaging;

namespace Network.Modules.Media.Services;

/// <summary>
/// Draws the picture a recipe describes (<see cref="SampleArtwork"/>: motif, palette, alt, credit, decorative),
/// encodes it with libvips and stores it through the tenant's media library like any upload: same validation,
/// variants, alt text and credit. Used by the sample steps of every module (content items, the home page's hero).
/// </summary>
public sealed class SampleImageUploader(MediaLibrary library)
{
    public const string DefaultCredit = "Illustration générée pour l'exemple, Licence Ouverte";

    /// <summary>The fields of a sample image description, besides those a step adds for its own use.</summary>
    public static readonly string[] SpecFields = ["motif", "palette", "alt", "credit", "decorative"];

    /// <summary>Checks a sample image description (every problem, nothing written); <paramref name="error"/> gets (field, French message).</summary>
    public static void ValidateSpec(JsonObject image, Action<string, string> error)
    {
        var motif = Text(image, "motif", error, required: false);
        if (motif is not null && !SampleArtwork.Motifs.Contains(motif))
            error("motif", $"motif inconnu « {motif} » (motifs : {string.Join(", ", SampleArtwork.Motifs)})");
        if (image["palette"] is not null)
        {
            if (image["palette"] is not JsonArray palette || palette.Count is < 2 or > 6)
                error("palette", "doit être une liste de 2 à 6 couleurs « #rrggbb »");
            else
            {
                for (var c = 0; c < palette.Count; c++)
                {
                    if (palette[c] is not JsonValue v || !v.TryGetValue<string>(out var colour) || !SampleArtwork.TryParseColour(colour, out _))
                        error($"palette[{c}]", "doit être une couleur « #rrggbb »");
                }
            }
        }
        var decorative = image["decorative"] is JsonValue dv && dv.TryGetValue<bool>(out var dec) && dec;
        if (image["decorative"] is not null && !(image["decorative"] is JsonValue dv2 && dv2.TryGetValue<bool>(out _)))
            error("decorative", "doit être true ou false");
        var alt = Text(image, "alt", error, required: !decorative)?.Trim();
        if (!decorative && alt is { Length: < 10 }) error("alt", "décrivez l'image en une phrase (texte de remplacement)");
        Text(image, "credit", error, required: false);
    }

    /// <param name="name">File name without extension (the item's slug and the image's rank): it also seeds the drawing.</param>
    public async Task<ImageRef> UploadAsync(JsonObject image, string name, CancellationToken cancellationToken)
        => MediaLibrary.ToImageRef(await UploadItemAsync(image, name, cancellationToken), AltOf(image), IsDecorative(image));

    /// <summary>Same as <see cref="UploadAsync"/>, answering the library entry (for owners that store its id).</summary>
    public async Task<Data.MediaItem> UploadItemAsync(JsonObject image, string name, CancellationToken cancellationToken)
    {
        var motif = image["motif"]?.GetValue<string>() ?? SampleArtwork.Motifs[0];
        var palette = image["palette"]?.AsArray().Select(c => c!.GetValue<string>()).ToList();
        var decorative = IsDecorative(image);
        var alt = image["alt"]?.GetValue<string>();
        var credit = image["credit"]?.GetValue<string>() ?? DefaultCredit;
        var pixels = SampleArtwork.Pixels(motif, palette, StableSeed(name));
        var jpeg = SampleImages.Encode(pixels, SampleArtwork.Width, SampleArtwork.Height, 3, "jpg", 90);
        using var stream = new MemoryStream(jpeg, writable: false);
        var result = await library.UploadAsync(stream, name + ".jpg", "image/jpeg", alt, decorative, credit, "recette", cancellationToken);
        if (!result.Succeeded)
            throw new InvalidOperationException($"image « {name} » refusée : {string.Join(" ; ", result.Errors.Select(e => $"{e.Field} {e.Message}"))}");
        return result.Item!;
    }

    private static bool IsDecorative(JsonObject image) => image["decorative"]?.GetValue<bool>() ?? false;

    private static string? AltOf(JsonObject image) => IsDecorative(image) ? null : image["alt"]?.GetValue<string>();

    private static string? Text(JsonObject obj, string field, Action<string, string> error, bool required)
    {
        if (obj[field] is JsonValue value && value.TryGetValue<string>(out var text) && (!required || !string.IsNullOrWhiteSpace(text))) return text;
        if (obj[field] is null && !required) return null;
        error(field, obj[field] is null ? "champ obligatoire manquant" : required ? "doit être un texte non vide" : "doit être un texte");
        return null;
    }

    /// <summary>The same name always draws the same picture (string.GetHashCode changes between runs).</summary>
    private static int StableSeed(string name)
    {
        var hash = 17;
        foreach (var c in name) hash = unchecked(hash * 31 + c);
        return hash;
    }
}
