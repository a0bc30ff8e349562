using Microsoft.AspNetCore.Http;
using Network.Core.Modules;
using Network.Core.Tenancy;

namespace Network.Modules.Home.Services;

/// <summary>
/// The key under which a home block's rendered HTML is kept (with the cache tag helper): the tenant and its settings
/// version, its content generation and the registry's (the hub lists the regions), the path base the links are made
/// from, and the block's own settings. A published layout, committed content or a settings change gives new keys.
/// </summary>
public sealed class HomeBlockCache(TenantContext tenantContext, TenantGenerations generations)
{
    /// <summary>ViewData flag that turns the cache off (the composer's preview renders the draft fresh).</summary>
    public const string DisabledKey = "HomeBlockCache.Disabled";

    /// <summary>Upper bound on staleness for what no generation tracks (the member count, a media's alt text).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    public string Key(HttpContext context, HomeBlock block)
    {
        var tenant = tenantContext.Required;
        return string.Join('|', tenant.Name, tenant.Version.ToString("N"), generations.Of(tenant.Name), generations.Registry,
            context.Request.PathBase.Value, block.ToString());
    }
}
