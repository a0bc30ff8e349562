using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Network.Core.Tenancy;

namespace Network.Core.Security;

public sealed record PermissionRequirement(string Permission) : IAuthorizationRequirement;

/// <summary>Requires a permission in the current tenant.</summary>
public sealed class RequirePermissionAttribute : AuthorizeAttribute
{
    public RequirePermissionAttribute(string permission) => Policy = PermissionPolicyProvider.Prefix + permission;
}

/// <summary>Requires the network administrator.</summary>
public sealed class RequireNetworkAdministratorAttribute : AuthorizeAttribute
{
    public RequireNetworkAdministratorAttribute() => Roles = NetworkRoles.Administrator;
}

/// <summary>Turns "Permission:X" policy names into <see cref="PermissionRequirement"/>s, with no registration per permission.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public const string Prefix = "Permission:";

    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (!policyName.StartsWith(Prefix, StringComparison.Ordinal))
            return await base.GetPolicyAsync(policyName);
        return new AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser()
            .AddRequirements(new PermissionRequirement(policyName[Prefix.Length..]))
            .Build();
    }
}

/// <summary>What a user may do in a tenant; implemented by the Accounts module.</summary>
public interface ITenantPermissionStore
{
    Task<bool> HasPermissionAsync(string userId, TenantInfo tenant, string permission);
}

/// <summary>Evaluates every permission against the tenant of the request, never another.</summary>
public sealed class PermissionAuthorizationHandler(TenantContext tenantContext, ITenantPermissionStore store)
    : AuthorizationHandler<PermissionRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true || tenantContext.Tenant is not { } tenant) return;
        if (user.IsInRole(NetworkRoles.Administrator))
        {
            context.Succeed(requirement);
            return;
        }
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is not null && await store.HasPermissionAsync(userId, tenant, requirement.Permission))
            context.Succeed(requirement);
    }
}
