using Network.Core.Text;

namespace Network.Tests.Settings;

public sealed class SafeMarkdownTests
{
    private static string Render(string markdown, string pathBase = "") => new SafeMarkdown().Render(markdown, pathBase).ToString()!;

    [Fact]
    public void Raw_html_is_escaped_not_interpreted()
    {
        var html = Render("Bonjour <script>alert(1)</script> <b onclick=\"x()\">gras</b>\n\n<div style=\"color:red\">bloc</div>");
        Assert.DoesNotContain("<script", html);
        Assert.DoesNotContain("<b ", html);
        Assert.DoesNotContain("<div", html);
        Assert.Contains("&lt;script&gt;", html);
    }

    [Theory]
    [InlineData("[x](javascript:alert(1))")]
    [InlineData("[x](JavaScript:alert(1))")]
    [InlineData("[x](data:text/html;base64,PHNjcmlwdD4=)")]
    [InlineData("[x](vbscript:msgbox)")]
    [InlineData("[x](//evil.example/)")]
    [InlineData("<javascript:alert(1)>")]
    public void Unsafe_links_lose_their_address_but_keep_their_text(string markdown)
    {
        var html = Render(markdown);
        Assert.DoesNotContain("href", html);
        Assert.DoesNotContain("<a", html);
    }

    [Fact]
    public void Safe_links_are_kept_and_site_links_stay_in_the_tenant()
    {
        var html = Render("[CNIL](https://www.cnil.fr/) [écrire](mailto:contact@exemple.fr) [mentions](/mentions-legales) [ancre](#contact) https://www.data.gouv.fr", "/hauts-de-france");
        Assert.Contains("href=\"https://www.cnil.fr/\"", html);
        Assert.Contains("href=\"mailto:contact@exemple.fr\"", html);
        Assert.Contains("href=\"/hauts-de-france/mentions-legales\"", html);
        Assert.Contains("href=\"#contact\"", html);
        Assert.Contains("href=\"https://www.data.gouv.fr\"", html);
    }

    [Fact]
    public void Images_from_other_sites_are_dropped_and_headings_start_at_h2()
    {
        var html = Render("# Titre\n\n![logo](https://exemple.test/logo.png)\n\n### Sous-titre");
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("<h1", html);
        Assert.Contains("<h2", html);
        Assert.Contains("<h3", html);
    }
}
