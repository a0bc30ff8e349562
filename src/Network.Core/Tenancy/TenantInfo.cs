namespace Network.Core.Tenancy;

/// <summary>An immutable snapshot of a tenant's settings, shared by every request to that tenant.</summary>
public sealed class TenantInfo
{
    public TenantInfo(TenantRecord record)
    {
        Id = record.Id;
        Name = record.Name;
        Prefix = record.Prefix;
        DisplayName = record.DisplayName;
        State = record.State;
        Hosts = record.Hosts.Select(h => h.HostName).ToArray();
        Features = new HashSet<string>(record.Features, StringComparer.OrdinalIgnoreCase);
        BlocMarqueLines = record.BlocMarqueLines.ToArray();
        OperatorName = record.OperatorName;
        SiteName = record.SiteName;
        Baseline = record.Baseline;
        ContactEmail = record.ContactEmail;
        Siret = record.Siret;
        DefaultCulture = record.DefaultCulture;
        Version = record.Version;
    }

    public int Id { get; }
    public string Name { get; }
    public string Prefix { get; }
    public string DisplayName { get; }
    public TenantState State { get; }
    public IReadOnlyList<string> Hosts { get; }
    public IReadOnlySet<string> Features { get; }
    public IReadOnlyList<string> BlocMarqueLines { get; }
    public string OperatorName { get; }
    public string SiteName { get; }
    public string Baseline { get; }
    public string ContactEmail { get; }
    public string Siret { get; }
    public string DefaultCulture { get; }
    public Guid Version { get; }

    public bool IsHub => Name == TenantRecord.HubName;

    /// <summary>The path base of the tenant when reached by prefix ("" for the hub, "/bretagne" for a region).</summary>
    public string PathBase => Prefix.Length == 0 ? "" : "/" + Prefix;

    public bool IsEnabled(string moduleId) => Features.Contains(moduleId);
}
