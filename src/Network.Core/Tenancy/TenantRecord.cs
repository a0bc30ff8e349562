namespace Network.Core.Tenancy;

/// <summary>A tenant as stored in the host database's registry.</summary>
public sealed class TenantRecord
{
    public const string HubName = "network";

    public int Id { get; set; }

    /// <summary>Lowercase slug, also the folder of the tenant's data.</summary>
    public string Name { get; set; } = "";

    /// <summary>First path segment the tenant answers on; empty for the hub.</summary>
    public string Prefix { get; set; } = "";

    public string DisplayName { get; set; } = "";
    public TenantState State { get; set; }
    public List<TenantHostName> Hosts { get; set; } = [];

    /// <summary>Ids of the enabled modules.</summary>
    public List<string> Features { get; set; } = [];

    /// <summary>The lines of the DSFR bloc-marque ("Préfet" / "de la région" / "Hauts-de-France").</summary>
    public List<string> BlocMarqueLines { get; set; } = [];
    public string OperatorName { get; set; } = "";
    public string SiteName { get; set; } = "";
    public string Baseline { get; set; } = "";
    public string ContactEmail { get; set; } = "";

    /// <summary>SIRET of the attributing office (the regional DRAC).</summary>
    public string Siret { get; set; } = "";
    public string DefaultCulture { get; set; } = "fr";
    public string RecipeName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Optimistic concurrency token, bumped on every change.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public bool IsHub => Name == HubName;
}

public sealed class TenantHostName
{
    public int Id { get; set; }
    public int TenantId { get; set; }

    /// <summary>Lowercase host name without port ("culture-numerique.hautsdefrance.example").</summary>
    public string HostName { get; set; } = "";
}
