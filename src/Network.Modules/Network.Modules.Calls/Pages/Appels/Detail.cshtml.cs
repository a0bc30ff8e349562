using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Calls.Data;
using Network.Modules.Calls.Services;
using Network.Modules.Content.Data;
using Network.Modules.Content.Services;
using Network.Modules.Media.Data;
using Network.Modules.Media.Services;

namespace Network.Modules.Calls.Pages.Appels;

/// <summary>
/// A published call of the tenant with everything an applicant needs (conditions, criteria, documents, contact), its
/// state and countdown worked out from the server clock, and the way in: "Déposer une candidature" while it accepts
/// submissions, "Voir les résultats" once they are published. Old addresses answer 301; unpublished calls 404.
/// </summary>
public sealed class CallDetailModel(
    ContentPublicLookup lookup,
    CallsDbContext calls,
    CallType type,
    MediaLibrary media,
    VocabularyService vocabularies,
    TenantContext tenantContext,
    TenantUrls urls,
    TimeProvider clock) : PageModel
{
    public sealed record DocumentLink(string Title, string Url, string Format, long Length);

    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public ContentItem Item { get; private set; } = null!;
    public CallFields Fields { get; private set; } = null!;
    public CallState State { get; private set; }
    public DateTime NowUtc { get; private set; }
    public bool AcceptsSubmissions { get; private set; }
    public IReadOnlyList<DocumentLink> Documents { get; private set; } = [];
    public IReadOnlyList<string> DomainLabels { get; private set; } = [];
    public string JsonLd { get; private set; } = "{}";

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var found = await lookup.FindAsync(type, Slug, cancellationToken);
        if (found.RedirectSlug is { } current)
            return RedirectPermanent((Request.PathBase.Value ?? "") + type.PublicUrl(Uri.EscapeDataString(current)));
        if (found.Item is null) return NotFound();
        Item = found.Item;
        Fields = type.Read(Item);
        NowUtc = clock.GetUtcNow().UtcDateTime;
        // Read only: a visit never creates the round (the coordinator's pages do).
        var round = await calls.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.CallId == Item.Id, cancellationToken);
        State = CallPhase.Of(true, Fields, round, NowUtc);
        AcceptsSubmissions = State == CallState.Open && CallPhase.AcceptsSubmissions(Fields, NowUtc);

        var pathBase = Request.PathBase.Value ?? "";
        var files = (await media.FindManyAsync(Fields.Documents.Select(d => d.MediaId).ToList(), cancellationToken))
            .Where(m => m.Kind == MediaKind.Document).ToDictionary(m => m.Id);
        Documents = Fields.Documents.Where(d => files.ContainsKey(d.MediaId))
            .Select(d => new DocumentLink(d.Title, MediaUrls.Of(files[d.MediaId], pathBase), "PDF", files[d.MediaId].Length)).ToList();
        var domainLabels = await vocabularies.LabelsAsync(Vocabularies.Domains, cancellationToken);
        DomainLabels = Fields.Domains.Select(d => domainLabels.GetValueOrDefault(d) ?? d).ToList();

        var tenant = tenantContext.Required;
        JsonLd = CallJsonLd.Build(Item, Fields, tenant, urls.Absolute(tenant, type.PublicUrl(Item.Slug)));
        ViewData["Title"] = Item.Title;
        ViewData[ThemeViewData.Description] = Item.Summary;
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Appels à projets", type.PublicPath) };
        return Page();
    }
}
