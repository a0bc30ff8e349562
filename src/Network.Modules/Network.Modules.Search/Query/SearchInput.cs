using System.Globalization;
using System.Text;

namespace Network.Modules.Search.Query;

/// <summary>
/// Text a visitor sent to the search (the query, a facet value), made safe to read, echo and put back in a URL:
/// control and format characters, the replacement character and unpaired surrogates count as spaces, runs of white
/// space become one space, the ends are trimmed, and the length is capped without ever cutting a surrogate pair.
/// </summary>
public static class SearchInput
{
    public static string Clean(string? text, int maxLength) => Clean(text, maxLength, out _);

    /// <param name="truncated">Whether something beyond <paramref name="maxLength"/> was left out.</param>
    public static string Clean(string? text, int maxLength, out bool truncated)
    {
        truncated = false;
        if (string.IsNullOrEmpty(text)) return "";
        var builder = new StringBuilder(Math.Min(text.Length, maxLength));
        var space = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\uFFFD' || (char.IsSurrogate(c) && !pair)
                || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format)
            {
                space = builder.Length > 0;
                continue;
            }
            if (builder.Length + (space ? 1 : 0) + (pair ? 2 : 1) > maxLength)
            {
                truncated = true;
                break;
            }
            if (space) builder.Append(' ');
            space = false;
            builder.Append(c);
            if (pair) builder.Append(text[++i]);
        }
        return builder.ToString();
    }
}
