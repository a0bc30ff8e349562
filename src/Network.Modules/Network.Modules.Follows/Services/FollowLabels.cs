using Microsoft.Extensions.DependencyInjection;
using Network.Core.Tenancy;
using Network.Modules.Follows.Data;

namespace Network.Modules.Follows.Services;

/// <summary>A follow as the preferences page shows it: its topic's label and page, and the site it belongs to.</summary>
public sealed record FollowView(Follow Follow, TenantInfo? Site, FollowTopicView? Topic);

/// <summary>Names a member's follows, which span tenants: each tenant's topics are described in a scope of that tenant.</summary>
public sealed class FollowLabels(TenantCatalog catalog, TenantActivator activator, TenantScopeFactory scopes)
{
    public async Task<IReadOnlyList<FollowView>> DescribeAsync(IReadOnlyList<Follow> follows, CancellationToken cancellationToken = default)
    {
        var views = new List<FollowView>();
        foreach (var group in follows.GroupBy(f => f.Tenant, StringComparer.Ordinal))
        {
            var tenant = catalog.Find(group.Key);
            if (tenant is not { State: TenantState.Running })
            {
                views.AddRange(group.Select(f => new FollowView(f, tenant, null)));
                continue;
            }
            await activator.EnsureActivatedAsync(tenant);
            await using var scope = scopes.CreateScope(tenant);
            var resolver = scope.ServiceProvider.GetRequiredService<FollowTopicResolver>();
            foreach (var follow in group) views.Add(new FollowView(follow, tenant, await resolver.DescribeAsync(follow.Kind, follow.Key, cancellationToken)));
        }
        return views;
    }
}
