using Markdig;
using Markdig.Renderers;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Network.Modules.Settings.Services;

/// <summary>
/// Markdown written by coordinators, rendered without any raw HTML and with safe links only
/// (http, https, mailto, tel and addresses inside the site). Root-relative links stay inside the tenant.
/// </summary>
public sealed class SafeMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().Build();

    /// <param name="pathBase">The tenant's path base ("/hauts-de-france"), prepended to links such as "/mentions-legales".</param>
    public IHtmlContent Render(string markdown, string pathBase)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);

        // The page title is the only h1: Markdown headings start at h2.
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = Math.Clamp(heading.Level + (heading.Level == 1 ? 1 : 0), 2, 6);

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url, link.IsImage))
            {
                Unwrap(link);
                continue;
            }
            if (link.Url!.StartsWith('/') && !link.Url.StartsWith("//", StringComparison.Ordinal))
                link.Url = pathBase + link.Url;
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            if (!IsSafe(autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url, false))
                autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        _pipeline.Setup(renderer);
        renderer.Render(document);
        return new HtmlString(writer.ToString());
    }

    /// <summary>Absolute links only with harmless schemes; images only from the site itself (the CSP allows nothing else).</summary>
    public static bool IsSafe(string? url, bool image)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var trimmed = url.Trim();
        if (trimmed.Any(char.IsControl) || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Contains('\\')) return false;
        var colon = trimmed.IndexOf(':');
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme) return true;
        if (image) return false;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto" or "tel";
    }

    /// <summary>Replaces an unsafe link by its text (an unsafe image disappears).</summary>
    private static void Unwrap(LinkInline link)
    {
        if (link.IsImage)
        {
            link.Remove();
            return;
        }
        var children = link.ToList();
        Inline anchor = link;
        foreach (var child in children)
        {
            child.Remove();
            anchor.InsertAfter(child);
            anchor = child;
        }
        link.Remove();
    }
}
