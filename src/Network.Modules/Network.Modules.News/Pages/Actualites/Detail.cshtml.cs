using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Content.Lists;
using Network.Modules.Content.Services;
using Network.Modules.Media.Services;
using Network.Modules.News.Data;
using Network.Modules.News.Services;

namespace Network.Modules.News.Pages.Actualites;

/// <summary>One published news article with its image, body, tags and other news, JSON-LD and link previews. Former addresses answer 301.</summary>
public sealed class NewsDetailModel(ContentPublicLookup lookup, ContentDbContext db, ContentListCache cache, NewsType type, TenantContext tenantContext, TenantCatalog catalog, TenantUrls urls) : PageModel
{
    public const int OtherCount = 3;

    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public ContentItem Item { get; private set; } = null!;
    public NewsFields Fields { get; private set; } = null!;
    public IReadOnlyList<NewsCardView> Others { get; private set; } = [];
    public string JsonLd { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(type, Slug, cancellationToken);
        if (found.RedirectSlug is { } current)
            return RedirectPermanent((Request.PathBase.Value ?? "") + type.PublicUrl(current));
        if (found.Item is null) return NotFound();
        Item = found.Item;
        Fields = type.Read(Item);

        var tenant = tenantContext.Required;
        var snapshot = await cache.GetAsync(db, tenant.Name, type, cancellationToken);
        Others = snapshot.Items.Where(c => c.Item.Id != Item.Id)
            .Select(c => NewsCards.Of(HttpContext, catalog, type, c, headingLevel: 3)).OfType<NewsCardView>().Take(OtherCount).ToList();

        var imageUrl = Fields.Image is { } image ? MediaUrls.AbsoluteSingle(urls, tenant, image) : null;
        JsonLd = NewsJsonLd.Build(Item, Fields, tenant, urls.Absolute(tenant, type.PublicUrl(Item.Slug)), imageUrl);
        ViewData[ThemeViewData.Description] = Item.Summary;
        if (imageUrl is not null) ViewData[ThemeViewData.SocialImage] = imageUrl;
        return Page();
    }
}
