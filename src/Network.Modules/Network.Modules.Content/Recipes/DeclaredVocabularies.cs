namespace Network.Modules.Content.Recipes;

/// <summary>The vocabulary values a recipe's Vocabularies steps declare, for its Content steps to check items against.</summary>
public sealed class DeclaredVocabularies
{
    private readonly Dictionary<string, HashSet<string>> _terms = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, HashSet<string>> All => _terms;

    public HashSet<string> Terms(string vocabulary)
    {
        if (!_terms.TryGetValue(vocabulary, out var terms)) _terms[vocabulary] = terms = new HashSet<string>(StringComparer.Ordinal);
        return terms;
    }
}
