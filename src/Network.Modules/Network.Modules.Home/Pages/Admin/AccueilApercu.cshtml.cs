using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Security;
using Network.Modules.Home.Services;

namespace Network.Modules.Home.Pages.Admin;

/// <summary>The public home rendered from the draft, in the public layout, for coordinators only (never indexed).</summary>
[RequirePermission("ManageHome")]
public sealed class HomePreviewModel(HomeLayouts layouts, HomeRenderImages images) : PageModel
{
    public IReadOnlyList<RenderableBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        var draft = (await layouts.GetAsync(cancellationToken)).Draft;
        images.Images = await layouts.ImagesAsync(draft, cancellationToken);
        Blocks = layouts.Renderable(draft);
    }
}
