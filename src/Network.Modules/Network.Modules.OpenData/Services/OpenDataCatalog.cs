using System.Globalization;
using Network.Core.OpenData;
using Network.Core.Tenancy;

namespace Network.Modules.OpenData.Services;

/// <summary>A dataset of the tenant with what it holds now.</summary>
public sealed record OpenDatasetEntry(OpenDataset Dataset, OpenDatasetState State);

/// <summary>
/// The tenant's datasets: those of the sources whose module the tenant has enabled, in French title order, each with
/// its row count and update date. What the open data pages and the DCAT catalog show.
/// </summary>
public sealed class OpenDataCatalog(IEnumerable<IOpenDatasetSource> sources, TenantContext tenantContext)
{
    private static readonly StringComparer TitleOrder = StringComparer.Create(CultureInfo.GetCultureInfo("fr"), ignoreCase: true);

    private IEnumerable<IOpenDatasetSource> Enabled
    {
        get
        {
            var tenant = tenantContext.Required;
            return sources.Where(s => tenant.IsEnabled(s.Dataset.ModuleId)).OrderBy(s => s.Dataset.Title, TitleOrder);
        }
    }

    public async Task<IReadOnlyList<OpenDatasetEntry>> EntriesAsync(CancellationToken cancellationToken = default)
    {
        var entries = new List<OpenDatasetEntry>();
        // One after the other: the sources share the request's database connection.
        foreach (var source in Enabled) entries.Add(new OpenDatasetEntry(source.Dataset, await source.StateAsync(cancellationToken)));
        return entries;
    }

    /// <summary>The enabled dataset with this id, or null (unknown, or its module is disabled here).</summary>
    public async Task<OpenDatasetEntry?> FindAsync(string id, CancellationToken cancellationToken = default)
        => Enabled.FirstOrDefault(s => s.Dataset.Id == id) is { } source
            ? new OpenDatasetEntry(source.Dataset, await source.StateAsync(cancellationToken))
            : null;
}
