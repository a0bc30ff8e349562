using System.Text;
using Network.Modules.Search.Analysis;
using Network.Modules.Search.Query;

namespace Network.Modules.Search.Index;

/// <summary>
/// Titles and snippets as safe HTML from the stored original text: every character escaped, the words whose term the
/// query matched (a highlight term, or a term starting with a highlight prefix) wrapped in <c>&lt;mark&gt;</c>.
/// </summary>
internal sealed class Highlighter(TextAnalyzer analyzer)
{
    /// <summary>Words shown in a snippet.</summary>
    public const int SnippetWords = 30;

    // Per thread, reused from hit to hit: a search analyses ten titles, summaries and body starts.
    [ThreadStatic] private static List<AnalyzedToken>? _tokens;
    [ThreadStatic] private static List<AnalyzedToken>? _summaryTokens;
    [ThreadStatic] private static List<AnalyzedToken>? _chunk;
    [ThreadStatic] private static List<int>? _matched;
    [ThreadStatic] private static HashSet<string>? _windowTerms;

    public string Title(string title, string language, MatchExpression? match)
    {
        var tokens = Tokens(title, language, match);
        return Render(title, tokens, 0, tokens.Count, match, 0, title.Length);
    }

    /// <summary>The ~30-word window of the summary, else the body, holding the most matched words (the summary's start when none).</summary>
    public string Snippet(string summary, string body, string language, MatchExpression? match)
    {
        var summaryTokens = _summaryTokens ??= new List<AnalyzedToken>(64);
        summaryTokens.Clear();
        analyzer.Tokens(summary, language == TextAnalyzer.English ? TextAnalyzer.English : TextAnalyzer.French, summaryTokens, FirstLetters(match));
        var (summaryStart, summaryScore) = BestWindow(summaryTokens, match);
        if (summaryScore > 0 || body.Length == 0) return Window(summary, summaryTokens, summaryStart);
        var bodyTokens = TokensUntilWindow(body, language, match);
        var (bodyStart, bodyScore) = BestWindow(bodyTokens, match);
        if (bodyScore == 0 && summary.Length > 0) return Window(summary, summaryTokens, summaryStart);
        return Window(body, bodyTokens, bodyStart);

        string Window(string text, List<AnalyzedToken> tokens, int start)
        {
            if (tokens.Count == 0) return "";
            var end = Math.Min(tokens.Count, start + SnippetWords);
            var from = start == 0 ? 0 : tokens[start].Start;
            // The text goes on past the window when a token follows it or, for a body analysed in part, a word does.
            var last = tokens[end - 1].Start + tokens[end - 1].Length;
            var more = end < tokens.Count || HasWord(text.AsSpan(last));
            var html = Render(text, tokens, start, end, match, from, more ? last : text.Length);
            return (start > 0 ? "… " : "") + html + (more ? " …" : "");
        }
    }

    private static bool HasWord(ReadOnlySpan<char> text)
    {
        foreach (var c in text) if (char.IsLetterOrDigit(c)) return true;
        return false;
    }

    private static List<AnalyzedToken> TokensList() => _tokens ??= new List<AnalyzedToken>(1024);

    private List<AnalyzedToken> Tokens(string text, string language, MatchExpression? match)
    {
        var tokens = TokensList();
        tokens.Clear();
        analyzer.Tokens(text, language == TextAnalyzer.English ? TextAnalyzer.English : TextAnalyzer.French, tokens, FirstLetters(match));
        return tokens;
    }

    private static string FirstLetters(MatchExpression? match) => match?.HighlightFirstLetters ?? "";

    /// <summary>Characters analysed at a time when looking for the snippet in a body.</summary>
    private const int ChunkLength = 1_500;

    /// <summary>
    /// Characters of a body searched for a snippet: a document found by its title alone would otherwise have its whole
    /// body analysed for nothing; past this, the summary (or the body's start) is the snippet.
    /// </summary>
    private const int MaxSnippetSearch = 4_000;

