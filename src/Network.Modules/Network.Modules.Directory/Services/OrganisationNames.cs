using System.Globalization;
using System.Text;

namespace Network.Modules.Directory.Services;

/// <summary>
/// Names as the directory compares them: showcases, practices and events cite organisations as free text, so
/// "Archives départementales de la Somme", "archives departementales de la Somme." and "ARCHIVES DÉPARTEMENTALES DE LA
/// SOMME" must be the same organisation. Folding: no accents, lower case, apostrophes and punctuation as spaces, the
/// ligatures written out, spaces collapsed. Nothing fuzzier: a near miss must not credit one museum with another's work.
/// </summary>
public static class OrganisationNames
{
    public static string Normalise(string? name)
    {
        if (string.IsNullOrWhiteSpace(name)) return "";
        var decomposed = name.Trim().Replace("œ", "oe").Replace("Œ", "OE").Replace("æ", "ae").Replace("Æ", "AE").Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0) builder.Append(' ');
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else space = true;
        }
        return builder.ToString();
    }

    /// <summary>Every normalised name of an organisation: its name and its other names.</summary>
    public static HashSet<string> KeysOf(string title, IEnumerable<string> otherNames)
        => new[] { title }.Concat(otherNames).Select(Normalise).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
}
