using Network.Core.Text;
using Network.Modules.Content.Lists;

namespace Network.Modules.Content.Services;

/// <summary>
/// Free keywords of any content type: typed with commas, stored as written, filtered on by their address form
/// (the facet value), shown with the label as first written.
/// </summary>
public static class ContentTags
{
    /// <summary>Tags as typed ("Réalité virtuelle, médiation ,  ,réalité VIRTUELLE") → trimmed, single-spaced, without duplicates (same address).</summary>
    public static List<string> Parse(string? input)
        => Normalise((input ?? "").Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries));

    public static List<string> Normalise(IEnumerable<string?> tags)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var raw in tags)
        {
            var tag = string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            if (tag.Length == 0) continue;
            var key = Slugs.FromTitle(tag);
            if (key.Length == 0 ? seen.Add("\0" + tag) : seen.Add(key)) result.Add(tag);
        }
        return result;
    }

    /// <summary>The filter value of a tag: its address form ("Réalité virtuelle" → "realite-virtuelle").</summary>
    public static string Value(string tag, int maxLength) => Slugs.FromTitle(tag, maxLength);

    /// <summary>French problems of a list of tags, under the field <paramref name="field"/>.</summary>
    public static IEnumerable<(string Field, string Message)> Validate(IReadOnlyList<string> tags, int maxCount, int maxLength, string field = "Tags")
    {
        if (tags.Count > maxCount) yield return (field, $"{maxCount} mots-clés au plus.");
        foreach (var tag in tags)
        {
            if (string.IsNullOrWhiteSpace(tag) || Value(tag, maxLength).Length == 0)
                yield return (field, "Chaque mot-clé doit contenir au moins une lettre ou un chiffre.");
            else if (tag.Length > maxLength)
                yield return (field, $"Le mot-clé « {tag[..maxLength]}… » dépasse {maxLength} caractères.");
        }
        if (tags.Select(t => Value(t, maxLength)).Distinct().Count() != tags.Count)
            yield return (field, "Un mot-clé est en double.");
    }

    /// <summary>Tag address → the tag as first written, from the listed items.</summary>
    public static Dictionary<string, string> Labels(IEnumerable<ContentCard> cards, Func<ContentCard, IEnumerable<string>> tagsOf, int maxLength)
    {
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var card in cards)
        {
            foreach (var tag in tagsOf(card)) labels.TryAdd(Value(tag, maxLength), tag);
        }
        return labels;
    }
}
