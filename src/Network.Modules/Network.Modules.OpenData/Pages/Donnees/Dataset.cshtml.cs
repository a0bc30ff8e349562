using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.Theming;
using Network.Modules.OpenData.Services;

namespace Network.Modules.OpenData.Pages.Donnees;

/// <summary>One dataset of the tenant: description, licence, update date, files, columns and schema; 404 when unknown or its module is disabled.</summary>
public sealed class OpenDatasetPageModel(OpenDataCatalog catalog) : PageModel
{
    public OpenDatasetEntry Entry { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string id)
    {
        if (await catalog.FindAsync(id, HttpContext.RequestAborted) is not { } entry) return NotFound();
        Entry = entry;
        ViewData[ThemeViewData.BreadcrumbParents] = new[] { new KeyValuePair<string, string>("Données ouvertes", "/donnees") };
        return Page();
    }
}
