namespace Network.Core.Modules;

/// <summary>Which home pages a <see cref="HomeSection"/> appears on.</summary>
public enum HomeSectionScope { All, HubOnly, RegionsOnly }

/// <summary>
/// A block a module adds to the tenant's home page: a view component rendered by the theme's home, in
/// <see cref="Order"/>, only where the module is enabled. The theme has built-in blocks of its own
/// (<see cref="HomeSectionIds"/>); a module section with the same id takes the built-in block's place.
/// </summary>
/// <param name="Id">Stable name ("content-latest"): the handle a composable home (issue 9) will arrange.</param>
/// <param name="ViewComponent">A <c>ViewComponent</c> type invoked without arguments; it reads the tenant from the request.</param>
/// <param name="Order">Position on the page; the theme's introduction is at 0 and its presentation of the network at 500.</param>
public sealed record HomeSection(string Id, Type ViewComponent, int Order = 100, HomeSectionScope Scope = HomeSectionScope.All)
{
    public bool AppliesTo(Tenancy.TenantInfo tenant) => Scope switch
    {
        HomeSectionScope.HubOnly => tenant.IsHub,
        HomeSectionScope.RegionsOnly => !tenant.IsHub,
        _ => true,
    };
}

/// <summary>Ids of the theme's built-in home blocks, which a module's <see cref="HomeSection"/> may replace.</summary>
public static class HomeSectionIds
{
    /// <summary>The hub's list of regional sites.</summary>
    public const string Regions = "regions";
}
