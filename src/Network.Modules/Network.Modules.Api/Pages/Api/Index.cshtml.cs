using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Network.Core.Api;
using Network.Core.Tenancy;
using Network.Modules.Api.Endpoints;

namespace Network.Modules.Api.Pages.Api;

/// <summary>The page for developers: what the API publishes here, how to page, filter and cache, its limits and licence.</summary>
public sealed class ApiIndexModel(IEnumerable<IApiResource> resources, TenantContext tenantContext, IOptions<ApiOptions> options) : PageModel
{
    /// <summary>The Search module's JSON answer (issue 4); named here only to link to it where the tenant has Search.</summary>
    public const string SearchJsonPath = "/recherche.json";
    public const string SearchModuleId = "Search";

    public IReadOnlyList<IApiResource> Resources { get; private set; } = [];
    public IReadOnlyList<ApiFilter> FirstFilters { get; private set; } = [];
    public string BaseUrl { get; private set; } = "";
    public bool HasSearch { get; private set; }
    public bool IsHub { get; private set; }
    public ApiRateLimit RateLimit => options.Value.RateLimit;
    public int DefaultPageSize => ApiQueryReader.DefaultPageSize;
    public int MaxPageSize => ApiQueryReader.MaxPageSize;

    public void OnGet()
    {
        var tenant = tenantContext.Required;
        IsHub = tenant.IsHub;
        Resources = resources.Where(r => tenant.IsEnabled(r.ModuleId)).ToList();
        FirstFilters = Resources.Count > 0 ? ApiQueryReader.FiltersHere(Resources[0], IsHub) : [];
        HasSearch = tenant.IsEnabled(SearchModuleId);
        BaseUrl = Request.Scheme + "://" + Request.Host.ToUriComponent() + Request.PathBase + ApiEndpoints.Prefix;
    }
}
