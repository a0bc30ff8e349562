using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Network.Core.Recipes;
using Network.Core.Security;

namespace Network.Core.Modules;

/// <summary>
/// The one contract a module implements: who it is, what it needs, and what it adds to the host.
/// Modules are plain classes listed explicitly by the host (no assembly scanning).
/// </summary>
public abstract class NetworkModule
{
    /// <summary>Stable identifier stored in tenant settings ("Accounts").</summary>
    public abstract string Id { get; }

    /// <summary>Human name shown in the admin (French; translated through the localizer).</summary>
    public abstract string Name { get; }

    public abstract string Description { get; }

    /// <summary>Ids of the modules that must be enabled for this one to work.</summary>
    public virtual IReadOnlyList<string> Dependencies => [];

    /// <summary>Modules that make the host itself (admin shell, settings): enabled in every tenant, never disabled.</summary>
    public virtual bool IsAlwaysEnabled => false;

    public virtual IReadOnlyList<Permission> Permissions => [];

    /// <summary>Entries of the tenant's admin menu; each is shown only if the user holds its permission.</summary>
    public virtual IReadOnlyList<AdminMenuItem> AdminMenu => [];

    /// <summary>Entries of the public main navigation.</summary>
    public virtual IReadOnlyList<NavigationItem> MainNavigation => [];

    /// <summary>
    /// Tenant-relative address prefixes of the module's pages that are not for search engines (personal links, forms,
    /// noindex pages; "*" matches any segment): robots.txt disallows them and the XML sitemap never lists them.
    /// </summary>
    public virtual IReadOnlyList<string> PrivatePaths => [];

    /// <summary>Kinds of blocks coordinators may place on home pages where the module is enabled.</summary>
    public virtual IReadOnlyList<HomeBlockType> HomeBlocks => [];

    /// <summary>EF Core contexts of this module living in the host database, migrated at start-up.</summary>
    public virtual IReadOnlyList<Type> HostDbContexts => [];

    /// <summary>EF Core contexts of this module living in each tenant's database, migrated when a tenant activates.</summary>
    public virtual IReadOnlyList<Type> TenantDbContexts => [];

    public virtual void ConfigureServices(IServiceCollection services, IConfiguration configuration) { }

    /// <summary>Minimal-API endpoints; the group already carries this module's feature gate.</summary>
    public virtual void MapEndpoints(IEndpointRouteBuilder endpoints) { }

    public virtual IReadOnlyList<RecipeStepHandler> RecipeSteps => [];
}
