using Network.Core.Text;
using Network.Modules.Discussions.Services;

namespace Network.Tests.Discussions;

/// <summary>Comments go through SafeMarkdown's restricted mode: the same sanitising, no headings, no images, links marked as user content.</summary>
public sealed class CommentMarkdownTests
{
    private static string Render(string markdown) => new SafeMarkdown().Render(markdown, "/hauts-de-france", "site externe", topLevel: 4, restricted: true).ToString()!;

    [Fact]
    public void Headings_become_paragraphs_and_images_disappear()
    {
        var html = Render("# Titre\n\n## Sous-titre\n\nTexte ![une image](/media/1.jpg) fin.");
        Assert.DoesNotContain("<h", html);
        Assert.Contains("<p>Titre</p>", html);
        Assert.Contains("<p>Sous-titre</p>", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void The_usual_sanitising_applies_and_external_links_say_they_are_user_content()
    {
        var html = Render("<script>alert(1)</script> [clic](javascript:alert(1)) [site](https://exemple.fr) [interne](/pratiques)");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("rel=\"noopener noreferrer external nofollow ugc\"", html);
        Assert.Contains("href=\"/hauts-de-france/pratiques\"", html);
        // Outside comments, links keep their usual rel.
        Assert.DoesNotContain("ugc", new SafeMarkdown().Render("[site](https://exemple.fr)", "").ToString());
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("Aucun lien ici.", 0)]
    [InlineData("https://a.example et <https://b.example>", 2)]
    [InlineData("[a](https://a.example) [b](/b) ![image](/c.png)", 2)]
    public void Links_are_counted_as_the_renderer_sees_them(string markdown, int expected) => Assert.Equal(expected, SafeMarkdown.CountLinks(markdown));

    [Fact]
    public void Comment_text_rules()
    {
        Assert.Equal(CommentText.Empty, CommentText.Check("  ", 3).Problem);
        Assert.Equal(CommentText.TooLong, CommentText.Check(new string('x', 5_001), 3).Problem);
        Assert.Equal(CommentText.TooManyLinks, CommentText.Check("https://a.fr https://b.fr", 1).Problem);
        Assert.Equal("Bonjour", CommentText.Check("  Bonjour \r\n", 3).Text);
    }
}
