using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Home.Services;

namespace Network.Modules.Home.Pages;

/// <summary>The tenant's home: the published layout (or the default one), from memory once warm.</summary>
public sealed class HomePageModel(HomeLayouts layouts, HomeRenderImages images) : PageModel
{
    public IReadOnlyList<RenderableBlock> Blocks { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var published = await layouts.PublishedAsync(cancellationToken);
        images.Images = published.Images;
        Blocks = layouts.Renderable(published.Published ?? layouts.DefaultLayout());
    }
}
