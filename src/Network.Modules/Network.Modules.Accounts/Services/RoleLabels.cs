using Network.Core.Security;

namespace Network.Modules.Accounts.Services;

/// <summary>French names of the roles (translated in views through the localizer).</summary>
public static class RoleLabels
{
    public static string Of(string role) => role switch
    {
        NetworkRoles.Administrator => "Administrateur du réseau",
        NetworkRoles.Coordinator => "Coordination",
        NetworkRoles.Reviewer => "Jury",
        NetworkRoles.Contributor => "Contribution",
        NetworkRoles.Member => "Membre",
        _ => role,
    };
}
