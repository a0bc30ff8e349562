using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.AspNetCore.Html;

namespace Network.Core.Text;

/// <summary>
/// The one Markdown renderer of the site, for everything people write (legal pages, showcases, practices…):
/// raw HTML is shown as text, never interpreted; links only with http, https or mailto (or inside the site);
/// images only from the site itself; headings start at h2 and get anchors; links to other sites are marked.
/// </summary>
public sealed class SafeMarkdown
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().UsePipeTables().Build();

    private static readonly MarkdownPipeline PlainTextPipeline = new MarkdownPipelineBuilder().DisableHtml().UseAutoLinks().UseEmphasisExtras().UsePipeTables().Build();

    /// <summary>
    /// The words of a Markdown text without its markup (for the search index and other plain-text uses): emphasis,
    /// links and headings reduced to their text, whitespace collapsed. Raw HTML stays as the text it was typed as;
    /// whoever shows the result escapes it.
    /// </summary>
    public static string ToPlainText(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return "";
        var text = Markdown.ToPlainText(markdown, PlainTextPipeline);
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <param name="pathBase">The tenant's path base ("/hauts-de-france"), prepended to links such as "/mentions-legales".</param>
    /// <param name="externalNotice">Text read by screen readers after a link to another site (localized by the caller).</param>
    /// <param name="topLevel">The highest heading level the text may use: 2 for a page's body, 3 for a section under the page's own h2.</param>
    /// <param name="anchorPrefix">Prefix of the heading anchors, to keep them unique when a page renders several texts.</param>
    /// <param name="restricted">
    /// For what members write under a page (comments): headings become plain paragraphs, images are dropped, and
    /// links carry rel="nofollow ugc" so that posting links earns nothing with search engines.
    /// </param>
    public IHtmlContent Render(string? markdown, string pathBase, string externalNotice = "site externe", int topLevel = 2, string anchorPrefix = "", bool restricted = false)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        topLevel = Math.Clamp(topLevel, 2, 6);
        if (restricted) FlattenHeadings(document);

        // The page title is the only h1: Markdown headings start at h2 (or lower, under a section). Each gets a stable anchor.
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            heading.Level = Math.Clamp(heading.Level + (heading.Level == 1 ? 1 : 0) + topLevel - 2, topLevel, 6);
            var text = string.Concat(heading.Inline?.Descendants<LiteralInline>().Select(l => l.Content.ToString()) ?? []);
            var anchor = anchorPrefix + Slugs.FromTitle(text, 60);
            if (anchor.Length == anchorPrefix.Length) anchor = anchorPrefix + "section";
            var unique = anchor;
            for (var n = 2; !anchors.Add(unique); n++) unique = $"{anchor}-{n}";
            heading.GetAttributes().Id = unique;
        }

        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (!IsSafe(link.Url, link.IsImage) || (restricted && link.IsImage))
            {
                Unwrap(link);
                continue;
            }
            if (IsSiteLink(link.Url!)) link.Url = pathBase + link.Url;
            else if (!link.IsImage && IsExternal(link.Url!)) MarkExternal(link, externalNotice, restricted);
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().ToList())
        {
            var url = autolink.IsEmail ? "mailto:" + autolink.Url : autolink.Url;
            if (!IsSafe(url, false)) autolink.ReplaceBy(new LiteralInline(autolink.Url));
            else if (IsExternal(url)) MarkExternal(autolink, externalNotice, restricted);
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
        if (trimmed.Any(c => char.IsControl(c) || char.IsWhiteSpace(c)) || trimmed.StartsWith("//", StringComparison.Ordinal) || trimmed.Contains('\\')) return false;
        var colon = trimmed.IndexOf(':');
        var firstDelimiter = trimmed.IndexOfAny(['/', '?', '#']);
        var hasScheme = colon >= 0 && (firstDelimiter < 0 || colon < firstDelimiter);
        if (!hasScheme) return true;
        if (image) return false;
        var scheme = trimmed[..colon].ToLowerInvariant();
        return scheme is "http" or "https" or "mailto";
    }

    private static bool IsSiteLink(string url) => url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal);

    private static bool IsExternal(string url)
        => url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>How many links (written or bare addresses) a Markdown text holds, as the renderer would see them.</summary>
    public static int CountLinks(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown)) return 0;
        var document = Markdown.Parse(markdown, PlainTextPipeline);
        return document.Descendants<LinkInline>().Count(l => !l.IsImage) + document.Descendants<AutolinkInline>().Count();
    }

    /// <summary>Headings become paragraphs with the same text (restricted texts have no outline of their own).</summary>
    private static void FlattenHeadings(MarkdownDocument document)
    {
        foreach (var heading in document.Descendants<HeadingBlock>().ToList())
        {
            var parent = heading.Parent!;
            var inline = heading.Inline;
            heading.Inline = null;
            var paragraph = new ParagraphBlock { Inline = inline };
            var index = parent.IndexOf(heading);
            parent.RemoveAt(index);
            parent.Insert(index, paragraph);
        }
    }

    /// <summary>Links to other sites open in a new window, say so to screen readers, and pass no referrer.</summary>
    private static void MarkExternal(Inline link, string notice, bool restricted = false)
    {
        var attributes = link.GetAttributes();
        attributes.AddProperty("target", "_blank");
        attributes.AddProperty("rel", restricted ? "noopener noreferrer external nofollow ugc" : "noopener noreferrer external");
        attributes.AddProperty("title", notice);
        attributes.AddClass("external-link");
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
