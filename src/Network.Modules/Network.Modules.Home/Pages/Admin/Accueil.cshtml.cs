using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Modules;
using Network.Core.Security;
using Network.Core.Tenancy;
using Network.Modules.Home.Data;
using Network.Modules.Home.Services;

namespace Network.Modules.Home.Pages.Admin;

/// <summary>
/// The home composer: the draft as an ordered list of blocks (move, edit, remove), adding a block of a type the
/// tenant's modules offer, publishing, discarding the draft's changes, restoring an earlier publication. Each action
/// is a small form posting the layout's version, so a stale page changes nothing.
/// </summary>
[RequirePermission("ManageHome")]
public sealed class HomeComposerModel(HomeLayouts layouts, ModuleCatalog modules, TenantContext tenantContext) : PageModel
{
    public HomeLayoutState State { get; private set; } = null!;
    public IReadOnlyList<HomeBlockType> OfferedTypes { get; private set; } = [];
    public IReadOnlyList<HomeLayoutPublication> History { get; private set; } = [];
    public List<string> Errors { get; } = [];

    /// <summary>What the last action did (after its redirect): "ajoute", "publie"…</summary>
    [BindProperty(SupportsGet = true, Name = "fait")]
    public string? Done { get; set; }

    [BindProperty]
    public string? Version { get; set; }

    [BindProperty]
    public string? Key { get; set; }

    public HomeBlockType? TypeOf(HomeBlock block) => OfferedTypes.FirstOrDefault(t => t.Id == block.Type);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public Task<IActionResult> OnPostAddAsync([FromForm(Name = "type")] string? type, CancellationToken cancellationToken)
        => Run(by => layouts.AddAsync(Version, type ?? "", by, cancellationToken), "ajoute", cancellationToken);

    public Task<IActionResult> OnPostUpAsync(CancellationToken cancellationToken)
        => Run(by => layouts.MoveAsync(Version, Key ?? "", -1, by, cancellationToken), "deplace", cancellationToken);

    public Task<IActionResult> OnPostDownAsync(CancellationToken cancellationToken)
        => Run(by => layouts.MoveAsync(Version, Key ?? "", +1, by, cancellationToken), "deplace", cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(CancellationToken cancellationToken)
        => Run(by => layouts.RemoveAsync(Version, Key ?? "", by, cancellationToken), "retire", cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken)
        => Run(by => layouts.PublishAsync(Version, by, cancellationToken), "publie", cancellationToken);

    public Task<IActionResult> OnPostDiscardAsync(CancellationToken cancellationToken)
        => Run(by => layouts.DiscardAsync(Version, by, cancellationToken), "abandonne", cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync([FromForm(Name = "publication")] string? publication, CancellationToken cancellationToken)
        => Run(by => int.TryParse(publication, out var id)
            ? layouts.RestoreAsync(Version, id, by, cancellationToken)
            : Task.FromResult(HomeEditResult.Fail("Publication", "cette version publiée n'existe pas")), "restaure", cancellationToken);

    private async Task<IActionResult> Run(Func<string, Task<HomeEditResult>> action, string done, CancellationToken cancellationToken)
    {
        var result = await action(User.FindFirstValue(ClaimTypes.Email) ?? User.Identity?.Name ?? "");
        if (result.Succeeded) return Redirect((Request.PathBase.Value ?? "") + "/admin/accueil?fait=" + done);
        Errors.AddRange(result.Errors.Select(e => e.Message));
        Done = null;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        State = await layouts.GetAsync(cancellationToken);
        OfferedTypes = modules.HomeBlockTypes(tenantContext.Required);
        History = await layouts.HistoryAsync(10, cancellationToken);
    }
}
