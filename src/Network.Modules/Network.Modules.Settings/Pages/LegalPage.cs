using System.Globalization;
using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Core.Text;
using Network.Modules.Settings.Services;

namespace Network.Modules.Settings.Pages;

/// <summary>
/// The public legal pages (/accessibilite, /mentions-legales, /donnees-personnelles): one model for the three
/// routes, the slug being the page's own route.
/// </summary>
public sealed class LegalPageModel(LegalPageService pages, SafeMarkdown markdown, TenantContext tenantContext) : PageModel
{
    public string Slug { get; private set; } = "";
    public string Title { get; private set; } = "";
    public IHtmlContent Body { get; private set; } = HtmlString.Empty;

    /// <summary>"fr" when an English visitor reads the French text (no translation saved), else null.</summary>
    public string? BodyLanguage { get; private set; }

    public AccessibilityConformance? Status { get; private set; }
    public DateTime? UpdatedUtc { get; private set; }
    public TenantInfo Tenant => tenantContext.Required;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Slug = (PageContext.ActionDescriptor.AttributeRouteInfo?.Template ?? "").Trim('/');
        var content = await pages.GetAsync(Slug, cancellationToken);
        var page = content.Page;
        var english = CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";
        var useEnglish = english && page.TitleEn.Length > 0 && page.BodyMarkdownEn.Length > 0;
        Title = useEnglish ? page.TitleEn : page.Title;
        Body = markdown.Render(useEnglish ? page.BodyMarkdownEn : page.BodyMarkdown, Request.PathBase.Value ?? "");
        BodyLanguage = english && !useEnglish ? "fr" : null;
        Status = page.AccessibilityStatus;
        UpdatedUtc = content.IsDefault ? null : page.UpdatedUtc;
    }
}
