using Network.Core.Tenancy;
using Network.Modules.Content.Home;
using Network.Modules.Showcases.Services;

namespace Network.Modules.Showcases.Home;

/// <summary>Home block "showcases-latest": the newest published projects (on the hub: those the regions share).</summary>
public sealed class ShowcasesLatestViewComponent(ContentHomeData data, ShowcaseType type, TenantContext tenantContext)
    : ContentLatestViewComponent<ShowcaseType>(data, type, tenantContext)
{
    public const string BlockTypeId = "showcases-latest";

    protected override string DefaultHeading(bool hub) => hub ? "Derniers projets partagés par les régions" : "Derniers projets publiés";
}

/// <summary>Home block "showcases-featured": the projects put forward (in a region its own, on the hub the regions').</summary>
public sealed class ShowcasesFeaturedViewComponent(ContentHomeData data, ShowcaseType type, TenantContext tenantContext)
    : ContentFeaturedViewComponent<ShowcaseType>(data, type, tenantContext)
{
    public const string BlockTypeId = "showcases-featured";

    protected override string DefaultHeading(bool hub) => hub ? "Projets à la une dans les régions" : "Projets à la une";
}
