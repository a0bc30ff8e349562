using Network.Modules.Search.Analysis;

namespace Network.Tests.Search;

public sealed class TextAnalyzerTests
{
    private readonly TextAnalyzer _analyzer = new();

    [Theory]
    [InlineData("numerique", "Numériques")]
    [InlineData("numérique", "NUMERIQUE")]
    [InlineData("musées", "musée")]
    [InlineData("Musee", "musées")]
    [InlineData("numérisé", "numérisation")]
    [InlineData("numériser", "numérisés")]
    [InlineData("patrimoniale", "patrimoniaux")]
    [InlineData("œuvres", "oeuvre")]
    [InlineData("bibliothèques", "Bibliotheque")]
    [InlineData("expositions", "l'exposition")]
    [InlineData("Numériques", "Nume\u0301riques")]
    public void Inflections_and_accents_give_one_term(string a, string b)
        => Assert.Equal(_analyzer.Terms(a), _analyzer.Terms(b));

    [Theory]
    [InlineData("museums", "museum")]
    [InlineData("digitisation", "digitised")]
    [InlineData("libraries", "library")]
    public void English_inflections_give_one_term(string a, string b)
        => Assert.Equal(_analyzer.Terms(a, TextAnalyzer.English), _analyzer.Terms(b, TextAnalyzer.English));

    [Fact]
    public void Elisions_are_split_and_stop_words_dropped()
    {
        Assert.Equal(_analyzer.Terms("exposition musée ville"), _analyzer.Terms("L’exposition du musée de la ville"));
        Assert.Equal(_analyzer.Terms("aujourd hui"), _analyzer.Terms("aujourd'hui"));
        Assert.Equal(_analyzer.Terms("usag"), _analyzer.Terms("qu'usage"));
        Assert.Equal("", _analyzer.Terms("le la les de du des"));
    }

    [Fact]
    public void Numbers_and_mixed_words_are_kept()
        => Assert.Equal("3d 2024 haut franc", _analyzer.Terms("3D, 2024 ; Hauts-de-France"));

    [Fact]
    public void Tokens_keep_their_offsets()
    {
        var tokens = new List<AnalyzedToken>();
        const string text = "Les musées d'Amiens";
        _analyzer.Tokens(text, TextAnalyzer.French, tokens);
        Assert.Equal(["Les", "musées", "Amiens"], tokens.Select(t => text.Substring(t.Start, t.Length)));
        Assert.Null(tokens[0].Term);
        Assert.Equal(_analyzer.Term("musée"), tokens[1].Term);
    }
}
