using Microsoft.AspNetCore.Mvc.RazorPages;
using Network.Core.OpenData;
using Network.Core.Tenancy;

namespace Network.Modules.OpenData.Pages.Donnees;

/// <summary>The tenant's datasets: those of the sources whose module the tenant has enabled, in title order.</summary>
public sealed class OpenDataIndexModel(IEnumerable<IOpenDatasetSource> sources, TenantContext tenantContext) : PageModel
{
    public IReadOnlyList<OpenDataset> Datasets { get; private set; } = [];

    public void OnGet()
    {
        var tenant = tenantContext.Required;
        Datasets = sources.SelectMany(s => s.Datasets).Where(d => tenant.IsEnabled(d.ModuleId))
            .OrderBy(d => d.Title, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr"), ignoreCase: true)).ToList();
    }
}
