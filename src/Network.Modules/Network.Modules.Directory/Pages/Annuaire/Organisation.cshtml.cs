using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Network.Core.Tenancy;
using Network.Core.Theming;
using Network.Modules.Content.Data;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire;

/// <summary>
/// One organisation: its profile, its members with a public profile, its showcases, funded projects, practices and
/// events, and for a signed-in member the request to join (or where their request stands). Former addresses answer 301.
/// </summary>
public sealed class OrganisationDetailModel(
    OrganisationCatalog catalog, OrganisationWork work, MembershipDesk memberships, DirectoryDbContext db, TenantContext tenantContext) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    [BindProperty]
    public string? Note { get; set; }

    public ContentItem Item { get; private set; } = null!;
    public OrganisationFields Fields { get; private set; } = null!;
    public OrganisationCard Card { get; private set; } = null!;
    public OrganisationWorkView Work { get; private set; } = null!;
    public IReadOnlyList<MemberProfile> PublicMembers { get; private set; } = [];
    public DirectoryUser? Viewer { get; private set; }
    public OrganisationMembership? Own { get; private set; }
    public bool CanAdminister { get; private set; }
    public string RegionName { get; private set; } = "";
    public string? Problem { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other) return other;
        return Page();
    }

    /// <summary>Asks to join the organisation (signed-in members).</summary>
    public async Task<IActionResult> OnPostJoinAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } other) return other;
        if (Viewer is null) return Challenge();
        var (outcome, problem) = await memberships.RequestAsync(Item.Id, Viewer.Id, Viewer.Name, Note, cancellationToken);
        if (outcome == MembershipOutcome.Invalid)
        {
            Problem = problem;
            ModelState.AddModelError(nameof(Note), problem!);
            return Page();
        }
        return Redirect((Request.PathBase.Value ?? "") + catalog.Type.PublicUrl(Item.Slug) + "?demande=1#adhesion");
    }

    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var snapshot = await catalog.SnapshotAsync(cancellationToken);
        var card = catalog.FindPublished(snapshot, Slug);
        if (card is null)
        {
            var found = await catalog.LookupAsync(Slug, cancellationToken);
            if (found.RedirectSlug is { } current) return RedirectPermanent((Request.PathBase.Value ?? "") + catalog.Type.PublicUrl(current));
            if (found.Item is null) return NotFound();
            card = new(found.Item, catalog.Type.Read(found.Item), Enumerable.Empty<ContentFacetValue>().ToLookup(f => f.Facet, f => f.Value));
        }
        Item = card.Item;
        Fields = card.FieldsAs<OrganisationFields>();
        var (domains, technologies) = await catalog.LabelsAsync(cancellationToken);
        Card = catalog.Card(card, domains, technologies);
        RegionName = tenantContext.Required.DisplayName;
        Work = await work.FindAsync(Item.Title, Fields, Request.PathBase.Value ?? "", cancellationToken);
        var members = (await memberships.OfOrganisationAsync(Item.Id, cancellationToken)).Where(m => m.Status == MembershipStatus.Accepted).Select(m => m.UserId).ToList();
        PublicMembers = await db.Profiles.AsNoTracking().Where(p => p.IsPublic && members.Contains(p.UserId)).OrderBy(p => p.DisplayName).ToListAsync(cancellationToken);
        Viewer = await DirectoryUser.OfAsync(HttpContext);
        if (Viewer is not null)
        {
            Own = await memberships.OfUserAsync(Item.Id, Viewer.Id, cancellationToken);
            CanAdminister = await memberships.CanAdministerAsync(Item.Id, Viewer.Id, Viewer.IsCoordinator, cancellationToken);
        }
        ViewData[ThemeViewData.Description] = Item.Summary;
        return null;
    }
}
