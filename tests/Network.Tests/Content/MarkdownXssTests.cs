using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Network.Core.Text;

namespace Network.Tests.Content;

/// <summary>
/// Known XSS payloads written into Markdown come out inert: no active element, no event handler, no link or
/// image with a scheme other than http, https or mailto (or an address inside the site).
/// </summary>
public sealed class MarkdownXssTests
{
    private static readonly HtmlParser Parser = new();

    public static TheoryData<string> Payloads => new(
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<svg onload=alert(1)>",
        "<svg><script>alert(1)</script></svg>",
        "<body onload=alert(1)>",
        "<iframe src=\"javascript:alert(1)\"></iframe>",
        "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
        "<object data=\"javascript:alert(1)\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<style>body{background:url(javascript:alert(1))}</style>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<a href=\"jav&#x09;ascript:alert(1)\">x</a>",
        "<a href=\"javascript:alert(1)\">x</a>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<!-- <script>alert(1)</script> -->",
        "<details open ontoggle=alert(1)>",
        "<input autofocus onfocus=alert(1)>",
        "[a](javascript:alert(1))",
        "[a](JaVaScRiPt:alert(1))",
        "[a](JAVASCRIPT:alert(1))",
        "[a](javascript&#58;alert(1))",
        "[a](javascript&colon;alert(1))",
        "[a](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[a](&#x6A;avascript:alert(1))",
        "[a](jav\tascript:alert(1))",
        "[a](<jav\nascript:alert(1)>)",
        "[a](< javascript:alert(1)>)",
        "[a]( javascript:alert(1))",
        "[a](vbscript:msgbox(1))",
        "[a](VBScript:msgbox(1))",
        "[a](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[a](DATA:text/html,<script>alert(1)</script>)",
        "[a](file:///etc/passwd)",
        "[a](//evil.example/)",
        "[a](\\\\evil.example\\x)",
        "[a](http://ok.example \"title\" onmouseover=alert(1))",
        "[a](https://ok.example\"onmouseover=\"alert(1))",
        "![x](javascript:alert(1))",
        "![x](https://evil.example/pixel.png)",
        "![x\" onerror=\"alert(1)](/image.png)",
        "<javascript:alert(1)>",
        "<vbscript:alert(1)>",
        "<data:text/html,alert(1)>",
        "[a][ref]\n\n[ref]: javascript:alert(1)",
        "[a][ref]\n\n[ref]: JAVASCRIPT:alert(1) \"t\"",
        "![a][img]\n\n[img]: javascript:alert(1)",
        "[a](javascript://%0Aalert(1))",
        "[a](java%0ascript:alert(1))",
        "# Titre <img src=x onerror=alert(1)>",
        "`<script>alert(1)</script>`",
        "```html\n<script>alert(1)</script>\n```",
        "| a |\n|---|\n| <img src=x onerror=alert(1)> |",
        "**<a href=javascript:alert(1)>gras</a>**",
        "[<img src=x onerror=alert(1)>](https://ok.example)",
        "<a href=\"https://ok.example\" onclick=\"alert(1)\">x</a>",
        "www.example.com/<script>alert(1)</script>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:/\">",
        "<link rel=stylesheet href=javascript:alert(1)>",
    ]);

    private static IDocument Render(string markdown)
        => Parser.ParseDocument("<body>" + new SafeMarkdown().Render(markdown, "/hauts-de-france").ToString() + "</body>");

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Payloads_come_out_inert(string markdown)
    {
        var body = Render(markdown).Body!;
        foreach (var tag in new[] { "script", "iframe", "object", "embed", "style", "svg", "math", "form", "input", "button", "meta", "base", "link", "details", "body" })
            Assert.Empty(body.QuerySelectorAll(tag));
        foreach (var element in body.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.Attributes, a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(element.Attributes, a => a.Name is "style" or "srcdoc" or "formaction" or "action");
            foreach (var name in new[] { "href", "src" })
            {
                if (element.GetAttribute(name) is { } url) Assert.True(IsSafeUrl(url), $"{element.LocalName} {name}=\"{url}\" from {markdown}");
            }
        }
    }

    /// <summary>Relative to the site, or http, https, mailto; images only from the site.</summary>
    private static bool IsSafeUrl(string url)
    {
        var decoded = url.Trim();
        if (decoded.StartsWith("//", StringComparison.Ordinal) || decoded.Contains('\\')) return false;
        if (decoded.StartsWith('/') || decoded.StartsWith('#')) return true;
        var colon = decoded.IndexOf(':');
        if (colon < 0) return !decoded.Any(char.IsWhiteSpace);
        var scheme = decoded[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    [Fact]
    public void There_are_enough_payloads() => Assert.True(Payloads.Count >= 30);

    [Fact]
    public void Unsafe_links_keep_their_text()
    {
        var body = Render("Voir [le site](javascript:alert(1)) ici.").Body!;
        Assert.Empty(body.QuerySelectorAll("a"));
        Assert.Contains("le site", body.TextContent);
    }

    [Fact]
    public void Headings_get_stable_unique_anchors_and_start_at_h2()
    {
        var body = Render("# Numérisation 3D\n\n## Objectifs du projet\n\n## Objectifs du projet\n\n### <script>x</script>").Body!;
        Assert.Empty(body.QuerySelectorAll("h1"));
        var headings = body.QuerySelectorAll("h2, h3").ToList();
        Assert.Equal(["numerisation-3d", "objectifs-du-projet", "objectifs-du-projet-2"], headings.Take(3).Select(h => h.Id));
        Assert.All(headings, h => Assert.False(string.IsNullOrEmpty(h.Id)));
        Assert.Equal(headings.Count, headings.Select(h => h.Id).Distinct().Count());
    }

    [Fact]
    public void External_links_are_marked_and_site_links_stay_in_the_tenant()
    {
        var body = Render("[POP](https://pop.culture.gouv.fr/) [contact](mailto:drac@exemple.fr) [mentions](/mentions-legales) [ancre](#objectifs) https://www.europeana.eu").Body!;
        var links = body.QuerySelectorAll("a").ToDictionary(a => a.TextContent);
        var pop = links["POP"];
        Assert.Equal("_blank", pop.GetAttribute("target"));
        Assert.Contains("noopener", pop.GetAttribute("rel"));
        Assert.Contains("external", pop.GetAttribute("rel"));
        Assert.Equal("site externe", pop.GetAttribute("title"));
        Assert.Contains("external-link", pop.ClassList);
        Assert.Equal("_blank", links["https://www.europeana.eu"].GetAttribute("target"));
        Assert.Null(links["contact"].GetAttribute("target"));
        Assert.Equal("/hauts-de-france/mentions-legales", links["mentions"].GetAttribute("href"));
        Assert.Null(links["mentions"].GetAttribute("target"));
        Assert.Equal("#objectifs", links["ancre"].GetAttribute("href"));
    }
}
