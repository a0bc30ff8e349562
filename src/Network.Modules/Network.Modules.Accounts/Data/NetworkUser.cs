using Microsoft.AspNetCore.Identity;

namespace Network.Modules.Accounts.Data;

/// <summary>One account for the whole network.</summary>
public sealed class NetworkUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTime CreatedUtc { get; set; }

    /// <summary>Culture of the e-mails sent to this person ("fr" or "en").</summary>
    public string PreferredCulture { get; set; } = "fr";
}

/// <summary>A role granted to an account in one tenant.</summary>
public sealed class TenantRoleAssignment
{
    public int Id { get; set; }
    public string UserId { get; set; } = "";
    public string TenantName { get; set; } = "";
    public string Role { get; set; } = "";
    public DateTime GrantedUtc { get; set; }
    public string? GrantedByUserId { get; set; }
}

/// <summary>The permissions a role holds in a tenant (stored in that tenant's own database).</summary>
public sealed class RoleDefinition
{
    public string Name { get; set; } = "";
    public string Description { get; set; } = "";
    public List<string> Permissions { get; set; } = [];
}
