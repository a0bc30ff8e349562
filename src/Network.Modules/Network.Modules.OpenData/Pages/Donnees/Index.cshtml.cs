using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.OpenData.Services;

namespace Network.Modules.OpenData.Pages.Donnees;

/// <summary>The tenant's datasets (<see cref="OpenDataCatalog"/>) with their files, update dates and row counts; the DCAT catalog announced in the head.</summary>
public sealed class OpenDataIndexModel(OpenDataCatalog catalog) : PageModel
{
    public IReadOnlyList<OpenDatasetEntry> Datasets { get; private set; } = [];

    public async Task OnGetAsync()
    {
        Datasets = await catalog.EntriesAsync(HttpContext.RequestAborted);
    }
}
