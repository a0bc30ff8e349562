using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Content.Data;
using Network.Modules.Directory.Data;
using Network.Modules.Directory.Services;

namespace Network.Modules.Directory.Pages.Annuaire;

/// <summary>
/// The join requests of one organisation, for its administrators (its members marked administrator, and the tenant's
/// coordinators): accept (optionally as administrator) or refuse each pending request; members already accepted are listed.
/// </summary>
[Authorize]
public sealed class MembershipRequestsModel(OrganisationCatalog catalog, MembershipDesk desk) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Slug { get; set; } = "";

    public ContentItem Item { get; private set; } = null!;
    public IReadOnlyList<OrganisationMembership> Memberships { get; private set; } = [];
    public string? Notice { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { Refusal: { } refusal }) return refusal;
        Notice = Request.Query["fait"].FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int membershipId, string? decision, bool asAdmin, CancellationToken cancellationToken)
    {
        var (refusal, user) = await LoadAsync(cancellationToken);
        if (refusal is not null) return refusal;
        if (decision is not ("accepter" or "refuser")) return BadRequest();
        var outcome = await desk.DecideAsync(Item.Id, membershipId, decision == "accepter", asAdmin, user!.Id, user.IsCoordinator, cancellationToken);
        return outcome switch
        {
            MembershipOutcome.NotFound => NotFound(),
            MembershipOutcome.Forbidden => Forbid(),
            MembershipOutcome.AlreadyDecided => Redirect(Self + "?fait=deja"),
            _ => Redirect(Self + "?fait=" + decision),
        };
    }

    private string Self => (Request.PathBase.Value ?? "") + catalog.Type.PublicUrl(Item.Slug) + "/adhesions";

    private async Task<(IActionResult? Refusal, DirectoryUser? User)> LoadAsync(CancellationToken cancellationToken)
    {
        var card = catalog.FindPublished(await catalog.SnapshotAsync(cancellationToken), Slug);
        if (card is null) return (NotFound(), null);
        Item = card.Item;
        var user = await DirectoryUser.OfAsync(HttpContext);
        if (user is null) return (Challenge(), null);
        if (!await desk.CanAdministerAsync(Item.Id, user.Id, user.IsCoordinator, cancellationToken)) return (Forbid(), null);
        Memberships = await desk.OfOrganisationAsync(Item.Id, cancellationToken);
        return (null, user);
    }
}
