using System.Collections.Concurrent;
using Microsoft.AspNetCore.Html;
using Network.Core.Text;
using Network.Modules.Content.Data;

namespace Network.Modules.Pages.Services;

/// <summary>
/// A page's body rendered per item version and language: a version never changes, so its HTML is computed once
/// instead of on every view. Bounded: emptied when it grows past <see cref="MaxEntries"/>.
/// </summary>
public sealed class PageRenderCache(SafeMarkdown markdown)
{
    public const int MaxEntries = 2_000;

    private readonly ConcurrentDictionary<(string Tenant, int Id, int Version, bool English, string PathBase, string Notice), IHtmlContent> _entries = new();

    public IHtmlContent Get(string tenant, ContentItem item, string body, bool english, string pathBase, string externalNotice)
    {
        var key = (tenant, item.Id, item.Version, english, pathBase, externalNotice);
        if (_entries.TryGetValue(key, out var rendered)) return rendered;
        rendered = markdown.Render(body, pathBase, externalNotice);
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[key] = rendered;
        return rendered;
    }
}
