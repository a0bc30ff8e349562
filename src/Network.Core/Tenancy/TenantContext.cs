namespace Network.Core.Tenancy;

/// <summary>The tenant of the current unit of work (set by the resolution middleware, or by a job).</summary>
public sealed class TenantContext
{
    public TenantInfo? Tenant { get; set; }

    /// <summary>How the tenant was reached: by host name (no path base) or by prefix.</summary>
    public bool ResolvedByHost { get; set; }

    public TenantInfo Required => Tenant ?? throw new InvalidOperationException("No current tenant.");
}
