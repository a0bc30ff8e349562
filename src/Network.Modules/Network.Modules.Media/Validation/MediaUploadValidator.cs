using System.Globalization;
using Microsoft.Extensions.Options;
using Network.Modules.Media.Services;

namespace Network.Modules.Media.Validation;

/// <summary>
/// A message for the person uploading: a French format string and its arguments, localized where it is shown
/// (<c>T[message.Format, message.Arguments]</c>); <see cref="ToString"/> gives the French text.
/// </summary>
public sealed record MediaMessage(string Format, params object[] Arguments)
{
    public override string ToString() => string.Format(CultureInfo.GetCultureInfo("fr"), Format, Arguments);
}

/// <summary>The outcome of <see cref="MediaUploadValidator.Validate"/>: the sniffed format, or why the file is refused.</summary>
public sealed record MediaValidation(MediaFormat? Format, int? Width, int? Height, IReadOnlyList<MediaMessage> Errors)
{
    public bool IsValid => Errors.Count == 0 && Format is not null;
}

/// <summary>
/// Decides from the bytes alone whether an upload may enter the library: the type is sniffed (never trusted from
/// the name or the Content-Type, which must both agree with it), the size and pixel limits are checked before
/// anything is decoded, PDFs must be complete. Images are then fully decoded by <see cref="Imaging.ImageProcessor"/>,
/// which refuses truncated or corrupt pixels.
/// </summary>
public sealed class MediaUploadValidator(IOptions<MediaOptions> options)
{
    private readonly MediaOptions _options = options.Value;

    public long MaxFileBytes => _options.MaxFileBytes;

    /// <param name="data">The file's bytes (at most <see cref="MaxFileBytes"/> + 1 of them are needed).</param>
    /// <param name="totalLength">The file's whole length, when more was sent than <paramref name="data"/> holds.</param>
    public MediaValidation Validate(string fileName, string? declaredContentType, ReadOnlySpan<byte> data, long? totalLength = null)
    {
        var name = MediaFileNames.Display(fileName);
        var length = Math.Max(totalLength ?? 0, data.Length);
        if (length == 0) return Refused(new MediaMessage("Le fichier « {0} » est vide.", name));
        if (length > _options.MaxFileBytes)
            return Refused(new MediaMessage("Le fichier « {0} » pèse {1} : la limite est de {2} par fichier.", name, FormatSize(length), FormatSize(_options.MaxFileBytes)));

        var extension = Path.GetExtension(name).ToLowerInvariant();
        var byName = MediaFormat.FromExtension(extension);
        var sniffed = FileSniffer.Sniff(data);
        if (sniffed.Format is not { } format) return Refused(RefusedKindMessage(name, byName, sniffed.Kind));

        if (byName is null)
        {
            return Refused(extension.Length == 0
                ? new MediaMessage("Le fichier « {0} » n'a pas d'extension : c'est {1}, nommez-le avec l'extension {2}.", name, format.Label, format.Extensions[0])
                : new MediaMessage("L'extension « {0} » du fichier « {1} » n'est pas acceptée : c'est {2}, nommez-le avec l'extension {3}.", extension, name, format.Label, format.Extensions[0]));
        }
        if (byName != format)
            return Refused(new MediaMessage("Le fichier « {0} » est en réalité {1} et non {2} : renommez-le avec l'extension {3} ou choisissez le bon fichier.", name, format.Label, byName.Label, format.Extensions[0]));
        // Browsers send application/octet-stream (or nothing) for types they do not know: that says nothing.
        var declared = declaredContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (declared is { Length: > 0 } && declared != "application/octet-stream" && MediaFormat.FromContentType(declared) != format)
            return Refused(new MediaMessage("Le fichier « {0} » est annoncé comme « {1} » mais c'est {2} : il est refusé.", name, declared, format.Label));

        if (format == MediaFormat.Pdf)
        {
            return data.LastIndexOf("%%EOF"u8) < 0
                ? Refused(new MediaMessage("Le document « {0} » est incomplet ou endommagé (fin de fichier PDF absente) : il est refusé.", name))
                : new MediaValidation(format, null, null, []);
        }
        if (sniffed.Width is not { } width || sniffed.Height is not { } height)
            return Refused(new MediaMessage("L'image « {0} » est endommagée : ses dimensions sont illisibles.", name));
        var megapixels = (double)width * height / 1_000_000;
        if (megapixels > _options.MaxMegapixels)
            return Refused(new MediaMessage("L'image « {0} » mesure {1} × {2} pixels ({3} mégapixels) : la limite est de {4} mégapixels. Réduisez-la avant de la déposer.",
                name, width.ToString("N0", French), height.ToString("N0", French), megapixels.ToString("0.#", French), _options.MaxMegapixels.ToString("0.#", French)));
        return new MediaValidation(format, width, height, []);
    }

    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr");

    /// <summary>« 20 Mo », « 25,3 Mo », « 512 Ko ».</summary>
    public static string FormatSize(long bytes) => bytes >= 1024 * 1024
        ? (bytes / 1024d / 1024).ToString("0.#", French) + " Mo"
        : Math.Max(1, (long)Math.Ceiling(bytes / 1024d)).ToString(French) + " Ko";

    private static MediaValidation Refused(MediaMessage message) => new(null, null, null, [message]);

    private static MediaMessage RefusedKindMessage(string name, MediaFormat? byName, SniffedKind kind)
    {
        var what = kind switch
        {
            SniffedKind.Executable => "c'est un programme exécutable",
            SniffedKind.Archive => "c'est une archive compressée (ZIP ou autre)",
            SniffedKind.Markup => "c'est une page HTML, un dessin SVG ou un document XML, qui peut contenir du code",
            SniffedKind.Text => "il contient du texte",
            _ => "son contenu ne correspond à aucun format accepté",
        };
        return byName is null
            ? new MediaMessage("Le fichier « {0} » est refusé : {1}. Formats acceptés : images JPEG, PNG, WebP et GIF, documents PDF.", name, what)
            : new MediaMessage("Le fichier « {0} » n'est pas {1} : {2}. Il est refusé.", name, byName.Label, what);
    }
}

/// <summary>File names as people gave them, made safe to show, store and send back.</summary>
public static class MediaFileNames
{
    /// <summary>The name without any folder part or control character, at most 200 characters.</summary>
    public static string Display(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c != '"').ToArray()).Trim();
        if (name.Length == 0) name = "fichier";
        return name.Length <= 200 ? name : name[..(200 - Path.GetExtension(name).Length)] + Path.GetExtension(name);
    }

    /// <summary>A slug for a document's URL and download name: "Rapport annuel 2024 (v2).pdf" → "rapport-annuel-2024-v2".</summary>
    public static string Slug(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(Display(fileName)).Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder();
        foreach (var c in stem)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (lower is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(lower);
            else if (lower is 'œ') builder.Append("oe");
            else if (lower is 'æ') builder.Append("ae");
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length > 80) slug = slug[..80].Trim('-');
        return slug.Length == 0 ? "document" : slug;
    }
}
