using System.Text;
using Network.Modules.Search.Analysis;

namespace Network.Modules.Search.Query;

/// <summary>
/// The FTS5 MATCH expression of a parsed query, built only from analysed terms, each in double quotes (terms hold
/// letters and digits only), so no input can reach FTS5 as an operator. Also the set of terms to highlight.
/// </summary>
public sealed record MatchExpression(string Fts, IReadOnlySet<string> HighlightTerms, IReadOnlyList<string> HighlightPrefixes)
{
    /// <summary>
    /// The same expression as FTS5 phrases: every clause must have one of its phrases, no excluded phrase may be present.
    /// A phrase appearing several times in <see cref="Fts"/> appears as many times here (BM25 sums over occurrences).
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> Clauses { get; init; } = [];

    /// <summary>
    /// The first letters of <see cref="HighlightTerms"/> and <see cref="HighlightPrefixes"/>: the highlighter stems only
    /// the words starting with one of them (a Snowball stem keeps its word's first letter), the others cannot match.
    /// </summary>
    public string HighlightFirstLetters => _firstLetters ??= new string(HighlightTerms.Concat(HighlightPrefixes)
        .Where(t => t.Length > 0).Select(t => t[0]).Distinct().ToArray());

    private string? _firstLetters;

    /// <summary>Phrases that must be absent.</summary>
    public IReadOnlyList<string> ExcludedPhrases { get; init; } = [];

    /// <summary>The expression, or null when no clause has a term left (only stop words, only symbols).</summary>
    public static MatchExpression? Build(ParsedQuery query, TextAnalyzer analyzer)
    {
        var highlight = new HashSet<string>(StringComparer.Ordinal);
        var prefixes = new List<string>();
        var clauses = new List<string>();
        var clausePhrases = new List<IReadOnlyList<string>>();
        foreach (var clause in query.Required)
        {
            var alternatives = clause.Alternatives.Select(t => TermPhrases(t, analyzer, highlight, prefixes)).OfType<List<string>>()
                .DistinctBy(Expression).ToList();
            if (alternatives.Count == 0) continue;
            clauses.Add(alternatives.Count == 1 ? Expression(alternatives[0]) : "(" + string.Join(" OR ", alternatives.Select(Expression)) + ")");
            clausePhrases.Add(alternatives.SelectMany(a => a).ToList());
        }
        if (clauses.Count == 0) return null;
        var fts = new StringBuilder(string.Join(" AND ", clauses));
        var excludedPhrases = new List<string>();
        foreach (var excluded in query.Excluded)
        {
            if (TermPhrases(excluded, analyzer, null, null) is not { } phrases) continue;
            fts.Append(" NOT ").Append(Expression(phrases));
            excludedPhrases.AddRange(phrases);
        }
        return new MatchExpression(fts.ToString(), highlight, prefixes) { Clauses = clausePhrases, ExcludedPhrases = excludedPhrases };
    }

    /// <summary>Alternative phrases as one FTS5 expression.</summary>
    private static string Expression(List<string> phrases) => phrases.Count == 1 ? phrases[0] : "(" + string.Join(" OR ", phrases) + ")";

    private static List<string>? TermPhrases(SearchTerm term, TextAnalyzer analyzer, HashSet<string>? highlight, List<string>? prefixes)
    {
        switch (term.Kind)
        {
            case SearchTermKind.Prefix:
            {
                // The prefix is stemmed too, so "numéri*" reaches "numérique" (stem "numer") as well as "numérisation".
                var stem = analyzer.Term(term.Words[0]);
                if (stem is null) return null;
                prefixes?.Add(stem);
                return [Quote(stem) + "*"];
            }
            case SearchTermKind.Phrase:
            {
                var terms = term.Words.Select(w => analyzer.Term(w)).OfType<string>().ToList();
                if (terms.Count == 0) return null;
                highlight?.UnionWith(terms);
                return [Quote(string.Join(' ', terms))];
            }
            default:
            {
                var terms = analyzer.QueryTerms(term.Words[0]);
                if (terms.Count == 0) return null;
                highlight?.UnionWith(terms);
                return terms.Select(Quote).ToList();
            }
        }
    }

    private static string Quote(string terms) => "\"" + terms.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