    /// <summary>
    /// The body's tokens up to a window that holds a matched word of every clause of the query and enough words after
    /// it: a long body is analysed only as far as its first good window (the snippet is that window, not necessarily
    /// the best further down), which keeps ten hits' snippets well under a millisecond.
    /// </summary>
    private List<AnalyzedToken> TokensUntilWindow(string text, string language, MatchExpression? match)
    {
        var tokens = TokensList();
        tokens.Clear();
        var lang = language == TextAnalyzer.English ? TextAnalyzer.English : TextAnalyzer.French;
        var wanted = Math.Max(1, match?.Clauses.Count ?? 1);
        var chunk = _chunk ??= new List<AnalyzedToken>(256);
        var position = 0;
        while (position < text.Length && position < MaxSnippetSearch)
        {
            var end = Math.Min(text.Length, position + ChunkLength);
            // Cut at a space so that no word is split between two chunks.
            while (end < text.Length && end < position + ChunkLength + 200 && !char.IsWhiteSpace(text[end])) end++;
            chunk.Clear();
            analyzer.Tokens(text.AsSpan(position, end - position), lang, chunk, FirstLetters(match));
            foreach (var token in chunk) tokens.Add(token with { Start = token.Start + position });
            position = end;
            var (start, score) = BestWindow(tokens, match);
            // Strictly more words than the window: the window then ends on a token, not at the end of the text.
            if (score / 1000 >= wanted && tokens.Count - start > SnippetWords) break;
        }
        return tokens;
    }

    /// <summary>The first token of the window with the most matched words (distinct terms first, then occurrences).</summary>
    private static (int Start, int Score) BestWindow(List<AnalyzedToken> tokens, MatchExpression? match)
    {
        if (match is null || tokens.Count == 0) return (0, 0);
        var matched = _matched ??= new List<int>(64);
        matched.Clear();
        for (var i = 0; i < tokens.Count; i++) if (IsMatch(tokens[i].Term, match)) matched.Add(i);
        if (matched.Count == 0) return (0, 0);
        var bestStart = 0;
        var bestScore = 0;
        var terms = _windowTerms ??= new HashSet<string>(StringComparer.Ordinal);
        for (var first = 0; first < matched.Count; first++)
        {
            terms.Clear();
            var occurrences = 0;
            for (var j = first; j < matched.Count && matched[j] < matched[first] + SnippetWords; j++)
            {
                terms.Add(tokens[matched[j]].Term!);
                occurrences++;
            }
            var score = terms.Count * 1000 + occurrences;
            if (score > bestScore)
            {
                bestScore = score;
                // A few words of context before the first match.
                bestStart = Math.Max(0, matched[first] - 5);
            }
        }
        return (bestStart, bestScore);
    }

    private static bool IsMatch(string? term, MatchExpression? match)
    {
        if (term is null || match is null) return false;
        if (match.HighlightTerms.Contains(term)) return true;
        foreach (var prefix in match.HighlightPrefixes) if (term.StartsWith(prefix, StringComparison.Ordinal)) return true;
        return false;
    }

    private static string Render(string text, List<AnalyzedToken> tokens, int first, int end, MatchExpression? match, int from, int to)
    {
        var html = new StringBuilder((to - from) + 32);
        var position = from;
        for (var i = first; i < end; i++)
        {
            var token = tokens[i];
            if (!IsMatch(token.Term, match)) continue;
            Escape(html, text.AsSpan(position, token.Start - position));
            html.Append("<mark>");
            Escape(html, text.AsSpan(token.Start, token.Length));
            html.Append("</mark>");
            position = token.Start + token.Length;
        }
        Escape(html, text.AsSpan(position, Math.Max(0, to - position)));
        return html.ToString();
    }

    /// <summary>HTML-escapes text; control characters and lone surrogates become spaces.</summary>
    public static void Escape(StringBuilder html, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '&': html.Append("&amp;"); break;
                case '<': html.Append("&lt;"); break;
                case '>': html.Append("&gt;"); break;
                case '"': html.Append("&quot;"); break;
                case '\'': html.Append("&#39;"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) { html.Append(c).Append(text[++i]); }
                    else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\n' or '\t'))) html.Append(' ');
                    else html.Append(c);
                    break;
            }
        }
    }
}
