namespace Network.Core.Security;

/// <summary>A permission declared by a module, granted to roles per tenant.</summary>
/// <param name="Name">Stable identifier ("ManageRoles").</param>
/// <param name="Description">Shown in the roles admin (French, localized).</param>
/// <param name="DefaultRoles">Roles that hold it when a recipe does not say otherwise.</param>
public sealed record Permission(string Name, string Description, params string[] DefaultRoles)
{
    public string Policy => PermissionPolicyProvider.Prefix + Name;
}

/// <summary>The role names of the network. Roles other than Administrator are granted per tenant.</summary>
public static class NetworkRoles
{
    /// <summary>Network administrator: every permission in every tenant, and tenant management on the hub.</summary>
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Reviewer = "Reviewer";
    public const string Contributor = "Contributor";
    public const string Member = "Member";

    public static readonly IReadOnlyList<string> TenantRoles = [Coordinator, Reviewer, Contributor, Member];

    public static bool IsTenantRole(string role) => TenantRoles.Contains(role, StringComparer.Ordinal);
}

/// <summary>Permissions the host itself declares.</summary>
public static class CorePermissions
{
    public static readonly Permission AccessAdmin = new("AccessAdmin", "Accéder à l'administration", NetworkRoles.Coordinator, NetworkRoles.Reviewer, NetworkRoles.Contributor);
}
