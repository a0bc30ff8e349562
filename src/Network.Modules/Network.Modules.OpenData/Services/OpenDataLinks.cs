using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Network.Core.Localization;
using Network.Core.Tenancy;
using Network.Core.Theming;

namespace Network.Modules.OpenData.Services;

/// <summary>What the open data pages share: how dates and counts read.</summary>
public static class OpenDataLinks
{

    /// <summary>"22 novembre 2026" in the visitor's language, in Paris time.</summary>
    public static string Date(DateTime utc) => ParisTime.FromUtc(utc).ToString("D", CultureInfo.CurrentCulture);

    /// <summary>The machine-readable date for &lt;time datetime&gt;.</summary>
    public static string IsoDate(DateTime utc) => ParisTime.FromUtc(utc).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Count(int rows) => rows.ToString("N0", CultureInfo.CurrentCulture);
}

/// <summary>Announces the DCAT catalog in the heads of the open data pages (<c>/donnees</c> and below) where the module is enabled.</summary>
public sealed class OpenDataHeadLinks(IStringLocalizer<OpenDataModule> localizer) : IHeadLinkSource
{
    public IEnumerable<HeadLink> Links(HttpContext context)
    {
        var tenant = context.RequestServices.GetService(typeof(TenantContext)) is TenantContext { Tenant: { } current } ? current : null;
        if (tenant is null || !tenant.IsEnabled(OpenDataModule.ModuleId)) yield break;
        if (!context.Request.Path.StartsWithSegments("/donnees")) yield break;
        yield return new HeadLink("alternate", DcatCatalog.ContentType, localizer["Catalogue des données (DCAT)"], (context.Request.PathBase.Value ?? "") + DcatCatalog.Path);
    }
}
