using Network.Core.Tenancy;

namespace Network.Tests.Mail;

/// <summary>Tenant snapshots for unit tests that need no host.</summary>
internal static class TestTenants
{
    public static TenantInfo Hub => Create(TenantRecord.HubName, "", "Réseau national", "Réseau Culture et Numérique");

    public static TenantInfo Region => Create("hauts-de-france", "hauts-de-france", "Hauts-de-France", "Culture et numérique en Hauts-de-France");

    public static TenantInfo WithHost => Create("bretagne", "bretagne", "Bretagne", "Culture et numérique en Bretagne", "culture.bretagne.test");

    public static TenantInfo Create(string name, string prefix, string displayName, string siteName, params string[] hosts) => new(new TenantRecord
    {
        Name = name,
        Prefix = prefix,
        DisplayName = displayName,
        SiteName = siteName,
        ContactEmail = $"contact@{name}.test",
        DefaultCulture = "fr",
        State = TenantState.Running,
        Hosts = hosts.Select(h => new TenantHostName { HostName = h }).ToList(),
    });
}
