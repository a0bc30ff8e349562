using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Calls.Services;

namespace Network.Modules.Calls.Pages.Appels;

/// <summary>A call's published results: the funded projects and the total granted against the envelope. 404 until published.</summary>
public sealed class ResultatsModel(CallResults results) : PageModel
{
    public PublishedResults Results { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string slug)
    {
        if (await results.FindAsync(slug, HttpContext.RequestAborted) is not { } found) return NotFound();
        Results = found;
        return Page();
    }
}
