using Network.Modules.Search.Analysis;
using Network.Modules.Search.Index;

namespace Network.Tests.Search;

/// <summary>
/// The spelling vocabulary's candidates (words of the titles and summaries seen at least twice, within edit distance 2),
/// from its per-length buckets: two letters shorter or longer, folded words longer than the typed ones, words added after
/// the buckets were built, and the order (closest, then most frequent).
/// </summary>
public sealed class SpellingVocabularyTests
{
    private static SpellingVocabulary Vocabulary(params string[] texts)
    {
        var vocabulary = new SpellingVocabulary(new TextAnalyzer());
        vocabulary.Build(read => { foreach (var text in texts) read(text, ""); });
        return vocabulary;
    }

    [Fact]
    public void Candidates_come_from_words_within_two_edits_seen_twice()
    {
        var vocabulary = Vocabulary("patrimoine patrimoine", "patrimoines", "patrimoines", "patrimo patrimo", "oeuvres Œuvres", "matrimoine");
        // One letter longer first, then two longer and two shorter (equally frequent: in order); a word seen once is not offered.
        Assert.Equal(["patrimoine", "patrimo", "patrimoines"], vocabulary.Candidates("patrimoin"));
        Assert.Equal("patrimoine", vocabulary.Candidates("patrimoinne")[0]);
        // "Œuvres" folds to "oeuvres": one word, offered in its most frequent spelling.
        Assert.Equal(["oeuvres"], vocabulary.Candidates("oeuvre"));
        Assert.Empty(vocabulary.Candidates("zzzzzz"));
    }

    [Fact]
    public void Words_added_after_a_search_are_offered()
    {
        var vocabulary = Vocabulary("musée musée");
        Assert.Empty(vocabulary.Candidates("exposiion"));
        vocabulary.Add("Exposition", "une exposition");
        Assert.Equal(["exposition"], vocabulary.Candidates("exposiion"));
        vocabulary.Reset();
        Assert.Empty(vocabulary.Candidates("exposiion"));
    }
}
