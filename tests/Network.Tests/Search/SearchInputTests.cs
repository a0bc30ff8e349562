using Network.Modules.Search.Query;

namespace Network.Tests.Search;

public sealed class SearchInputTests
{
    [Fact]
    public void Control_format_and_replacement_characters_and_lone_surrogates_are_spaces_and_runs_collapse()
        => Assert.Equal("musée numérique art", SearchInput.Clean("  musée\0\t\u200Bnumérique\uFFFD\uD800art \n", 100));

    [Fact]
    public void The_cap_never_cuts_a_surrogate_pair_and_says_it_cut()
    {
        Assert.Equal("ab", SearchInput.Clean("ab\U0001F600", 3, out var truncated));
        Assert.True(truncated);
        Assert.Equal("ab\U0001F600", SearchInput.Clean("ab\U0001F600", 4, out truncated));
        Assert.False(truncated);
    }
}
