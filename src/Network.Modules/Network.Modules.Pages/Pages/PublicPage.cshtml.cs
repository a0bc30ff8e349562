using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Media;
using Network.Modules.Pages.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Pages;

/// <summary>
/// A published free page at its full address ("/a-propos/equipe"). The route is a catch-all, which routing ranks
/// below every literal or parameter route, so module pages always win; anything that is not a published free page
/// answers the site's normal 404. Role pages (legal, contact) have a single owner: their fixed route elsewhere.
/// </summary>
public sealed class PublicPageModel(
    PageDirectory directory,
    ContentPublicLookup lookup,
    PageRenderCache renders,
    PageType type,
    TenantContext tenantContext,
    IStringLocalizer localizer) : PageModel
{
    public ContentItem Item { get; private set; } = null!;
    public PageFields Fields { get; private set; } = null!;
    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>"fr" when an English visitor reads the French text (no English version), else null.</summary>
    public string? BodyLanguage { get; private set; }

    public IReadOnlyList<PageLink> Children { get; private set; } = [];
    public string PathBase => Request.PathBase.Value ?? "";
    public TenantInfo Tenant => tenantContext.Required;

    public async Task<IActionResult> OnGetAsync(string? path, CancellationToken cancellationToken)
    {
        path = (path ?? "").Trim('/');
        if (path.Length == 0 || path.Length > ContentRules.SlugMaxLength) return NotFound();
        var found = await lookup.FindAsync(type, path, cancellationToken);
        if (found.RedirectSlug is { } current)
        {
            var target = await lookup.FindAsync(type, current, cancellationToken);
            if (target.Item is null || type.Read(target.Item).Role.Length > 0) return NotFound();
            return RedirectPermanent(PathBase + "/" + string.Join('/', current.Split('/').Select(Uri.EscapeDataString)));
        }
        if (found.Item is not { } item) return NotFound();
        var fields = type.Read(item);
        if (fields.Role.Length > 0) return NotFound();

        Item = item;
        Fields = fields;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var useEnglish = english && fields.TitleEn.Trim().Length > 0 && fields.BodyEn.Trim().Length > 0;
        Title = useEnglish ? fields.TitleEn.Trim() : item.Title;
        Body = renders.Get(Tenant.Name, item, useEnglish ? fields.BodyEn : fields.Body, useEnglish, PathBase, localizer["site externe, nouvelle fenêtre"]);
        BodyLanguage = english && !useEnglish ? "fr" : null;

        var pages = await directory.PublishedAsync(cancellationToken);
        Children = pages.Where(p => p.ParentId == item.Id && p.Role.Length == 0).ToList();
        var byId = pages.ToDictionary(p => p.Id);
        var trail = new List<KeyValuePair<string, string>>();
        for (var parent = fields.ParentId; parent is { } id && byId.TryGetValue(id, out var link) && trail.Count < ContentRules.MaxDepth; parent = link.ParentId)
            trail.Insert(0, new(link.Title, link.Path));
        ViewData["Title"] = Title;
        ViewData[ThemeViewData.BreadcrumbParents] = trail;
        if (item.Summary.Length > 0) ViewData[ThemeViewData.Description] = item.Summary;
        return Page();
    }

    /// <summary>No form posts to a page: a POST here is to an address that does not exist.</summary>
    public IActionResult OnPost() => NotFound();
}
