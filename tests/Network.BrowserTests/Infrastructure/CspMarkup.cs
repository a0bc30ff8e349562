using System.Text.RegularExpressions;

namespace Network.BrowserTests.Infrastructure;

/// <summary>
/// What the strict CSP forbids in a page's HTML as the server sent it: inline scripts, style attributes and
/// elements, event-handler attributes. A JSON-LD block (<c>&lt;script type="application/ld+json"&gt;</c>) is data,
/// never executed, and is the one script element without src allowed.
/// </summary>
public static partial class CspMarkup
{
    public static void AssertNoInlineScriptOrStyle(string html, string where)
    {
        Assert.False(InlineScript().IsMatch(html), $"Inline script on {where}: {InlineScript().Match(html).Value}");
        Assert.False(StyleAttribute().IsMatch(html), $"style attribute on {where}: {StyleAttribute().Match(html).Value}");
        Assert.False(StyleElement().IsMatch(html), $"style element on {where}");
        Assert.False(EventHandlerAttribute().IsMatch(html), $"Event handler attribute on {where}: {EventHandlerAttribute().Match(html).Value}");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)(?![^>]*\btype=""application/ld\+json"")[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();

    [GeneratedRegex(@"<style[\s>]", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElement();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();
}
