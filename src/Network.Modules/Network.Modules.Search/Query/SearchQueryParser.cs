
namespace Network.Modules.Search.Query;

/// <summary>How a query term matches.</summary>
public enum SearchTermKind
{
    /// <summary>One word, in any inflection.</summary>
    Word,

    /// <summary>Words in this order, next to each other ("exact phrase"; stop words between them do not count).</summary>
    Phrase,

    /// <summary>Words starting with the typed letters (prefix*).</summary>
    Prefix,
}

/// <summary>What a visitor typed for one term: the words as typed (analysed later) and how they match.</summary>
public sealed record SearchTerm(IReadOnlyList<string> Words, SearchTermKind Kind);

/// <summary>A term that must match, or one of several alternatives joined by OR.</summary>
public sealed record SearchClause(IReadOnlyList<SearchTerm> Alternatives);

/// <summary>A parsed query: every required clause must match, no excluded term may.</summary>
public sealed record ParsedQuery(string Text, IReadOnlyList<SearchClause> Required, IReadOnlyList<SearchTerm> Excluded, bool Truncated)
{
    public bool IsEmpty => Required.Count == 0;
}

/// <summary>
/// Reads the syntax people already know from web search: words (all must match), <c>"exact phrase"</c>, <c>-excluded</c>,
/// <c>prefix*</c> and <c>OR</c> between two terms. Anything else is plain words: FTS5 operators, brackets, colons and
/// carets are never passed on (the match expression is built from analysed terms only), a quote left open is ignored,
/// an exclusion with nothing to exclude from becomes a word, control characters are spaces (<see cref="SearchInput"/>), and a very long query
/// keeps its first <see cref="MaxTerms"/> terms. Never throws.
/// </summary>
public sealed class SearchQueryParser(Analysis.TextAnalyzer analyzer)
{
    /// <summary>Characters read from the query; the rest is ignored.</summary>
    public const int MaxLength = 1_000;

    /// <summary>Terms kept (required and excluded together).</summary>
    public const int MaxTerms = 16;

    /// <summary>Shortest prefix searched as a prefix; a shorter one is a word.</summary>
    public const int MinPrefixLength = 2;

    public ParsedQuery Parse(string? text)
    {
        var input = SearchInput.Clean(text, MaxLength, out var truncated);
        var required = new List<List<SearchTerm>>();
        var excluded = new List<SearchTerm>();
        var joinNext = false;
        var position = 0;
        var count = 0;

        while (position < input.Length)
        {
            if (char.IsWhiteSpace(input[position])) { position++; continue; }

            var negated = false;
            if (input[position] == '-' && position + 1 < input.Length && !char.IsWhiteSpace(input[position + 1]) && input[position + 1] != '-')
            {
                negated = true;
                position++;
            }

            SearchTerm? term;
            if (input[position] == '"' && input.IndexOf('"', position + 1) is var close and > 0)
            {
                var words = analyzer.Words(input[(position + 1)..close]);
                term = words.Count switch { 0 => null, 1 => new SearchTerm(words, SearchTermKind.Word), _ => new SearchTerm(words, SearchTermKind.Phrase) };
                position = close + 1;
            }
            else
            {
                var end = position;
                while (end < input.Length && !char.IsWhiteSpace(input[end]) && !(input[end] == '"' && end > position)) end++;
                var token = input[position..end];
                position = end;
                if (token == "OR" && !negated)
                {
                    joinNext = required.Count > 0;
                    continue;
                }
                term = TermOf(token);
            }

            if (term is null || count >= MaxTerms)
            {
                if (term is not null) truncated = true;
                joinNext = false;
                continue;
            }
            count++;
            if (negated) excluded.Add(term);
            else if (joinNext) required[^1].Add(term);
            else required.Add([term]);
            joinNext = false;
        }

        // "-word" alone cannot be searched: it is a word then.
        if (required.Count == 0 && excluded.Count > 0)
        {
            required.AddRange(excluded.Select(e => new List<SearchTerm> { e }));
            excluded.Clear();
        }
        return new ParsedQuery(input, required.Select(r => new SearchClause(r)).ToList(), excluded, truncated);
    }

    private SearchTerm? TermOf(string token)
    {
        var prefix = token.EndsWith('*');
        var words = analyzer.Words(token);
        if (words.Count == 0) return null;
        if (words.Count > 1) return new SearchTerm(words, SearchTermKind.Phrase);
        return prefix && words[0].Length >= MinPrefixLength && token.TrimEnd('*').EndsWith(words[0], StringComparison.Ordinal)
            ? new SearchTerm(words, SearchTermKind.Prefix)
            : new SearchTerm(words, SearchTermKind.Word);
    }
}
