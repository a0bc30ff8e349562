using System.Text;

namespace Network.Core.Text;

/// <summary>
/// Addresses made from titles: French transliteration ("Numérisation 3D de la cathédrale" →
/// "numerisation-3d-de-la-cathedrale"), ASCII letters, digits and single hyphens only.
/// </summary>
public static class Slugs
{
    public const int MaxLength = 120;

    public static string FromTitle(string? title, int maxLength = MaxLength)
    {
        var folded = TextFolding.Fold(title);
        var builder = new StringBuilder(folded.Length);
        var pendingHyphen = false;
        foreach (var c in folded)
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9')
            {
                if (pendingHyphen && builder.Length > 0) builder.Append('-');
                pendingHyphen = false;
                builder.Append(c);
            }
            else pendingHyphen = true;
        }
        var slug = builder.ToString();
        if (slug.Length <= maxLength) return slug;
        // Cut at a word boundary when there is one not too far back.
        var cut = slug.LastIndexOf('-', maxLength);
        return (cut > maxLength / 2 ? slug[..cut] : slug[..maxLength]).TrimEnd('-');
    }

    /// <summary>Whether a slug typed by an editor is already in canonical form.</summary>
    public static bool IsValid(string? slug)
        => !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && FromTitle(slug) == slug;
}
