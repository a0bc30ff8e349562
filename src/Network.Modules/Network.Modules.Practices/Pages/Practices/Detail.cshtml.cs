using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Practices.Data;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Pages.Practices;

/// <summary>One published practice: its sections, resources, related showcases, author and licence, with JSON-LD. Former addresses answer 301.</summary>
public sealed class PracticeDetailModel(ContentPublicLookup lookup, ContentDbContext db, PracticeType type, TenantContext tenantContext, TenantUrls urls) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public ContentItem Item { get; private set; } = null!;
    public PracticeFields Fields { get; private set; } = null!;

    /// <summary>The related showcases that are published: (title, tenant-relative path).</summary>
    public IReadOnlyList<(string Title, string Path)> RelatedShowcases { get; private set; } = [];
    public IReadOnlyList<(string Value, string Label)> Domains { get; private set; } = [];
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(type, Slug, cancellationToken);
        if (found.RedirectSlug is { } current)
            return RedirectPermanent((Request.PathBase.Value ?? "") + type.PublicUrl(current));
        if (found.Item is null) return NotFound();
        Item = found.Item;
        Fields = type.Read(Item);

        var ids = Fields.RelatedShowcaseIds;
        if (ids.Count > 0)
        {
            var showcases = await db.Items.AsNoTracking()
                .Where(i => ids.Contains(i.Id) && i.ContentType == PracticeType.ShowcaseTypeName && i.OriginTenant == null && i.Status == ContentStatus.Published)
                .Select(i => new { i.Id, i.Title, i.Slug }).ToListAsync(cancellationToken);
            // In the author's order.
            RelatedShowcases = ids.Select(id => showcases.Find(s => s.Id == id)).Where(s => s is not null)
                .Select(s => (s!.Title, "/projets/" + s.Slug)).ToList();
        }
        var labels = await PracticeLabels.DomainsAsync(db, cancellationToken);
        Domains = Fields.Domains.Select(d => (d, labels.GetValueOrDefault(d) ?? PracticeLabels.Fallback(d))).ToList();

        var tenant = tenantContext.Required;
        JsonLd = PracticeJsonLd.Build(Item, Fields, tenant, urls.Absolute(tenant, type.PublicUrl(Item.Slug)),
            RelatedShowcases.Select(r => new PracticeJsonLd.Related(r.Title, urls.Absolute(tenant, r.Path))).ToList(),
            Domains.Select(d => d.Label));
        return Page();
    }
}
