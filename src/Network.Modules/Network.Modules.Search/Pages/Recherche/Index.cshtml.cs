using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Modules.Search.Searching;

namespace Network.Modules.Search.Pages.Recherche;

/// <summary>
/// The public search page: the form, the results with their facets as filter links, sorting and pagination, or help
/// when nothing is found. Results pages are kept out of search engines (X-Robots-Tag).
/// </summary>
public sealed class SearchPageModel(SiteSearch search) : PageModel
{
    public SiteSearchPage Result { get; private set; } = null!;

    public void OnGet()
    {
        Result = search.Run(HttpContext, SearchParameters.Read(Request.Query));
        Response.Headers["X-Robots-Tag"] = "noindex";
    }
}
