using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Lists;
using Network.Modules.Showcases.Data;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Pages.Projets;

/// <summary>
/// A published showcase of the tenant: read from the cached snapshot (no query when it is there), its Markdown
/// rendered once per version; an old address answers 301 to the current one; anything unpublished is 404.
/// </summary>
public sealed class ShowcaseDetailModel(
    ShowcaseCatalog catalog,
    ShowcaseRenderCache renders,
    ShowcaseType type,
    TenantContext tenantContext,
    TenantUrls tenantUrls,
    IStringLocalizer localizer) : PageModel
{
    public ShowcaseCard Card { get; private set; } = null!;
    public ShowcaseFields Fields => Card.Fields;
    public ShowcaseRendered Rendered { get; private set; } = null!;
    public IReadOnlyList<ShowcaseCard> Related { get; private set; } = [];
    public string JsonLd { get; private set; } = "{}";
    public string ListUrl { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Required;
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var found = catalog.FindPublished(snapshot, slug);
        if (found is null)
        {
            var lookup = await catalog.LookupAsync(slug, cancellationToken);
            if (lookup.RedirectSlug is { } current)
                return RedirectPermanent((Request.PathBase.Value ?? "") + type.PublicUrl(Uri.EscapeDataString(current)));
            if (lookup.Item is not { } item) return NotFound();
            // Published after the snapshot was read (its change is on its way): shown all the same.
            found = new ContentCard(item, type.ReadFields(item.FieldsJson), item.Facets.ToLookup(f => f.Facet, f => f.Value));
        }

        var labels = await catalog.LabelsAsync(cancellationToken);
        Card = catalog.Card(found, labels);
        ListUrl = (Request.PathBase.Value ?? "") + type.PublicPath;
        Rendered = renders.Get(tenant.Name, found.Item, Fields, Request.PathBase.Value ?? "", localizer["site externe, nouvelle fenêtre"]);
        Related = catalog.Related(snapshot, found).Select(c => catalog.Card(c, labels)).ToList();
        var pageUrl = tenantUrls.Absolute(tenant, type.PublicUrl(found.Item.Slug));
        var images = Fields.Gallery.Select(i => Network.Modules.Media.Services.MediaUrls.AbsoluteSingle(tenantUrls, tenant, i));
        JsonLd = ShowcaseJsonLd.Build(found.Item, Fields, tenant, pageUrl, images, Card.Domains.Concat(Card.Technologies));

        ViewData["Title"] = found.Item.Title;
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Projets", type.PublicPath) };
        return Page();
    }
}
