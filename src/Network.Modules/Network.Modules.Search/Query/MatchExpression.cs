using System.Text;
using Network.Modules.Search.Analysis;

namespace Network.Modules.Search.Query;

/// <summary>
/// The FTS5 MATCH expression of a parsed query, built only from analysed terms, each in double quotes (terms hold
/// letters and digits only), so no input can reach FTS5 as an operator. Also the set of terms to highlight.
/// </summary>
public sealed record MatchExpression(string Fts, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightPrefixes)
{
    /// <summary>The expression, or null when no clause has a term left (only stop words, only symbols).</summary>
    public static MatchExpression? Build(ParsedQuery query, TextAnalyzer analyzer)
    {
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var clauses = new List<string>();
        foreach (var clause in query.Required)
        {
            var alternatives = clause.Alternatives.Select(t => TermExpression(t, analyzer, highlight, prefixes)).OfType<string>().Distinct().ToList();
            if (alternatives.Count == 0) continue;
            clauses.Add(alternatives.Count == 1 ? alternatives[0] : "(" + string.Join(" OR ", alternatives) + ")");
        }
        if (clauses.Count == 0) return null;
        var fts = new StringBuilder(string.Join(" AND ", clauses));
        foreach (var excluded in query.Excluded)
        {
            if (TermExpression(excluded, analyzer, null, null) is { } expression) fts.Append(" NOT ").Append(expression);
        }
        return new MatchExpression(fts.ToString(), highlight, prefixes);
    }

    private static string? TermExpression(SearchTerm term, TextAnalyzer analyzer, HashSet<string>? highlight, List<string>? prefixes)
    {
        switch (term.Kind)
        {
            case SearchTermKind.Prefix:
            {
                // The prefix is stemmed too, so "numéri*" reaches "numérique" (stem "numer") as well as "numérisation".
                var stem = analyzer.Term(term.Words[0]);
                if (stem is null) return null;
                prefixes?.Add(stem);
                return Quote(stem) + "*";
            }
            case SearchTermKind.Phrase:
            {
                var terms = term.Words.Select(w => analyzer.Term(w)).OfType<string>().ToList();
                if (terms.Count == 0) return null;
                highlight?.UnionWith(terms);
                return Quote(string.Join(' ', terms));
            }
            default:
            {
                var terms = analyzer.QueryTerms(term.Words[0]);
                if (terms.Count == 0) return null;
                highlight?.UnionWith(terms);
                return terms.Count == 1 ? Quote(terms[0]) : "(" + string.Join(" OR ", terms.Select(Quote)) + ")";
            }
        }
    }

    private static string Quote(string terms) => "\"" + terms.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
