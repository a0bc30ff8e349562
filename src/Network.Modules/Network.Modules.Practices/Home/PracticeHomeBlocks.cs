using Network.Core.Tenancy;
using Network.Modules.Content.Home;
using Network.Modules.Practices.Services;

namespace Network.Modules.Practices.Home;

/// <summary>Home block "practices-latest": the newest practice reports (on the hub: those the regions share).</summary>
public sealed class PracticesLatestViewComponent(ContentHomeData data, PracticeType type, TenantContext tenantContext)
    : ContentLatestViewComponent<PracticeType>(data, type, tenantContext)
{
    public const string BlockTypeId = "practices-latest";

    protected override string DefaultHeading(bool hub) => hub ? "Derniers retours d'expérience partagés par les régions" : "Derniers retours d'expérience";
}
