using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Content.Data;
using Network.Modules.Pages.Services;

namespace Network.Modules.Pages.Pages.Admin;

/// <summary>Every page of the tenant, in tree order (sub-pages indented under their parent), for coordinators.</summary>
[RequirePermission("ModerateContent")]
public sealed class PageAdminListModel(ContentDbContext db, PageType type) : PageModel
{
    public IReadOnlyList<PageNode> Pages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Pages = await PageTree.AllAsync(db, type, cancellationToken);
}
