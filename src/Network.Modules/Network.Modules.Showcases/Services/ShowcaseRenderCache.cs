using System.Collections.Concurrent;
using Microsoft.AspNetCore.Html;
using Network.Core.Text;
using Network.Modules.Content.Data;
using Network.Modules.Showcases.Data;

namespace Network.Modules.Showcases.Services;

/// <summary>The Markdown fields of a showcase, rendered.</summary>
public sealed record ShowcaseRendered(IHtmlContent Description, IHtmlContent Outcomes, IHtmlContent LessonsLearned, IHtmlContent AccessibilityNotes, IHtmlContent EcoDesignNotes);

/// <summary>
/// Rendered Markdown per item version: a version never changes, so its HTML is computed once instead of on every
/// view of a detail page. Bounded: emptied when it grows past <see cref="MaxEntries"/>.
/// </summary>
public sealed class ShowcaseRenderCache(SafeMarkdown markdown)
{
    public const int MaxEntries = 5_000;

    private readonly ConcurrentDictionary<(string Tenant, int Id, int Version, string PathBase, string Notice), ShowcaseRendered> _entries = new();

    /// <param name="pathBase">The path base of the tenant that owns the item (its site links).</param>
    /// <param name="externalNotice">The localized notice of links to other sites.</param>
    public ShowcaseRendered Get(string tenant, ContentItem item, ShowcaseFields fields, string pathBase, string externalNotice)
    {
        var key = (tenant, item.Id, item.Version, pathBase, externalNotice);
        if (_entries.TryGetValue(key, out var rendered)) return rendered;
        rendered = new ShowcaseRendered(
            Render(fields.Description, "projet-"), Render(fields.Outcomes, "resultats-"), Render(fields.LessonsLearned, "enseignements-"),
            Render(fields.AccessibilityNotes, "accessibilite-"), Render(fields.EcoDesignNotes, "ecoconception-"));
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = rendered;
        return rendered;

        // Each text sits under its own h2 on the page: its headings start at h3, with anchors unique across the texts.
        IHtmlContent Render(string text, string anchorPrefix) => string.IsNullOrWhiteSpace(text)
            ? HtmlString.Empty
            : markdown.Render(text, pathBase, externalNotice, topLevel: 3, anchorPrefix: anchorPrefix);
    }
}
